/**
 * Frame times while panning over many places: `npm run bench:map [-- --places 20000 --runs 3
 * --viewport screen|phone --zoom 16 --json]`.
 *
 * Side by side in one headless Chromium (software WebGL, no GPU), taking turns in each run:
 * - plain: MapLibre alone with the app's base style and the same places from memory, in one
 *   clustered source with the app's own place layers (bench/plainMap, `?points=N`);
 * - app: the production build, embedded database, the same places written into it
 *   (bench/placeGrid.ts), loaded around the view as the app does (src/ui/useAssets.ts).
 * Both maps have the same size (the plain page's viewport is the app's map area) and are panned by
 * the same six mouse drags (a third of the map each, east, south and back west beyond the start, so
 * the app leaves what it holds and asks the database again; its answer is drawn during the next
 * drag); every animation frame's interval is recorded in the page from the first drag to the end of
 * the last. The plain page holds all places in its source; the app the ones around its view (at
 * most 5 000). No network beyond loopback for either (cut off), so PDOK fails alike for both and
 * both show the places' names.
 * Prints medians and ratios of the frame intervals (`--json`: one JSON object).
 */
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { AppBrowser, chromiumFlags, chromiumPath, viewports } from '../tests/e2e/browser';
import { runAsAnotherTab } from '../tests/e2e/anotherTab';
import { ImportDriver } from '../tests/e2e/importDriver';
import { buildApp } from '../tests/support/appBuild';
import { projectRoot } from '../tests/support/migrationFiles';
import { gridCentre, gridPlacesSql } from './placeGrid';
import { buildPlainPage, serveBuild } from './plainPage';

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const placeCount = Number(argument('places') ?? 20_000);
const runs = Number(argument('runs') ?? 3);
const zoom = Number(argument('zoom') ?? 16);
const viewport = argument('viewport') === 'phone' ? viewports.phone : viewports.sharedScreen;
const asJson = process.argv.includes('--json');
const log = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

const workDirectory = join(projectRoot, 'test-output', 'bench-map');

/** Drags as fractions of the map's size: the view moves east twice, south, west three times. */
const drags: Array<[number, number]> = [
  [-0.3, 0],
  [-0.3, 0],
  [0, -0.3],
  [0.3, 0],
  [0.3, 0],
  [0.3, 0],
];
const stepsPerDrag = 20;
/** Once the map holds its places, long enough for both pages to have drawn them. */
const settleAfterMs = 3000;

interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames that took longer than 50 ms (what a hand on a touch screen feels as a stutter). */
  longFrames: number;
}

const sortedPercentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function statsOf(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    medianMs: sortedPercentile(sorted, 0.5),
    p95Ms: sortedPercentile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1]!,
    longFrames: sorted.filter((ms) => ms > 50).length,
  };
}

/** Waits until the map holds places (the mark WijkMap and the plain page set), then lets it settle. */
async function waitForPlaces(page: Page): Promise<void> {
  await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-places]')?.dataset.places ?? 0) > 0, null, {
    polling: 100,
    timeout: 300_000,
  });
  await page.waitForTimeout(settleAfterMs);
}

