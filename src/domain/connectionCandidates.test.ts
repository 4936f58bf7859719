import { describe, expect, it } from 'vitest';
import { connectionCandidates } from './connectionCandidates';

const point = (id: string, lon: number, lat: number) => ({ id, geometry: { type: 'Point' as const, coordinates: [lon, lat] } });

describe('connectionCandidates', () => {
  it('offers the other places, nearest first, up to the limit', () => {
    const here = point('here', 4.5, 52.16);
    const places = [
      point('far', 4.6, 52.16),
      here,
      point('near', 4.501, 52.16),
      {
        id: 'route',
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [4.52, 52.16],
            [4.7, 52.2],
          ],
        },
      },
    ];
    expect(connectionCandidates(here, places).map((place) => place.id)).toEqual(['near', 'route', 'far']);
    expect(connectionCandidates(here, places, 2).map((place) => place.id)).toEqual(['near', 'route']);
  });

  it('weighs east-west by latitude: at 52° a degree east is nearer than a degree north', () => {
    const here = point('here', 4.5, 52);
    expect(connectionCandidates(here, [point('north', 4.5, 52.01), point('east', 4.51, 52)]).map((place) => place.id)).toEqual([
      'east',
      'north',
    ]);
  });
});
