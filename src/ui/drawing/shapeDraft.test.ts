import { describe, expect, it } from 'vitest';
import { emptyPlaceDraft } from '../../domain/placeDraft';
import { assetLocation, parseShapeDraft, placeDraftForShape, type ShapeDraft } from './shapeDraft';

const route: ShapeDraft = {
  kind: 'route',
  geometry: {
    type: 'LineString',
    coordinates: [
      [4.5, 52.16],
      [4.51, 52.17],
    ],
  },
};
const area: ShapeDraft = {
  kind: 'area',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [4.5, 52.16],
        [4.51, 52.16],
        [4.51, 52.17],
        [4.5, 52.16],
      ],
    ],
  },
};

describe('the drawn shape waiting for its form', () => {
  it('reads back what was stored', () => {
    expect(parseShapeDraft(JSON.stringify(route))).toEqual(route);
    expect(parseShapeDraft(JSON.stringify(area))).toEqual(area);
  });

  it('drops anything unreadable, of the wrong type for its kind, or too short', () => {
    expect(parseShapeDraft(null)).toBeNull();
    expect(parseShapeDraft('{not json')).toBeNull();
    expect(parseShapeDraft(JSON.stringify({ ...route, kind: 'area' }))).toBeNull();
    expect(parseShapeDraft(JSON.stringify({ kind: 'route', geometry: { type: 'LineString', coordinates: [[4.5, 52.16]] } }))).toBeNull();
    expect(
      parseShapeDraft(
        JSON.stringify({
          kind: 'route',
          geometry: {
            type: 'LineString',
            coordinates: [
              [4.5, 95],
              [4.5, 52],
            ],
          },
        }),
      ),
    ).toBeNull();
  });

  it('a drawn shape takes the place of a tapped spot, and a route suggests the walking-route kind', () => {
    const tapped = { ...emptyPlaceDraft, lon: 4.5, lat: 52.16, name: 'Rondje' };
    expect(placeDraftForShape(tapped, 'route')).toEqual({ ...tapped, lon: null, lat: null, category: 'wandelroute' });
    expect(placeDraftForShape({ ...tapped, category: 'park' }, 'route').category).toBe('park');
    expect(placeDraftForShape(tapped, 'area').category).toBe('');
  });

  it('saves the drawn shape as a route or area, else the tapped spot as a place', () => {
    const tapped = { ...emptyPlaceDraft, lon: 4.5, lat: 52.16 };
    expect(assetLocation(tapped, null)).toEqual({ kind: 'place', geometry: { type: 'Point', coordinates: [4.5, 52.16] } });
    expect(assetLocation(emptyPlaceDraft, route)).toEqual(route);
    expect(assetLocation(emptyPlaceDraft, null)).toBeNull();
  });
});
