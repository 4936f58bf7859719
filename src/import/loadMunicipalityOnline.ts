import type { WijkkrachtApi } from '../backend/api';
import type { ImportReport } from '../backend/wireTypes';
import { cbsAreaPlan } from './formats/cbsAreas';
import { osmAssetPlan } from './formats/osmAssets';
import { fetchOnlineText, fetchOverpass, normaliseGemeenteCode, pdokBoundariesUrl } from './onlineSources';
import { commitImport } from './runImport';

/**
 * A municipality from the open sources in one go: its gemeente, wijk and buurt
 * boundaries from PDOK, then its public places from OpenStreetMap. Rows the
 * checks refuse are skipped (public data is as it is); each set is still atomic.
 */
export async function loadMunicipalityOnline(
  api: WijkkrachtApi,
  gemeenteCode: string,
  fetcher: typeof fetch = fetch,
): Promise<ImportReport> {
  const code = normaliseGemeenteCode(gemeenteCode);
  for (const level of ['gemeenten', 'wijken', 'buurten'] as const) {
    const text = await fetchOnlineText(pdokBoundariesUrl(code, level), undefined, fetcher);
    await commitImport(api, cbsAreaPlan(text), { skipInvalid: true });
  }
  const osm = osmAssetPlan(await fetchOverpass(code, fetcher));
  return commitImport(api, osm, { skipInvalid: true, withinArea: code });
}
