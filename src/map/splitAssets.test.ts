import { describe, expect, it } from 'vitest';
import type { AssetFeature } from '../backend/wireTypes';
import { categoryColorExpression } from './assetLayers';
import { splitAssets } from './splitAssets';

const feature = (id: string, geometry: AssetFeature['geometry']) => ({ type: 'Feature', id, geometry, properties: { id } }) as AssetFeature;

describe('asset layers', () => {
  it('sends points to the clustered source and routes and areas to the shape source', () => {
    const { points, shapes } = splitAssets({
      type: 'FeatureCollection',
      features: [
        feature('a', { type: 'Point', coordinates: [4.5, 52.1] }),
        feature('b', {
          type: 'LineString',
          coordinates: [
            [4.5, 52.1],
            [4.6, 52.2],
          ],
        }),
        feature('c', {
          type: 'Polygon',
          coordinates: [
            [
              [4.5, 52.1],
              [4.6, 52.1],
              [4.6, 52.2],
              [4.5, 52.1],
            ],
          ],
        }),
      ],
    });
    expect(points.features.map((item) => item.id)).toEqual(['a']);
    expect(shapes.features.map((item) => item.id)).toEqual(['b', 'c']);
  });

  it('colours by category from the categories table, grey for anything unknown', () => {
    expect(categoryColorExpression([])).toBe('#555555');
    expect(
      categoryColorExpression([
        { id: 'park', label_nl: 'Park', label_en: 'Park', color: '#4f9d3a' },
        { id: 'buurthuis', label_nl: 'Buurthuis', label_en: 'Community centre', color: '#d1495b' },
      ]),
    ).toEqual(['match', ['get', 'category'], 'park', '#4f9d3a', 'buurthuis', '#d1495b', '#555555']);
  });
});
