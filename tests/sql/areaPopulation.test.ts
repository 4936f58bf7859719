/**
 * Population from area counts (Leiden's PC4 areas with age bands, the real CBS
 * file in ../shared/data), spread over 100 m cells by areal weighting. On PGlite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import { openPgliteDatabase, type TestDatabase } from '../support/engines';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const pc4File = join(sharedDataDirectory, 'leiden', 'cbs_pc4_leiden_2021_leeftijd.geojson');
const skip = requirementMissing(`Leiden PC4 population at ${pc4File}`, existsSync(pc4File));

interface Pc4Feature {
  geometry: unknown;
  properties: { postcode: number; inwoners: number; inw_65plus_sum: number };
}

describe.skipIf(skip)('estimated cells from the PC4 areas of Leiden', () => {
  let database: TestDatabase;
  let report: { cells: number; residents_in: number; residents_spread: number };

  beforeAll(async () => {
    database = await openPgliteDatabase();
    const features = (JSON.parse(readFileSync(pc4File, 'utf8')) as { features: Pc4Feature[] }).features;
    const rows = features.map((feature, index) => ({
      row: index + 1,
      code: String(feature.properties.postcode),
      geometry: feature.geometry,
      residents: feature.properties.inwoners,
      residents_65plus: feature.properties.inw_65plus_sum,
    }));
    const call = createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-0000000c0012'));
    report = (await call('import_area_population', { p_source: 'cbs-pc4', p_attribution: 'CBS', p_rows: rows })) as typeof report;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('spreads 124 090 residents over estimated 100 m cells, keeping the total up to rounding', async () => {
    expect(report.residents_in).toBe(124_090);
    // Rounding per cell moves the total by at most half a resident per cell.
    expect(Math.abs(report.residents_spread - 124_090)).toBeLessThan(report.cells / 2);
    const [cells] = (
      await database.connection.query<{ count: number; estimated: number; old: number }>(
        `select count(*)::int as count, count(*) filter (where estimated)::int as estimated,
                sum(residents_65plus)::int as old from public.population_cells`,
      )
    ).rows;
    expect(cells!.count).toBe(report.cells);
    // Leiden's PC4 areas cover ~23 km²: some 2 300 cells, plus the partial ones along the edges.
    expect(cells!.count).toBeGreaterThan(2300);
    expect(cells!.count).toBe(cells!.estimated);
    expect(Math.abs(cells!.old - 19_625)).toBeLessThan(report.cells / 2);
  });

  it('names cells the CBS way: the RD corner in hectometres', async () => {
    const { rows } = await database.connection.query<{ bad: number }>(
      `select count(*)::int as bad from public.population_cells
       where cell_id <> format('E%sN%s', (extensions.st_xmin(geom) / 100)::int, (extensions.st_ymin(geom) / 100)::int)`,
    );
    expect(rows[0]!.bad).toBe(0);
  });
});
