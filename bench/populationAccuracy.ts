/**
 * `npm run bench:population [-- --json]`
 *
 * How near the spread population comes to CBS's own wijk figures, per wijk,
 * for Leiden, Deventer and Nijmegen (../shared/data), on PGlite:
 *   area     — each postcode area's residents (CBS PC4, 2021) spread over its
 *              100 m cells by area, in whole residents, exactly its count;
 *   weights  — the same, spread by population weights (dasymetric): here the
 *              dwellings per wijk from CBS's key figures 2022 (`dwelling_total`),
 *              each spread evenly over its wijk.
 * Then, per wijk, the residents of the cells whose centre lies in it against
 * CBS's wijk population (2022): the median and largest absolute error in %.
 * Not independent: the dwellings come from the same CBS table as the figures
 * they are checked against, and the PC4 counts are a year older. No building
 * or address layer for these municipalities is in ../shared/data (see README).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../src/backend/api';
import { localUserClaims } from '../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../src/backend/sqlRpc';
import { areaPopulationPlan } from '../src/import/formats/cbsPopulation';
import { openPgliteDatabase } from '../tests/support/engines';
import { sharedDataDirectory } from '../tests/support/sharedRequirements';

const cities = ['leiden', 'deventer', 'nijmegen'];
const json = process.argv.includes('--json');
const log = (line: string) => (json ? console.error(line) : console.log(line));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Wijk {
  code: string;
  name: string;
  population: number;
  /** CBS gives the share aged 65+ as a rounded percentage; the count is that share of the population. */
  population65plus: number;
  dwellings: number;
  geometry: object;
}

async function measure(city: string) {
  const file = (name: string) => join(sharedDataDirectory, city, name);
  const wijkFile = file(`cbs_wijken_${city}_2022_kwb.geojson`);
  const pc4File = file(`cbs_pc4_${city}_2021_leeftijd.geojson`);
  if (!existsSync(wijkFile) || !existsSync(pc4File)) throw new Error(`${city}: files missing in ${sharedDataDirectory}`);
  // The wijken, in WGS84 as every file in ../shared/data.
  const wijken: Wijk[] = (
    JSON.parse(readFileSync(wijkFile, 'utf8')) as { features: Array<{ properties: Record<string, number | string>; geometry: object }> }
  ).features.map((feature) => ({
    code: String(feature.properties.code),
    name: String(feature.properties.name),
    population: Number(feature.properties.population),
    population65plus: (Number(feature.properties.population) * Number(feature.properties.pop_65plus)) / 100,
    dwellings: Number(feature.properties.dwelling_total),
    geometry: feature.geometry,
  }));
  const database = await openPgliteDatabase();
  try {
    const api = createApi(createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-00000000be00')));
    const plan = areaPopulationPlan(readFileSync(pc4File, 'utf8'), `cbs-pc4-${city}`);
    await api.importAreaPopulation({ source: plan.source, attribution: plan.attribution, rows: plan.rows, dryRun: false });
    const errors = async () => {
      const all: number[] = [];
      const aged: number[] = [];
      for (const wijk of wijken) {
        const { rows } = await database.connection.query<{ residents: number; residents_65plus: number }>(
          `select coalesce(sum(c.residents), 0)::float8 as residents, coalesce(sum(c.residents_65plus), 0)::float8 as residents_65plus
           from public.population_cells c
           where extensions.st_intersects(extensions.st_transform(extensions.st_setsrid(extensions.st_geomfromgeojson($1::text), 4326), 28992), c.centre)`,
          [JSON.stringify(wijk.geometry)],
        );
        all.push((Math.abs(rows[0]!.residents - wijk.population) / wijk.population) * 100);
        aged.push((Math.abs(rows[0]!.residents_65plus - wijk.population65plus) / wijk.population65plus) * 100);
      }
      return { all, aged };
    };
    const byArea = await errors();
    const report = await api.importPopulationWeights({
      source: `cbs-woningen-${city}`,
      attribution: 'CBS (CC BY 4.0)',
      dryRun: false,
      rows: wijken.map((wijk, index) => ({
        row: index + 1,
        weight: wijk.dwellings,
        geometry: wijk.geometry as Polygon | MultiPolygon,
      })),
    });
    const byWeights = await errors();
    return {
      city,
      wijken: wijken.length,
      residents_pc4: plan.rows.reduce((sum, row) => sum + (row.residents ?? 0), 0),
      residents_wijken: wijken.reduce((sum, wijk) => sum + wijk.population, 0),
      residents_kept: report.residents_before === report.residents_after,
      area: summary(byArea),
      weights: summary(byWeights),
      per_wijk: wijken.map((wijk, index) => ({
        code: wijk.code,
        name: wijk.name,
        area_pct: byArea.all[index],
        weights_pct: byWeights.all[index],
        area_65plus_pct: byArea.aged[index],
        weights_65plus_pct: byWeights.aged[index],
      })),
    };
  } finally {
    await database.close();
  }
}

function summary(errors: { all: number[]; aged: number[] }) {
  return {
    median_error_pct: median(errors.all),
    max_error_pct: Math.max(...errors.all),
    median_error_65plus_pct: median(errors.aged),
    max_error_65plus_pct: Math.max(...errors.aged),
  };
}

const results = [];
for (const city of cities) {
  const result = await measure(city);
  results.push(result);
  const pct = (value: number) => `${value.toFixed(1)} %`;
  log(
    `${city.padEnd(9)} ${result.wijken} wijken · median error (max) all / 65+:` +
      ` by area ${pct(result.area.median_error_pct)} (${pct(result.area.max_error_pct)}) / ${pct(result.area.median_error_65plus_pct)} (${pct(result.area.max_error_65plus_pct)})` +
      ` · by dwellings ${pct(result.weights.median_error_pct)} (${pct(result.weights.max_error_pct)}) / ${pct(result.weights.median_error_65plus_pct)} (${pct(result.weights.max_error_65plus_pct)})` +
      ` · residents kept: ${result.residents_kept}`,
  );
}
if (json) console.log(JSON.stringify({ results }));
