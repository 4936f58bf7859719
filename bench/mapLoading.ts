/**
 * What the map asks the database while someone pans and zooms over many places:
 * `npm run bench:map [-- --places 20000 --runs 3]`. PGlite + PostGIS in Node,
 * through the app's API as the browser's local user; the same walk of views
 * (pans of a fifth of the view, zooming in and out) in each run, two ways side
 * by side in the same run:
 *
 * - before (baseline): one assets_in_bbox of exactly the view per move, as the
 *   map asked until 2026-12-02;
 * - now: the view with a margin where places are sparse, just the view where
 *   they are dense, asked again only when the view leaves what is held or the
 *   area had more places than the map takes (src/ui/useAssets.ts).
 *
 * The browser adds to each query the worker's messaging and the clustering of
 * the answer, which this leaves out. Prints medians and ratios.
 */
import { openMigratedPglite } from '../cli/migrationFiles';
import { createApi } from '../src/backend/api';
import { localUserClaims } from '../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../src/backend/sqlRpc';
import { areaToLoad, needsLoading, onGlobe, sameBox, type LoadedArea } from '../src/domain/loadedArea';
import type { BoundingBox } from '../src/domain/types';
import { placesOnMapLimit } from '../src/ui/useAssets';
import { gridPlacesSql } from './placeGrid';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const placeCount = option('places', 20_000);
const runs = option('runs', 3);

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A neighbourhood-sized view in Leiden, then a walk: pans east and north, zooming in, panning, zooming out. */
function walk(): BoundingBox[] {
  const views: BoundingBox[] = [];
  let view = { west: 4.47, south: 52.15, east: 4.5, north: 52.165 };
  const pan = (dx: number, dy: number) => {
    const width = view.east - view.west;
    const height = view.north - view.south;
    view = { west: view.west + dx * width, east: view.east + dx * width, south: view.south + dy * height, north: view.north + dy * height };
  };
  const zoom = (factor: number) => {
    const cx = (view.west + view.east) / 2;
    const cy = (view.south + view.north) / 2;
    const hw = ((view.east - view.west) / 2) * factor;
    const hh = ((view.north - view.south) / 2) * factor;
    view = { west: cx - hw, east: cx + hw, south: cy - hh, north: cy + hh };
  };
  const steps: Array<() => void> = [
    ...Array.from({ length: 8 }, () => () => pan(0.2, 0)),
    ...Array.from({ length: 4 }, () => () => pan(0, 0.2)),
    () => zoom(0.5),
    () => zoom(0.5),
    ...Array.from({ length: 8 }, () => () => pan(-0.2, 0.1)),
    () => zoom(2),
    () => zoom(2),
    ...Array.from({ length: 8 }, () => () => pan(0.1, -0.2)),
  ];
  views.push(view);
  for (const step of steps) {
    step();
    views.push(view);
  }
  return views;
}

const database = await openMigratedPglite();
await database.query(gridPlacesSql(placeCount));
const api = createApi(createSqlRpcCall(database, () => localUserClaims('00000000-0000-4000-8000-0000000c0013')));
const views = walk();

interface WalkResult {
  /** How long each query took, in the order asked. */
  perQueryMs: number[];
  /** Views for which the map held only part of the places around it (before: unsaid; now: said on the map). */
  partialViews: number;
}

/** Asks assets_in_bbox for an area as the map does, timing it into `result`. */
function timedAsk(result: WalkResult) {
  return async (area: BoundingBox): Promise<LoadedArea> => {
    const started = performance.now();
    const answer = await api.assetsInBbox(area, { limit: placesOnMapLimit });
    result.perQueryMs.push(performance.now() - started);
    return { area, total: answer.total, complete: answer.features.length >= answer.total };
  };
}

async function before(): Promise<WalkResult> {
  const result: WalkResult = { perQueryMs: [], partialViews: 0 };
  const ask = timedAsk(result);
  for (const view of views) {
    if (!(await ask(view)).complete) result.partialViews++;
  }
  return result;
}

async function now(): Promise<WalkResult> {
  const result: WalkResult = { perQueryMs: [], partialViews: 0 };
  const ask = timedAsk(result);
  let loaded: LoadedArea | null = null;
  for (const view of views) {
    if (!needsLoading(view, loaded)) continue;
    const area = areaToLoad(view, loaded, placesOnMapLimit);
    loaded = await ask(area);
    // As useAssets: more than the limit around the view, so the view alone.
    if (!loaded.complete && !sameBox(area, onGlobe(view))) loaded = await ask(onGlobe(view));
    if (!loaded.complete) result.partialViews++;
  }
  return result;
}

const results: Record<'before' | 'now', WalkResult[]> = { before: [], now: [] };
for (let run = 0; run < runs; run++) {
  // Alternating, so neither way always runs on a warmer database.
  if (run % 2 === 0) {
    results.before.push(await before());
    results.now.push(await now());
  } else {
    results.now.push(await now());
    results.before.push(await before());
  }
}
await database.close();

console.log(
  `The map's queries over a walk of ${views.length} views across ${placeCount} places (PGlite + PostGIS, Node ${process.version}), median of ${runs} runs:`,
);
for (const [name, walks] of Object.entries(results)) {
  const total = median(walks.map((w) => sum(w.perQueryMs)));
  const perQuery = median(walks.flatMap((w) => w.perQueryMs));
  console.log(
    `  ${name.padEnd(7)} ${String(walks[0]!.perQueryMs.length).padStart(3)} queries, ${perQuery.toFixed(0).padStart(6)} ms each (median), ${total.toFixed(0).padStart(7)} ms for the walk; views with places left out: ${walks[0]!.partialViews}${name === 'now' ? ' (said on the map)' : ' (unsaid)'}`,
  );
}
const ratio = median(results.now.map((w) => sum(w.perQueryMs))) / median(results.before.map((w) => sum(w.perQueryMs)));
console.log(`  now / before, time for the walk: ${ratio.toFixed(2)}×`);
