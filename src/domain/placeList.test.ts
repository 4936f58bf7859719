import { describe, expect, it } from 'vitest';
import type { AssetFeature } from '../backend/wireTypes';
import { placesInScope, sortPlaces } from './placeList';

function place(
  name: string,
  category: string,
  coordinates: [number, number],
  extra: Partial<AssetFeature['properties']> = {},
): AssetFeature {
  return {
    type: 'Feature',
    id: name,
    geometry: { type: 'Point', coordinates },
    properties: {
      id: name,
      kind: 'place',
      category,
      dimensions: [],
      name,
      description: '',
      status: 'published',
      werkgebied_id: null,
      moderation_note: null,
      mine: false,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      confirmed_at: '2026-01-01T00:00:00Z',
      version: 1,
      source: null,
      source_id: null,
      attribution: null,
      ...extra,
    },
  };
}

const route: AssetFeature = {
  ...place('Rondje Vlinderpark', 'wandelroute', [0, 0]),
  geometry: {
    type: 'LineString',
    coordinates: [
      [4.49, 52.15],
      [4.51, 52.15],
    ],
  },
};

const kinds: Record<string, string> = { buurthuis: 'Buurthuis', sportclub: 'Sportclub', wandelroute: 'Wandelroute' };
const context = { kindLabel: (category: string) => kinds[category] ?? category, centre: [4.5, 52.16] as [number, number] };

describe('the list of places', () => {
  const places = [
    place('Zwembad', 'sportclub', [4.5, 52.165], { werkgebied_id: 'w1', confirmed_at: '2025-03-01T00:00:00Z' }),
    place('buurthuis Oost', 'buurthuis', [4.52, 52.16], { confirmed_at: '2024-06-01T00:00:00Z' }),
    place('Atletiek', 'sportclub', [4.6, 52.3], { werkgebied_id: 'w1' }),
    route,
  ];

  it('shows what lies in view (a route that crosses the view too), or what lies in a werkgebied wherever the map looks', () => {
    const view = { west: 4.495, south: 52.14, east: 4.53, north: 52.18 };
    expect(placesInScope(places, { kind: 'view' }, view).map((p) => p.id)).toEqual(['Zwembad', 'buurthuis Oost', 'Rondje Vlinderpark']);
    expect(placesInScope(places, { kind: 'werkgebied', id: 'w1' }, view).map((p) => p.id)).toEqual(['Zwembad', 'Atletiek']);
    expect(placesInScope(places, { kind: 'view' }, null)).toEqual([]);
  });

  it('sorts by name regardless of case, by kind, by distance from the map centre, and longest unconfirmed first', () => {
    const names = (sort: Parameters<typeof sortPlaces>[1]) => sortPlaces(places, sort, context).map((p) => p.id);
    expect(names('name')).toEqual(['Atletiek', 'buurthuis Oost', 'Rondje Vlinderpark', 'Zwembad']);
    expect(names('kind')).toEqual(['buurthuis Oost', 'Atletiek', 'Zwembad', 'Rondje Vlinderpark']);
    expect(names('distance')).toEqual(['Zwembad', 'Rondje Vlinderpark', 'buurthuis Oost', 'Atletiek']);
    expect(names('confirmed')).toEqual(['buurthuis Oost', 'Zwembad', 'Atletiek', 'Rondje Vlinderpark']);
  });

  it('leaves the given places as they were', () => {
    const before = places.map((p) => p.id);
    sortPlaces(places, 'kind', context);
    expect(places.map((p) => p.id)).toEqual(before);
  });
});
