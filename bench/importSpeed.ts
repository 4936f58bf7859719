/**
 * How fast a large file goes in: `npm run bench:import [-- --rows 10000 --runs 3 --baseline <git ref>]`.
 * Synthetic CSV rows (seeded positions in Leiden, a story on every tenth), on
 * PGlite + PostGIS in Node, through the real pipeline: plan (parse + checks),
 * preview (chunked dry runs), write (one atomic import_assets), re-import (all
 * unchanged). Each on two databases side by side, through the same client code:
 * today's (this tree's migrations) and before (the migrations at `--baseline`,
 * default main before issue 12: row by row, a trigger call per row for history
 * and coverage).
 * Also on today's database: one plain INSERT … SELECT of the same rows, i.e. what
 * writing costs without checks, report and upsert (the table's triggers still
 * run), as service_role as an import would (the provenance trigger refuses
 * provenance from anyone else).
 * Also: how fast a CSV over the row limit is refused, against parsing it whole.
 * Prints medians.
 */
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import Papa from 'papaparse';
import { openMigratedPglite, projectRoot } from '../cli/migrationFiles';
import { applyMigrations, migrationsFromFiles } from '../src/backend/migrations';
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
const baselineIndex = process.argv.indexOf('--baseline');
// main before issue 12 ("the map at once, … 20 000 places smooth"), which asked for imports five times as fast.
const baselineRef = baselineIndex >= 0 ? process.argv[baselineIndex + 1]! : '1d9e92f';

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

const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** PGlite + PostGIS migrated with the migrations (and local stand-ins) as they were at a git ref. */
async function openMigratedAt(ref: string): Promise<PGlite> {
  const files: Record<string, string> = {};
  for (const path of git('ls-tree', '--name-only', ref, 'supabase/migrations/')
    .split('\n')
    .filter((line) => line.endsWith('.sql'))) {
    files[path.split('/').pop()!] = git('show', `${ref}:${path}`);
  }
  const standIns = ['auth-shim.sql', 'realtime-shim.sql'].map((file) => git('show', `${ref}:supabase/local/${file}`)).join('\n');
  const database = await PGlite.create({ extensions: { postgis } });
  await applyMigrations(database, migrationsFromFiles(files), standIns);
  return database;
}

const databases = { today: await openMigratedPglite(), before: await openMigratedAt(baselineRef) };
const apiOn = (database: PGlite) => createApi(createSqlRpcCall(database, () => localUserClaims('00000000-0000-4000-8000-0000000c0012')));
const apis = { today: apiOn(databases.today), before: apiOn(databases.before) };
const categories = await apis.today.listCategories();

type Way = keyof typeof databases;
const steps = ['preview', 'write', 'reimport'] as const;
const timings: Record<string, number[]> = { plan: [], plainInsert: [] };
for (const way of ['today', 'before'] as Way[]) for (const step of steps) timings[`${step} ${way}`] = [];

async function importOnce(way: Way, text: string, fileName: string): Promise<void> {
  const api = apis[way];
  const [plan, planMs] = await timed(() => planFromText('csv', text, { fileName, categories }));
  if (way === 'today') timings.plan!.push(planMs);
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
  const ways: Way[] = run % 2 === 0 ? ['today', 'before'] : ['before', 'today'];
  for (const way of ways) await importOnce(way, csv(rowCount, `${way}-${run}`), `bench-${way}-${run}.csv`);

  const plan = await planFromText('csv', csv(rowCount, `plain-${run}`), { fileName: 'plain.csv', categories });
  const rows = JSON.stringify(plan.rows);
  const [, insertMs] = await timed(() =>
    databases.today.transaction(async (tx) => {
      await tx.query(
        "select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{\"role\":\"service_role\"}', true)",
      );
      await tx.query(
        `insert into public.assets (kind, category, name, geom, source, source_id)
       select (r->>'kind')::public.asset_kind, r->>'category', r->>'name',
              extensions.st_setsrid(extensions.st_geomfromgeojson(r->'geometry'), 4326), 'plain-${run}', r->>'source_id'
       from jsonb_array_elements($1::jsonb) r`,
        [rows],
      );
      // Not kept, so today's table grows only with the imports, as before's does.
      await tx.rollback();
    }),
  );
  timings.plainInsert!.push(insertMs);
}
for (const database of Object.values(databases)) await database.close();

console.log(
  `Import of ${rowCount} CSV rows on PGlite + PostGIS (Node ${process.version}), today and before (${baselineRef}), median of ${runs} runs:`,
);
for (const [step, values] of Object.entries(timings)) {
  const ms = median(values);
  console.log(`  ${step.padEnd(18)} ${ms.toFixed(0).padStart(7)} ms  ${((ms / rowCount) * 1000).toFixed(0).padStart(5)} µs/row`);
}
for (const step of steps) {
  const ratio = median(timings[`${step} today`]!) / median(timings[`${step} before`]!);
  console.log(`  ${step} today / before: ${ratio.toFixed(2)}× (${(1 / ratio).toFixed(1)} times as fast)`);
}
const previewAndWrite = (way: Way) => median(timings[`preview ${way}`]!) + median(timings[`write ${way}`]!);
console.log(`  preview and write, before / today: ${(previewAndWrite('before') / previewAndWrite('today')).toFixed(1)} times as fast`);
console.log(`  write today / plain insert: ${(median(timings['write today']!) / median(timings.plainInsert!)).toFixed(1)}×`);

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
