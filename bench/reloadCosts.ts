/**
 * What a reload of the app costs beside a plain MapLibre page, taken apart:
 * `npm run bench:reload [-- --runs 3]`.
 *
 * bench:start shows the app's reload at about twice the plain page's. This reloads a page that
 * has settled (its service worker installed and in control, then 2 s of rest), three ways side
 * by side, taking turns: the plain page (bench/plainMap), the app, and the app with service
 * workers blocked in its profile. Per reload it reads:
 * - map painted: the page's first WebGL draw call (bench/firstDraw.ts);
 * - the renderers' CPU from the reload to that draw, and the part of it spent by threads that
 *   ended meanwhile: the page being replaced, for the app its database worker (bench/rendererCpu.ts,
 *   Linux only);
 * - whether V8 took the map's script (the largest script before the first draw) from its code
 *   cache, from a second, traced reload (tracing slows a page, so it is not the timed one).
 * Prints medians and ratios.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../tests/e2e/browser';
import { buildApp } from '../tests/support/appBuild';
import { projectRoot } from '../tests/support/migrationFiles';
import { firstDraw, recordFirstDraw } from './firstDraw';
import { buildPlainPage, serveBuild } from './plainPage';
import { readRendererCpu, rendererCpuBetween } from './rendererCpu';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;
const workDirectory = join(projectRoot, 'test-output', 'bench-reload');
const phone = { width: 390, height: 844 };
const timeoutMs = 600_000;

const ways = {
  plain: { build: 'plain', serviceWorkers: 'allow', database: false },
  app: { build: 'app', serviceWorkers: 'allow', database: true },
  'app, service worker blocked': { build: 'app', serviceWorkers: 'block', database: true },
} as const;
type Way = keyof typeof ways;

interface Reload {
  paintMs: number;
  rendererCpuMs: number;
  endedThreadsCpuMs: number;
  mapScriptFromCodeCache: boolean;
}

async function settled(page: Page, way: (typeof ways)[Way]): Promise<void> {
  await firstDraw(page, timeoutMs);
  if (way.database) {
    await page.waitForFunction(() => document.documentElement.dataset.database === 'ready', null, { polling: 100, timeout: timeoutMs });
  }
  if (way.build === 'app' && way.serviceWorkers === 'allow') {
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { polling: 100, timeout: timeoutMs });
  }
  await page.waitForTimeout(2000);
}

/** The compile events V8 traced for `scriptUrl`: whether one of them used a code cache. */
function compiledFromCodeCache(trace: Buffer, scriptUrl: string): boolean {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: unknown[] } | unknown[];
  const events = (Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])) as {
    name?: string;
    args?: { data?: { url?: string; consumedCacheSize?: number } };
  }[];
  return events.some(
    (event) =>
      (event.name === 'v8.compileModule' || event.name === 'v8.compile') &&
      event.args?.data?.url === scriptUrl &&
      (event.args.data.consumedCacheSize ?? 0) > 0,
  );
}

/**
 * The largest script the page itself (not a worker) had fetched before its first draw: the map's.
 * Sized from the build on disk: a revalidated file reports no body size in the page.
 */
async function mapScriptOf(page: Page, drawnAt: number, buildDirectory: string): Promise<string> {
  const urls = await page.evaluate(
    (before) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith('.js') && ['script', 'link'].includes(entry.initiatorType) && entry.responseEnd <= before)
        .map((entry) => entry.name),
    drawnAt,
  );
  const sizeOf = (url: string) => statSync(join(buildDirectory, new URL(url).pathname)).size;
  return urls.sort((a, b) => sizeOf(b) - sizeOf(a))[0] ?? '';
}

/** A first visit, a reload to settle, then the timed reload and a traced one. */
async function reloadSettled(browser: Browser, url: string, buildDirectory: string, way: Way): Promise<Reload> {
  const context = await browser.newContext({ viewport: phone, serviceWorkers: ways[way].serviceWorkers });
  await context.addInitScript(recordFirstDraw);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await settled(page, ways[way]);
    await page.reload();
    await settled(page, ways[way]);

    const before = readRendererCpu();
    await page.reload();
    const paintMs = await firstDraw(page, timeoutMs);
    const cpu = rendererCpuBetween(before, readRendererCpu());
    await settled(page, ways[way]);

    await browser.startTracing(page, { categories: ['v8', 'disabled-by-default-v8.compile'] });
    await page.reload();
    const drawnAt = await firstDraw(page, timeoutMs);
    const mapScript = await mapScriptOf(page, drawnAt, buildDirectory);
    const trace = await browser.stopTracing();
    return {
      paintMs,
      rendererCpuMs: cpu.totalMs,
      endedThreadsCpuMs: cpu.endedThreadsMs,
      mapScriptFromCodeCache: compiledFromCodeCache(trace, mapScript),
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log('building the plain page and the app …');
const directories = { plain: join(workDirectory, 'plain'), app: join(workDirectory, 'app') };
await buildPlainPage(directories.plain);
await buildApp(directories.app);
const servers = { plain: await serveBuild(directories.plain), app: await serveBuild(directories.app) };
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
const samples: Record<Way, Reload[]> = { plain: [], app: [], 'app, service worker blocked': [] };
try {
  for (let run = 0; run < runs; run++) {
    // Taking turns, so a busy minute on the machine falls on all of them.
    for (const way of Object.keys(ways) as Way[]) {
      const { build } = ways[way];
      const reload = await reloadSettled(browser, servers[build].resolvedUrls!.local[0]!, directories[build], way);
      samples[way].push(reload);
      console.log(
        `run ${run + 1}/${runs} ${way}: painted ${reload.paintMs.toFixed(0)} ms; renderer CPU ${reload.rendererCpuMs} ms, ` +
          `of ended threads ${reload.endedThreadsCpuMs} ms; map's script from the code cache: ${reload.mapScriptFromCodeCache ? 'yes' : 'no'}`,
      );
    }
  }
  const plainPaint = median(samples.plain.map((reload) => reload.paintMs));
  console.log(`\na settled reload, medians of ${runs} runs (CPU until the map's first draw)`);
  for (const way of Object.keys(ways) as Way[]) {
    const paint = median(samples[way].map((reload) => reload.paintMs));
    const fromCache = samples[way].filter((reload) => reload.mapScriptFromCodeCache).length;
    console.log(
      `  ${way.padEnd(28)} map painted ${paint.toFixed(0).padStart(4)} ms (${(paint / plainPaint).toFixed(2)}× plain); ` +
        `renderer CPU ${median(samples[way].map((reload) => reload.rendererCpuMs))} ms, of ended threads ` +
        `${median(samples[way].map((reload) => reload.endedThreadsCpuMs))} ms; map's script from the code cache in ${fromCache} of ${runs}`,
    );
  }
} finally {
  await browser.close();
  await servers.plain.close();
  await servers.app.close();
}
