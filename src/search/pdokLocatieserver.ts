import { z } from 'zod';
import { maxQueryLength } from '../domain/placeSearch';

/**
 * Addresses from PDOK's Locatieserver (the Dutch government's geocoder, open
 * and free): `suggest` while the user types, `lookup` for the chosen one's
 * point. Only used online; without internet the search stays with what the
 * app holds (placeSearch.ts). The answers are checked, not trusted: a changed
 * or broken answer is "no addresses", never a wrong place on the map.
 */
const pdokLocatieserverUrl = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

/** What a resident looks for: an address, a street, a postcode, a town. */
const wantedTypes = 'type:(adres OR weg OR postcode OR woonplaats)';

export interface AddressSuggestion {
  id: string;
  /** PDOK's display name, e.g. "Stadhuisplein 1, 2311EJ Leiden". */
  name: string;
  type: string;
}

export interface AddressPoint {
  name: string;
  lon: number;
  lat: number;
}

/** PDOK could not be asked or gave no usable answer (no internet, a timeout, a changed API). */
export class AddressSearchUnavailable extends Error {
  constructor(cause: unknown) {
    super('PDOK Locatieserver did not answer', { cause });
  }
}

const suggestAnswer = z.object({
  response: z.object({
    docs: z.array(z.object({ id: z.string().min(1).max(200), weergavenaam: z.string().min(1).max(300), type: z.string().max(50) })),
  }),
});

const lookupAnswer = z.object({
  response: z.object({
    docs: z.array(z.object({ weergavenaam: z.string().min(1).max(300), centroide_ll: z.string().max(100) })),
  }),
});

/** "POINT(4.49 52.16)" → [4.49, 52.16]; anything else (or a point outside the Netherlands' surroundings) → null. */
export function pointFromWkt(wkt: string): [number, number] | null {
  const match = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(wkt.trim());
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  return lon > 2 && lon < 8 && lat > 50 && lat < 54 ? [lon, lat] : null;
}

/** Gives up on PDOK after this long: a slow line should fall back to the local search, not hang. */
const timeoutMs = 5000;

async function askPdok(path: 'suggest' | 'lookup', parameters: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
  const url = new URL(`${pdokLocatieserverUrl}/${path}`);
  for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
  // The caller's signal and a timeout in one (by hand: AbortSignal.any needs Safari 17.4).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('PDOK took too long')), timeoutMs);
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', stop);
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (error) {
    // The user typed on: not a failure, the caller drops this answer.
    if (signal?.aborted) throw error;
    throw new AddressSearchUnavailable(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/** Up to `rows` addresses, streets, postcodes or towns whose name starts like `query`. */
export async function suggestAddresses(query: string, signal?: AbortSignal, rows = 5): Promise<AddressSuggestion[]> {
  // No address is longer; what the field would let through beyond this is not sent.
  const q = query.trim().slice(0, maxQueryLength);
  const answer = suggestAnswer.safeParse(await askPdok('suggest', { q, fq: wantedTypes, rows: String(rows) }, signal));
  if (!answer.success) throw new AddressSearchUnavailable(answer.error);
  return answer.data.response.docs.map((doc) => ({ id: doc.id, name: doc.weergavenaam, type: doc.type }));
}

/** The point of one suggestion (its centroid in WGS84); null when PDOK no longer knows it. */
export async function lookupAddress(id: string, signal?: AbortSignal): Promise<AddressPoint | null> {
  const answer = lookupAnswer.safeParse(await askPdok('lookup', { id, fl: 'id,weergavenaam,centroide_ll' }, signal));
  if (!answer.success) throw new AddressSearchUnavailable(answer.error);
  const doc = answer.data.response.docs[0];
  const point = doc && pointFromWkt(doc.centroide_ll);
  return doc && point ? { name: doc.weergavenaam, lon: point[0], lat: point[1] } : null;
}