/** Pans by mouse drags on the map's canvas, recording every animation frame's interval in the page. */
async function panAndRecord(page: Page): Promise<number[]> {
  const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
  if (!canvas) throw new Error('no map canvas');
  await page.evaluate(() => {
    const recorder = window as Window & { frameTimes?: number[]; recording?: boolean };
    recorder.frameTimes = [];
    recorder.recording = true;
    const tick = (time: number) => {
      recorder.frameTimes!.push(time);
      if (recorder.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x = canvas.x + canvas.width / 2;
  const y = canvas.y + canvas.height / 2;
  for (const [right, down] of drags) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= stepsPerDrag; step++) {
      await page.mouse.move(x + (right * canvas.width * step) / stepsPerDrag, y + (down * canvas.height * step) / stepsPerDrag);
    }
    await page.mouse.up();
  }
  // The frames while the hand is on the map; what each move made the app ask and draw falls in the next drag.
  const times = await page.evaluate(() => {
    const recorder = window as Window & { frameTimes?: number[]; recording?: boolean };
    recorder.recording = false;
    return recorder.frameTimes!;
  });
  return times.slice(1).map((time, index) => time - times[index]!);
}

/**
 * tsx (esbuild, keeping names) wraps functions in this script with `__name(...)`; the page has no
 * such helper when Playwright sends them there, so it gets a do-nothing one.
 */
const nameHelper = 'window.__name = (target) => target';
async function lendNameHelper(page: Page): Promise<void> {
  await page.context().addInitScript({ content: nameHelper });
  await page.evaluate(nameHelper);
}

log('building the plain page and the app …');
const outDirs = { plain: join(workDirectory, 'plain'), app: join(workDirectory, 'app') };
await buildPlainPage(outDirs.plain);
await buildApp(outDirs.app);
const servers = { plain: await serveBuild(outDirs.plain), app: await serveBuild(outDirs.app) };
const urlOf = (server: PreviewServer) => server.resolvedUrls!.local[0]!;
const plainUrl = `${urlOf(servers.plain)}?points=${placeCount}&zoom=${zoom}`;
const appHash = `#kaart=${zoom}/${gridCentre.lat}/${gridCentre.lon}`;

const app = new AppBrowser(urlOf(servers.app), null);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
const samples = { plain: [] as FrameStats[], app: [] as FrameStats[] };
try {
  log(`writing ${placeCount} places into the app's database …`);
  await app.openFresh(viewport, { hash: appHash });
  await new ImportDriver(app).startEmpty();
  await lendNameHelper(app.page);
  await runAsAnotherTab(app, ['begin', `${gridPlacesSql(placeCount)}; commit`]);
  await app.cutOffInternet();
  // The plain page's map gets the size of the app's map (the app has a top bar), so both draw as many pixels.
  const appMap = await app.page.locator('canvas.maplibregl-canvas').boundingBox();
  if (!appMap) throw new Error("no map in the app's page");
  await app.page.goto('about:blank');
  const plainContext = await browser.newContext({ viewport: { width: Math.round(appMap.width), height: Math.round(appMap.height) } });
  // As the app: no internet beyond loopback, so PDOK fails alike for both, wherever this runs.
  await plainContext.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  const plainPage = await plainContext.newPage();
  await lendNameHelper(plainPage);

  for (let run = 0; run < runs; run++) {
    // Taking turns, so a busy minute on the machine falls on both.
    // Each page is shown only while it is measured: an open page (a spinner, a map's last frames) takes CPU from the other.
    await plainPage.goto(plainUrl);
    await waitForPlaces(plainPage);
    samples.plain.push(statsOf(await panAndRecord(plainPage)));
    await plainPage.goto('about:blank');

    await app.page.goto(new URL(appHash, urlOf(servers.app)).toString());
    await app.waitUntilReady();
    await waitForPlaces(app.page);
    samples.app.push(statsOf(await panAndRecord(app.page)));
    await app.page.goto('about:blank');
    for (const name of ['plain', 'app'] as const) {
      const stats = samples[name][run]!;
      log(
        `run ${run + 1}/${runs} ${name.padEnd(5)}: ${stats.frames} frames, median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(0)} ms, ${stats.longFrames} over 50 ms`,
      );
    }
  }
  if (app.pageErrors.length > 0) throw new Error(`the app failed: ${app.pageErrors.join(' | ')}`);
  const summary = (name: 'plain' | 'app') => ({
    medianMs: median(samples[name].map((stats) => stats.medianMs)),
    p95Ms: median(samples[name].map((stats) => stats.p95Ms)),
    maxMs: median(samples[name].map((stats) => stats.maxMs)),
    longFrames: median(samples[name].map((stats) => stats.longFrames)),
    frames: median(samples[name].map((stats) => stats.frames)),
  });
  const result = {
    places: placeCount,
    runs,
    viewport,
    zoom,
    plain: summary('plain'),
    app: summary('app'),
    frameMedianRatio: 0,
    frameP95Ratio: 0,
  };
  result.frameMedianRatio = result.app.medianMs / result.plain.medianMs;
  result.frameP95Ratio = result.app.p95Ms / result.plain.p95Ms;
  if (asJson) console.log(JSON.stringify(result));
  else {
    log(
      `\nframe intervals while panning over ${placeCount} places, ${viewport.width}×${viewport.height}, zoom ${zoom}; medians of ${runs} runs:`,
    );
    for (const name of ['plain', 'app'] as const) {
      const stats = result[name];
      log(
        `  ${name.padEnd(5)} median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(0)} ms, ${stats.longFrames} frames over 50 ms (of ${stats.frames})`,
      );
    }
    log(`  app / plain: median ${result.frameMedianRatio.toFixed(2)}×, p95 ${result.frameP95Ratio.toFixed(2)}×`);
  }
} finally {
  await app.close();
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}
