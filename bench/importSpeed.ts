/**
 * How fast a large file goes in: `npm run bench:import [-- --rows 10000 --runs 3]`.
 * Synthetic CSV rows (seeded positions in Leiden, a story on every tenth), on
 * PGlite + PostGIS in Node, through the real pipeline: plan (parse + checks),
 * preview (chunked dry runs), write (one atomic import_assets), re-import (all
 * unchanged); each both at once (today) and row by row (before), side by side.
 * Baseline in the same run: one plain INSERT … SELECT of the same rows, i.e. what
 * writing costs without checks, report and upsert (the table's triggers still
 * run), as service_role as an import would (the provenance trigger refuses
 * provenance from anyone else).
 * Also: how fast a CSV over the row limit is refused, against parsing it whole.
 * Prints medians.
 */
import Papa from 'papaparse';
import { openMigratedPglite } from '../cli/migrationFiles';
import { createApi } from '../src/backend/api';
import { localUserClaims } from '../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../src/backend/sqlRpc';
import { readCsvRecords } from '../src/import/formats/csvRecords';
import { importLimits } from '../src/import/limits';
import { planFromText } from '../src/import/importSources';
import { commitImport, previewImport } from '../src/import/runImport';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const rowCount = option('rows', 10_000);
const runs = option('runs', 3);

function csv(rows: number, run: string): string {
  const lines = ['naam;categorie;lat;lon;id;verhaal'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `Plek ${i};buurthuis;${(52.13 + (i % 500) * 0.0001).toFixed(5)};${(4.45 + Math.floor(i / 500) * 0.0005).toFixed(5)};run${run}-${i};${i % 10 === 0 ? 'Hier ontmoeten buren elkaar.' : ''}`,
    );
  }
  return lines.join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const database = await openMigratedPglite();
const api = createApi(createSqlRpcCall(database, () => localUserClaims('00000000-0000-4000-8000-0000000c0012')));
const categories = await api.listCategories();

// Today's import and the one before it, through the same pipeline: for "row by row" the database
// owner points internal.apply_asset_import at its row-by-row body (what every import ran before
// 20261204090000_asset_import_at_once.sql), and back again after.
const [{ definition: currentImport }] = (
  await database.query<{ definition: string }>(
    "select pg_get_functiondef('internal.apply_asset_import(text, text, jsonb, boolean, text)'::regprocedure) as definition",
  )
).rows as [{ definition: string }];
const rowByRowImport = `create or replace function internal.apply_asset_import(
  p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean, p_within_area text)
returns jsonb language sql volatile
as $$ select internal.apply_asset_import_by_row(p_source, p_attribution, p_rows, p_dry_run, p_within_area) $$`;

type Way = 'atOnce' | 'rowByRow';
const steps = ['preview', 'write', 'reimport'] as const;
const timings: Record<string, number[]> = { plan: [], baselineInsert: [] };
for (const way of ['atOnce', 'rowByRow'] as Way[]) for (const step of steps) timings[`${step} ${way}`] = [];

async function importOnce(way: Way, text: string, fileName: string): Promise<void> {
  await database.exec(way === 'rowByRow' ? rowByRowImport : currentImport);
  const [plan, planMs] = await timed(() => planFromText('csv', text, { fileName, categories }));
  if (way === 'atOnce') timings.plan!.push(planMs);
  timings[`preview ${way}`]!.push((await timed(() => previewImport(api, plan)))[1]);
  const [report, writeMs] = await timed(() => commitImport(api, plan));
  if (report.added !== rowCount) throw new Error(`${way}: ${report.added} of ${rowCount} rows added`);
  timings[`write ${way}`]!.push(writeMs);
  const [again, reimportMs] = await timed(() => commitImport(api, plan));
  if (again.unchanged !== rowCount) throw new Error(`${way}: ${again.unchanged} of ${rowCount} rows unchanged on re-import`);
  timings[`reimport ${way}`]!.push(reimportMs);
}

for (let run = 0; run < runs; run++) {
  // Each way goes first in every other run: the table grows with every write.
  const ways: Way[] = run % 2 === 0 ? ['atOnce', 'rowByRow'] : ['rowByRow', 'atOnce'];
  for (const way of ways) await importOnce(way, csv(rowCount, `${way}-${run}`), `bench-${way}-${run}.csv`);

  const plan = await planFromText('csv', csv(rowCount, `baseline-${run}`), { fileName: 'baseline.csv', categories });
  const rows = JSON.stringify(plan.rows);
  const [, insertMs] = await timed(() =>
    database.transaction(async (tx) => {
      await tx.query(
        "select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{\"role\":\"service_role\"}', true)",
      );
      return tx.query(
        `insert into public.assets (kind, category, name, geom, source, source_id)
       select (r->>'kind')::public.asset_kind, r->>'category', r->>'name',
              extensions.st_setsrid(extensions.st_geomfromgeojson(r->'geometry'), 4326), 'baseline-${run}', r->>'source_id'
       from jsonb_array_elements($1::jsonb) r`,
        [rows],
      );
    }),
  );
  timings.baselineInsert!.push(insertMs);
}
await database.exec(currentImport);
await database.close();

console.log(`Import of ${rowCount} CSV rows on PGlite + PostGIS (Node ${process.version}), median of ${runs} runs:`);
for (const [step, values] of Object.entries(timings)) {
  const ms = median(values);
  console.log(`  ${step.padEnd(18)} ${ms.toFixed(0).padStart(7)} ms  ${((ms / rowCount) * 1000).toFixed(0).padStart(5)} µs/row`);
}
for (const step of steps) {
  const ratio = median(timings[`${step} atOnce`]!) / median(timings[`${step} rowByRow`]!);
  console.log(`  ${step} at once / row by row: ${ratio.toFixed(2)}× (${(1 / ratio).toFixed(1)} times as fast)`);
}
console.log(`  write at once / baseline insert: ${(median(timings['write atOnce']!) / median(timings.baselineInsert!)).toFixed(1)}×`);

// A file over the row limit must be refused without parsing all of it.
const tooMany = importLimits.maxAssetRows * 2;
const oversized = 'naam;breedtegraad;lengtegraad\n' + 'Bankje;52,16;4,49\n'.repeat(tooMany);
const refusal: number[] = [];
const fullParse: number[] = [];
for (let run = 0; run < runs; run++) {
  refusal.push(
    (
      await timed(() => {
        try {
          readCsvRecords(oversized);
        } catch {
          return;
        }
        throw new Error('a CSV over the row limit was not refused');
      })
    )[1],
  );
  fullParse.push((await timed(() => Papa.parse(oversized, { delimiter: ';', header: true })))[1]);
}
console.log(`Refusing a CSV of ${tooMany} rows (limit ${importLimits.maxAssetRows}), median of ${runs} runs:`);
console.log(
  `  refusal ${median(refusal).toFixed(0).padStart(7)} ms, full parse (baseline) ${median(fullParse).toFixed(0).padStart(7)} ms, ratio ${(median(refusal) / median(fullParse)).toFixed(2)}×`,
);
