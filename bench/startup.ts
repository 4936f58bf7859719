/**
 * How soon the map is on screen and the database answers:
 * `npm run bench:start [-- --runs 3 --baseline <git ref> --json]`.
 *
 * Three production builds and one plain page, served by `vite preview` on
 * loopback, measured side by side in headless Chromium (no network beyond
 * loopback, so the PDOK basemap fails alike everywhere):
 * - plain: MapLibre alone with the app's base style (bench/plainMap);
 * - app: this working tree, embedded database;
 * - baseline: the app at `--baseline` (default: main before the map came first), embedded database;
 * - shared: this working tree in shared mode (a Supabase URL that does not answer), for the
 *   JavaScript a phone downloads before its map.
 * "Map painted" is the page's first WebGL draw call (hooked before any script runs), the same
 * measure for all; "database ready" is the app's `data-database="ready"` mark, or for the
 * baseline (which has none) its top bar, which it showed only once the database was ready.
 * Cold: a new browser profile (nothing cached, no database); warm: a reload in that profile;
 * again: a second reload (the first one after a first visit also pays once for what the first
 * visit left behind: its service worker starting, the app's modules compiled for its offline
 * store); back: a later visit in that profile (the page left for a blank one a second before), with
 * files cached and the database kept. A reload also tears the page down it replaces, in the same
 * renderer: for the app that includes its running database (PGlite's wasm heap), which a plain
 * page does not have; 'back' is the same visit without that.
 * Prints medians and ratios; `--json` prints one JSON object (mapPaintRatio = the app's median
 * cold paint time divided by the plain page's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { chromiumFlags, chromiumPath } from '../tests/e2e/browser';
import { buildApp } from '../tests/support/appBuild';
import { firstDraw, recordFirstDraw } from './firstDraw';
import { buildPlainPage, serveBuild } from './plainPage';
import { projectRoot } from '../tests/support/migrationFiles';

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const runs = Number(argument('runs') ?? 3);
// main before issue 12 ("the map at once"): the map waited for the database.
const baselineRef = argument('baseline') ?? '1d9e92f';
const asJson = process.argv.includes('--json');
const log = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

const workDirectory = join(projectRoot, 'test-output', 'bench-start');
const phone = { width: 390, height: 844 };
const timeoutMs = 600_000;

async function buildAll(): Promise<Record<'plain' | 'app' | 'baseline' | 'shared', string>> {
  const directories = {
    plain: join(workDirectory, 'plain'),
    app: join(workDirectory, 'app'),
    shared: join(workDirectory, 'shared'),
    baseline: join(workDirectory, `baseline-${gitSha(baselineRef)}`),
  };
  log('building the plain page, the app, the app in shared mode …');
  await buildPlainPage(directories.plain);
  await buildApp(directories.app);
  await buildApp(directories.shared, { VITE_SUPABASE_URL: 'http://127.0.0.1:9', VITE_SUPABASE_ANON_KEY: 'bench' });
  if (!existsSync(join(directories.baseline, 'index.html'))) buildBaseline(directories.baseline);
  return directories;
}

function gitSha(ref: string): string {
  return execFileSync('git', ['rev-parse', '--short', ref], { cwd: projectRoot, encoding: 'utf8' }).trim();
}

/** The baseline commit in a worktree of its own, built once with this checkout's node_modules. */
function buildBaseline(outDir: string): void {
  log(`building the baseline (${baselineRef}) …`);
  const tree = join(workDirectory, 'baseline-tree');
  rmSync(tree, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune'], { cwd: projectRoot });
  execFileSync('git', ['worktree', 'add', '--detach', tree, baselineRef], { cwd: projectRoot, stdio: 'ignore' });
  try {
    symlinkSync(join(projectRoot, 'node_modules'), join(tree, 'node_modules'));
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: tree,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: projectRoot });
  }
}

/**
 * How a page shows its database is ready: the app by its mark (its top bar now comes before the
 * mark is set), the baseline (which has no mark) by its top bar.
 */
type DatabaseSign = 'none' | 'mark' | 'top bar';

