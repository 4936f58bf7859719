import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddressSearchUnavailable, lookupAddress, pointFromWkt, suggestAddresses } from './pdokLocatieserver';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/pdok', name), 'utf8'));

/** PDOK answered by `answer` (or a status); returns the URLs asked. */
function pdokAnswers(answer: unknown, status = 200): URL[] {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: URL) => {
      asked.push(new URL(url));
      return Promise.resolve(new Response(JSON.stringify(answer), { status }));
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("PDOK's Locatieserver", () => {
  it('suggests addresses, streets and towns for what was typed, in PDOK order', async () => {
    const asked = pdokAnswers(fixture('suggest-stadhuisplein.json'));
    const suggestions = await suggestAddresses('stadhuisplein 1 leiden');
    expect(suggestions.map((suggestion) => suggestion.name)).toEqual([
      'Stadhuisplein 1, 2311EJ Leiden',
      'Stadhuisplein, Leiden',
      'Stadhuisplein, Katwijk',
    ]);
    expect(asked[0]!.pathname).toBe('/bzk/locatieserver/search/v3_1/suggest');
    expect(asked[0]!.searchParams.get('q')).toBe('stadhuisplein 1 leiden');
    expect(asked[0]!.searchParams.get('fq')).toBe('type:(adres OR weg OR postcode OR woonplaats)');
  });

  it("looks up a suggestion's point", async () => {
    const asked = pdokAnswers(fixture('lookup-stadhuisplein-1.json'));
    expect(await lookupAddress('adr-3c1f0b8a9d2e4f6a7b5c0d1e2f3a4b5c')).toEqual({
      name: 'Stadhuisplein 1, 2311EJ Leiden',
      lon: 4.49283,
      lat: 52.15853,
    });
    expect(asked[0]!.searchParams.get('id')).toBe('adr-3c1f0b8a9d2e4f6a7b5c0d1e2f3a4b5c');
  });

  it('says PDOK is unavailable for a failed request, an error status or an answer of another shape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(suggestAddresses('leiden')).rejects.toBeInstanceOf(AddressSearchUnavailable);
    pdokAnswers({ error: 'bad request' }, 400);
    await expect(suggestAddresses('leiden')).rejects.toBeInstanceOf(AddressSearchUnavailable);
    pdokAnswers({ response: { docs: [{ id: 1 }] } });
    await expect(suggestAddresses('leiden')).rejects.toBeInstanceOf(AddressSearchUnavailable);
  });

  it('puts no place on the map for a lookup without a usable point', async () => {
    pdokAnswers({ response: { docs: [] } });
    expect(await lookupAddress('gone')).toBeNull();
    pdokAnswers({ response: { docs: [{ weergavenaam: 'Ergens', centroide_ll: 'POINT(155000 463000)' }] } });
    expect(await lookupAddress('rd-coordinates')).toBeNull();
  });

  it('reads WGS84 points in and around the Netherlands only', () => {
    expect(pointFromWkt('POINT(4.49283 52.15853)')).toEqual([4.49283, 52.15853]);
    expect(pointFromWkt(' point ( 5.1 52 ) ')).toEqual([5.1, 52]);
    expect(pointFromWkt('POINT(0 0)')).toBeNull();
    expect(pointFromWkt('LINESTRING(4 52, 5 52)')).toBeNull();
    expect(pointFromWkt('POINT(4.4 52.1); DROP')).toBeNull();
  });
});
