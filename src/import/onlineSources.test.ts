import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fileErrorOf } from '../../tests/support/importFixtures';
import { fetchOnlineText, normaliseGemeenteCode, overpassQuery, pdokBoundariesUrl } from './onlineSources';
import { ImportFileError } from './types';

/** A loopback port nobody listens on: a real connection that is refused, as without a network. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('loading a municipality online', () => {
  it('accepts 546, 0546 and GM0546 for Leiden, and refuses anything else', () => {
    expect(['546', '0546', 'gm0546', ' GM0546 '].map(normaliseGemeenteCode)).toEqual(['GM0546', 'GM0546', 'GM0546', 'GM0546']);
    expect(fileErrorOf(() => normaliseGemeenteCode('Leiden')).key).toBe('import.online.bad_gemeente_code');
  });

  it('asks PDOK for one level of one municipality as GeoJSON', () => {
    const url = new URL(pdokBoundariesUrl('546', 'buurten'));
    expect(url.pathname).toBe('/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items');
    expect(Object.fromEntries(url.searchParams)).toEqual({ f: 'json', gemeentecode: 'GM0546', limit: '1000' });
  });

  it('asks Overpass for what the tag mapping knows, inside the municipality', () => {
    const query = overpassQuery('GM0546');
    expect(query).toContain('area["ref:gemeentecode"="0546"]["boundary"="administrative"]->.gemeente;');
    expect(query).toContain('nwr["amenity"="community_centre"](area.gemeente);');
    expect(query).toContain('nwr["route"~"^(hiking|foot|walking)$"](area.gemeente);');
    expect(query).toContain('nwr["club"](area.gemeente);');
    expect(query).not.toContain('place_of_worship');
  });

  it('says there is no connection when the host cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/items`;
    const error = await fetchOnlineText(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ key: 'import.online.offline', params: { host: new URL(url).host } });
  });
});