async function databaseReady(page: Page, sign: DatabaseSign): Promise<number> {
  const handle = await page.waitForFunction(
    (byMark) => {
      const ready = byMark ? document.documentElement.dataset.database === 'ready' : document.querySelector('header') !== null;
      return ready ? performance.now() : 0;
    },
    sign === 'mark',
    { polling: 100, timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

interface Visit {
  paintMs: number;
  databaseMs: number | null;
}

async function visit(page: Page, url: string, database: DatabaseSign, how: 'goto' | 'reload' | 'after a blank page'): Promise<Visit> {
  if (how === 'reload') await page.reload();
  else if (how === 'goto') await page.goto(url);
  else {
    await page.goto('about:blank');
    await page.waitForTimeout(1000);
    await page.goto(url);
  }
  const paintMs = await firstDraw(page, timeoutMs);
  return { paintMs, databaseMs: database === 'none' ? null : await databaseReady(page, database) };
}

interface Visits {
  cold: Visit;
  warm: Visit;
  again: Visit;
  back: Visit;
}

/** A first visit in a new profile, two reloads in it, and a later visit in it. */
async function visitsInOneProfile(browser: Browser, url: string, database: DatabaseSign): Promise<Visits> {
  const context = await browser.newContext({ viewport: phone });
  await context.addInitScript(recordFirstDraw);
  try {
    const page = await context.newPage();
    const cold = await visit(page, url, database, 'goto');
    const warm = await visit(page, url, database, 'reload');
    const again = await visit(page, url, database, 'reload');
    const back = await visit(page, url, database, 'after a blank page');
    return { cold, warm, again, back };
  } finally {
    await context.close();
  }
}

/** Compressed size (gzip -9, as a server would send it) of the scripts a page fetched before its first draw. */
async function javascriptBeforeMap(browser: Browser, url: string, outDir: string): Promise<number> {
  const context = await browser.newContext({ viewport: phone });
  await context.addInitScript(recordFirstDraw);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const painted = await firstDraw(page, timeoutMs);
    const scripts = await page.evaluate(
      (before) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && (entry as PerformanceResourceTiming).responseEnd <= before)
          .map((entry) => new URL(entry.name).pathname),
      painted,
    );
    return scripts.reduce((total, path) => total + gzipSync(readFileSync(join(outDir, path)), { level: 9 }).length, 0);
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const directories = await buildAll();
const servers = {
  plain: await serveBuild(directories.plain),
  app: await serveBuild(directories.app),
  baseline: await serveBuild(directories.baseline),
  shared: await serveBuild(directories.shared),
};
const urlOf = (server: PreviewServer) => server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
const databaseSigns = { plain: 'none', app: 'mark', baseline: 'top bar' } as const;
const samples = { plain: [] as Visits[], app: [] as Visits[], baseline: [] as Visits[] };
try {
  for (let run = 0; run < runs; run++) {
    // Taking turns, so a busy minute on the machine falls on all of them.
    for (const name of ['plain', 'app', 'baseline'] as const) {
      const visits = await visitsInOneProfile(browser, urlOf(servers[name]), databaseSigns[name]);
      const { cold, warm, again, back } = visits;
      samples[name].push(visits);
      log(
        `run ${run + 1}/${runs} ${name}: paint ${seconds(cold.paintMs)} cold, ${seconds(warm.paintMs)} warm, ${seconds(again.paintMs)} again, ${seconds(back.paintMs)} back` +
          (cold.databaseMs === null ? '' : `; database ${seconds(cold.databaseMs)} cold, ${seconds(warm.databaseMs!)} warm`),
      );
    }
  }
  const sharedJsBytes = await javascriptBeforeMap(browser, urlOf(servers.shared), directories.shared);

  const pick = (name: keyof typeof samples, which: keyof Visits, field: keyof Visit) =>
    median(samples[name].map((visits) => visits[which][field] ?? Number.NaN));
  const paints = (name: keyof typeof samples) => ({
    cold: pick(name, 'cold', 'paintMs'),
    warm: pick(name, 'warm', 'paintMs'),
    again: pick(name, 'again', 'paintMs'),
    back: pick(name, 'back', 'paintMs'),
  });
  const result = {
    runs,
    baseline: baselineRef,
    mapPaintMs: {
      plain: paints('plain'),
      app: paints('app'),
      baseline: paints('baseline'),
    },
    databaseReadyMs: {
      app: { cold: pick('app', 'cold', 'databaseMs'), warm: pick('app', 'warm', 'databaseMs') },
      baseline: { cold: pick('baseline', 'cold', 'databaseMs'), warm: pick('baseline', 'warm', 'databaseMs') },
    },
    mapPaintRatio: 0,
    mapPaintRatioWarm: 0,
    mapPaintRatioAgain: 0,
    mapPaintRatioBack: 0,
    baselineMapPaintRatio: 0,
    databaseReadyRatioCold: 0,
    sharedModeJavascriptBeforeMapKb: Math.round(sharedJsBytes / 1024),
  };
  result.mapPaintRatio = result.mapPaintMs.app.cold / result.mapPaintMs.plain.cold;
  result.mapPaintRatioWarm = result.mapPaintMs.app.warm / result.mapPaintMs.plain.warm;
  result.mapPaintRatioAgain = result.mapPaintMs.app.again / result.mapPaintMs.plain.again;
  result.mapPaintRatioBack = result.mapPaintMs.app.back / result.mapPaintMs.plain.back;
  result.baselineMapPaintRatio = result.mapPaintMs.baseline.cold / result.mapPaintMs.plain.cold;
  result.databaseReadyRatioCold = result.databaseReadyMs.app.cold / result.databaseReadyMs.baseline.cold;

  if (asJson) console.log(JSON.stringify(result));
  else {
    log(`\nmedians of ${runs} runs (cold = new profile, warm = reload, again = a second reload, back = a later visit in that profile)`);
    for (const name of ['plain', 'app', 'baseline'] as const) {
      const paint = result.mapPaintMs[name];
      log(
        `  ${name.padEnd(9)} map painted ${seconds(paint.cold)} cold, ${seconds(paint.warm)} warm, ${seconds(paint.again)} again, ${seconds(paint.back)} back`,
      );
    }
    log(
      `  map painted, app / plain: ${result.mapPaintRatio.toFixed(2)}× cold, ${result.mapPaintRatioWarm.toFixed(2)}× warm, ${result.mapPaintRatioAgain.toFixed(2)}× again, ${result.mapPaintRatioBack.toFixed(2)}× back (baseline: ${result.baselineMapPaintRatio.toFixed(2)}× cold)`,
    );
    log(
      `  database ready cold: app ${seconds(result.databaseReadyMs.app.cold)}, baseline ${seconds(result.databaseReadyMs.baseline.cold)} (${result.databaseReadyRatioCold.toFixed(2)}×)`,
    );
    log(`  shared mode, phone: ${result.sharedModeJavascriptBeforeMapKb} kB of compressed JavaScript before the map`);
  }
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}
