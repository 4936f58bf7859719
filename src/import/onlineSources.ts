import { osmTagRules } from './osmTagMapping';
import { ImportFileError } from './types';

/**
 * Loading a municipality straight from the open sources, when there is a network:
 * boundaries from PDOK's OGC API Features (CBS wijken en buurten) and public
 * assets from OpenStreetMap through the Overpass API. The answers go through the
 * same importers as files do (cbsAreas, osmAssets).
 */

export type BoundaryLevel = 'gemeenten' | 'wijken' | 'buurten';

/** PDOK's CBS "Wijken en Buurten" collection for one municipality, in WGS84 (f=json is GeoJSON in CRS84). */
export function pdokBoundariesUrl(gemeenteCode: string, level: BoundaryLevel, year = 2024): string {
  const code = normaliseGemeenteCode(gemeenteCode);
  const url = new URL(`https://api.pdok.nl/cbs/wijken-en-buurten-${year}/ogc/v1/collections/${level}/items`);
  url.searchParams.set('f', 'json');
  url.searchParams.set('gemeentecode', code);
  url.searchParams.set('limit', '1000');
  return url.toString();
}

const overpassUrl = 'https://overpass-api.de/api/interpreter';

/**
 * An Overpass QL query for the objects osmTagMapping knows, inside one
 * municipality (OSM tags Dutch municipalities with ref:gemeentecode, without
 * "GM"). The selectors are made from the mapping's rules, so the two cannot
 * drift apart; exclusions are applied when the answer is mapped.
 * `out body; >; out skel qt;` returns ways' nodes too, which osmtogeojson needs.
 */
export function overpassQuery(gemeenteCode: string): string {
  const number = normaliseGemeenteCode(gemeenteCode).slice(2);
  const selectors = osmTagRules
    .filter((rule) => rule.category !== null)
    .map(
      (rule) =>
        `  nwr${Object.entries(rule.tags)
          .map(([key, value]) => tagFilter(key, value))
          .join('')}(area.gemeente);`,
    );
  return `[out:json][timeout:120];
area["ref:gemeentecode"="${number}"]["boundary"="administrative"]->.gemeente;
(
${[...new Set(selectors)].join('\n')}
);
out body;
>;
out skel qt;`;
}

function tagFilter(key: string, value: string | readonly string[]): string {
  if (value === '*') return `["${key}"]`;
  if (typeof value === 'string') return `["${key}"="${value}"]`;
  return `["${key}"~"^(${value.join('|')})$"]`;
}

/** "546", "0546" or "GM0546" → "GM0546"; anything else is refused. */
export function normaliseGemeenteCode(input: string): string {
  const match = /^(?:GM)?(\d{1,4})$/i.exec(input.trim());
  if (!match) throw new ImportFileError('import.online.bad_gemeente_code', { code: input });
  return `GM${match[1]!.padStart(4, '0')}`;
}

/** Fetches text; no network or a refused connection becomes one clear message, as does an HTTP error. */
export async function fetchOnlineText(url: string, init?: RequestInit, fetcher: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(url, init);
  } catch {
    throw new ImportFileError('import.online.offline', { host: new URL(url).host });
  }
  if (!response.ok) {
    throw new ImportFileError('import.online.http_error', { host: new URL(url).host, status: response.status });
  }
  return response.text();
}

export async function fetchOverpass(gemeenteCode: string, fetcher: typeof fetch = fetch): Promise<string> {
  return fetchOnlineText(overpassUrl, { method: 'POST', body: new URLSearchParams({ data: overpassQuery(gemeenteCode) }) }, fetcher);
}
