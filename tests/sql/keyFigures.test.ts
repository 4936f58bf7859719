/**
 * CBS key figures per wijk (supabase/schemas/18_key_figures.sql), on both
 * engines: Leiden's wijken file from ../shared/data brings, in the same import
 * as its boundaries and residents, its other figures; everyone reads them, with
 * the density worked out from each wijk's boundary; only what the app knows
 * goes in, and a wijk loaded again gets exactly its new figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AreasWithPopulationRow } from '../../src/backend/wireTypes';
import { storedKeyFigures } from '../../src/domain/keyFigures';
import { areasWithPopulationPlan } from '../../src/import/formats/cbsPopulation';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { claimsOf, type Actor } from '../support/roleCast';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const engines = sqlEngines(inject('sqlSetup'));
const wijkFile = join(sharedDataDirectory, 'leiden', 'cbs_wijken_leiden_2022_kwb.geojson');
const missing = requirementMissing(`Leiden's wijken with key figures ${wijkFile}`, existsSync(wijkFile));

interface WijkProperties {
  code: string;
  population: number;
  area: number;
  dwelling_total: number;
  income_low: number;
  urbanity: string;
}

describe.each(engines)('key figures per wijk on $name', ({ skip, open }) => {
  let database: TestDatabase;
  let rows: AreasWithPopulationRow[];
  let wijken: WijkProperties[];
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  const importWijken = (importRows: AreasWithPopulationRow[], dryRun = false) =>
    as('administrator').importAreasWithPopulation({ source: 'cbs-kerncijfers', attribution: 'CBS (CC BY 4.0)', rows: importRows, dryRun });

  beforeAll(async () => {
    if (skip || missing) return;
    database = await open();
    const text = readFileSync(wijkFile, 'utf8');
    rows = areasWithPopulationPlan(text).rows;
    wijken = (JSON.parse(text) as { features: Array<{ properties: WijkProperties }> }).features.map((feature) => feature.properties);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip || missing)('Leiden', () => {
    it('knows the same figures as the app', async () => {
      const { rows: names } = await database.connection.query<{ names: string[] }>('select internal.key_figure_names() as names');
      expect(names[0]!.names).toEqual([...storedKeyFigures]);
    });

    it('keeps nothing on a dry run, and every figure of every wijk with the import', async () => {
      const preview = await importWijken(rows, true);
      expect(preview.key_figures).toBe(10 * 14);
      expect((await as('anon').keyFiguresByArea()).figures).toEqual({});

      const report = await importWijken(rows);
      expect(report.key_figures).toBe(10 * 14);
      const { figures, attributions } = await as('anon').keyFiguresByArea();
      expect(attributions).toEqual(['CBS (CC BY 4.0)']);
      for (const wijk of wijken) {
        expect(figures.dwellings![wijk.code]).toBe(wijk.dwelling_total);
        expect(figures.income_low![wijk.code]).toBe(wijk.income_low);
        expect(figures.population![wijk.code]).toBe(wijk.population);
      }
      // Binnenstad-Zuid is "extremely urbanised": CBS's class 1.
      expect(figures.urbanity!['WK054600']).toBe(1);
    });

    it('works out the density from each wijk’s boundary, near CBS’s own area in km²', async () => {
      const { figures } = await as('resident').keyFiguresByArea();
      for (const wijk of wijken) {
        // The boundaries are generalised, so within 15 % of CBS's area.
        const expected = wijk.population / wijk.area;
        expect(Math.abs(figures.population_density![wijk.code]! - expected) / expected).toBeLessThan(0.15);
      }
    });

    it('gives a wijk loaded again exactly its new figures, and keeps a secret one unknown', async () => {
      const first = rows[0]!;
      await importWijken([{ ...first, key_figures: { dwellings: 4300, income_low: null } }]);
      const { figures } = await as('anon').keyFiguresByArea();
      expect(figures.dwellings![first.code]).toBe(4300);
      expect(figures.income_low![first.code]).toBeNull();
      expect(figures.share_65plus?.[first.code]).toBeUndefined();
      // The other wijken keep theirs.
      expect(Object.keys(figures.share_65plus!)).toHaveLength(9);
    });

    it('refuses a figure it does not know, one that is not a number or below 0 (CBS’s secret code), and keeps what was there', async () => {
      const first = rows[0]!;
      for (const key_figures of [
        { crime_rate: 3 },
        { dwellings: '4300' },
        { dwellings: -99997 },
      ] as unknown as AreasWithPopulationRow['key_figures'][]) {
        expect(await refusal(importWijken([{ ...first, key_figures }]))).toMatchObject({ kind: 'invalid_argument', detail: 'key_figures' });
      }
      expect((await as('anon').keyFiguresByArea()).figures.dwellings![first.code]).toBe(4300);
    });

    it('lets only an administrator write them', async () => {
      expect((await refusal(as('planner').importAreasWithPopulation({ source: 'x', attribution: null, rows: [rows[0]!] }))).kind).toBe(
        'forbidden',
      );
    });
  });
});
