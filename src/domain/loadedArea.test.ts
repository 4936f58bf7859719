import { describe, expect, it } from 'vitest';
import { areaAround, areaToLoad, containsBox, needsLoading } from './loadedArea';

const view = { west: 4.48, south: 52.16, east: 4.5, north: 52.17 };

describe('the area the map loads around its view', () => {
  it('reaches one view further on each side', () => {
    const area = areaAround(view);
    expect(area.west).toBeCloseTo(4.46);
    expect(area.east).toBeCloseTo(4.52);
    expect(area.south).toBeCloseTo(52.15);
    expect(area.north).toBeCloseTo(52.18);
  });

  it('stays on the globe', () => {
    expect(areaAround({ west: -179, south: -89, east: 179, north: 89 })).toEqual({ west: -180, south: -90, east: 180, north: 90 });
  });

  it('needs no new query for a view it holds completely: a small pan, or zooming in', () => {
    const loaded = { area: areaAround(view), total: 10, complete: true };
    const panned = { west: 4.485, south: 52.162, east: 4.505, north: 52.172 };
    const zoomedIn = { west: 4.49, south: 52.164, east: 4.495, north: 52.166 };
    expect(needsLoading(panned, loaded)).toBe(false);
    expect(needsLoading(zoomedIn, loaded)).toBe(false);
  });

  it('asks again for a view that reaches outside it, or when places were left out', () => {
    const loaded = { area: areaAround(view), total: 10, complete: true };
    expect(needsLoading({ west: 4.51, south: 52.16, east: 4.53, north: 52.17 }, loaded)).toBe(true);
    expect(needsLoading(view, { ...loaded, complete: false })).toBe(true);
    expect(needsLoading(view, null)).toBe(true);
  });

  it('holds a box on its own edges', () => {
    expect(containsBox(view, view)).toBe(true);
    expect(containsBox(view, { ...view, east: 4.5001 })).toBe(false);
  });

  it('asks for the view with its margin where places are sparse, and for just the view where the margin would hold more than the limit', () => {
    // The first time, nothing is known: with the margin.
    expect(areaToLoad(view, null, 5000)).toEqual(areaAround(view));
    const sparse = { area: areaAround(view), total: 400, complete: true };
    expect(areaToLoad(view, sparse, 5000)).toEqual(areaAround(view));
    // 1 200 places in one view: 10 800 expected with the margin (nine views).
    const dense = { area: view, total: 1200, complete: true };
    expect(areaToLoad(view, dense, 5000)).toEqual(view);
  });

  it('keeps to the globe when the view reaches past it (zoomed far out)', () => {
    const wide = { west: -250, south: -80, east: 250, north: 80 };
    const dense = { area: view, total: 1200, complete: true };
    expect(areaToLoad(wide, dense, 5000)).toEqual({ west: -180, south: -80, east: 180, north: 80 });
    // Once the whole globe is loaded, such a view needs nothing more.
    expect(needsLoading(wide, { area: { west: -180, south: -90, east: 180, north: 90 }, total: 3, complete: true })).toBe(false);
  });
});
