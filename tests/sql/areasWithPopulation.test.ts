/**
 * A CBS wijk file with key figures brings its areas and their residents in one
 * import (public.import_areas_with_population), on both engines: Leiden's ten
 * wijken from ../shared/data, previewed without a trace, then written at once;
 * a refused row refuses the areas and the residents alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { ApiError } from '../../src/backend/apiError';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AreasWithPopulationRow, ImportReport } from '../../src/backend/wireTypes';
import { detectFormat, planFromText } from '../../src/import/importSources';
import { commitImport, previewImport } from '../../src/import/runImport';
import type { AreasWithPopulationPlan } from '../../src/import/types';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const wijkenFile = join(sharedDataDirectory, 'leiden', 'cbs_wijken_leiden_2022_kwb.geojson');
const missing = requirementMissing(`Leiden's wijken with key figures, ${wijkenFile}`, existsSync(wijkenFile));
const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('areas with their population on $name', ({ skip, open }) => {
  let database: TestDatabase;
  let api: WijkkrachtApi;
  let plan: AreasWithPopulationPlan;
  const count = async (sql: string) => (await database.connection.query<{ n: number }>(`select (${sql})::float8 as n`)).rows[0]!.n;
  const nothingWritten = async () => ({
    areas: await count('select count(*) from public.areas'),
    populations: await count('select count(*) from public.area_population'),
    cells: await count('select count(*) from public.population_cells'),
  });

  beforeAll(async () => {
    if (skip || missing) return;
    database = await open();
    api = createApi(createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-0000000c0015')));
    const text = readFileSync(wijkenFile, 'utf8');
    plan = planFromText(detectFormat('cbs_wijken_leiden_2022_kwb.geojson', text), text, {
      fileName: 'cbs_wijken_leiden_2022_kwb.geojson',
      categories: [],
    }) as AreasWithPopulationPlan;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip || missing)("Leiden's wijken", () => {
    let preview: ImportReport;
    let report: ImportReport;
    const residentsIn = () => plan.rows.reduce((sum, row) => sum + (row.residents ?? 0), 0);

    beforeAll(async () => {
      preview = await previewImport(api, plan);
    }, 120_000);

    it('is read as areas with their residents, and previewed without a trace', async () => {
      expect(plan.target).toBe('areas-population');
      expect(plan.rows).toHaveLength(10);
      expect(await nothingWritten()).toEqual({ areas: 0, populations: 0, cells: 0 });
      expect(preview).toMatchObject({ dry_run: true, added: 10, updated: 0, residents_in: residentsIn() });
      expect(preview.cells_added).toBeGreaterThan(2000);
    });

    it('writes the ten wijken and their residents at once, each wijk exactly its count', async () => {
      report = await commitImport(api, plan);
      expect({ ...preview, dry_run: false }).toEqual(report);
      expect(await count("select count(*) from public.areas where level = 'wijk' and parent_code = 'GM0546'")).toBe(10);
      expect(await count('select count(*) from public.area_population')).toBe(10);
      // Merenwijkdistrict: 14 085 residents (CBS 2022), spread over its cells to the resident.
      expect(await count("select residents from public.area_population where code = 'WK054608'")).toBe(14_085);
      expect(await count('select sum(residents) from public.population_cells')).toBe(residentsIn());
      expect(report.residents_landed).toBe(residentsIn());
      expect(await count('select count(*) from public.population_cells')).toBe(report.cells_added!);
    });

    it('writes neither the areas nor the residents when a row is refused', async () => {
      const before = await nothingWritten();
      const good = plan.rows[0]! as AreasWithPopulationRow;
      const rows: AreasWithPopulationRow[] = [
        { ...good, row: 1, code: 'WK999901', name: 'Nieuw', residents: 50, residents_65plus: 5 },
        { ...good, row: 2, code: 'WK999902', name: '' },
      ];
      const refusal = await api
        .importAreasWithPopulation({ source: 'kapot', attribution: null, dryRun: false, rows })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect((refusal as ApiError).code).toBe('WKIMP');
      expect(await nothingWritten()).toEqual(before);
      expect(await count("select count(*) from public.areas where code = 'WK999901'")).toBe(0);
    });

    it('is for administrators only', async () => {
      const resident = createApi(
        createSqlRpcCall(database.connection, () => ({ sub: '00000000-0000-4000-8000-00000000aa02', role: 'authenticated' })),
      );
      const refusal = await resident
        .importAreasWithPopulation({ source: 'stiekem', attribution: null, dryRun: true, rows: plan.rows })
        .catch((error: unknown) => error);
      expect((refusal as ApiError).code).toBe('42501');
    });
  });
});
