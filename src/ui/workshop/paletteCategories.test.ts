import { describe, expect, it } from 'vitest';
import type { Category } from '../../backend/wireTypes';
import { isDrawingRoute, paletteCategories, tapPicksSpot } from './paletteCategories';

const category = (id: string): Category => ({ id, label_nl: id, label_en: id, color: '#000000' });
const route = { type: 'LineString', coordinates: [] };

describe('the palette of places', () => {
  it('leaves out circles (key persons only) and walking routes (drawn as lines), keeping the order', () => {
    const all = ['buurthuis', 'wandelroute', 'park', 'cirkel', 'speelplek'].map(category);
    expect(paletteCategories(all).map((kept) => kept.id)).toEqual(['buurthuis', 'park', 'speelplek']);
  });
});

describe('a tap on the map while adding', () => {
  it('picks the spot of a place once its kind is chosen, not before', () => {
    expect(tapPicksSpot({ category: '' })).toBe(false);
    expect(tapPicksSpot({ category: 'park' })).toBe(true);
  });

  it('is a point of the route while one is drawn, and does nothing once it is finished', () => {
    expect(tapPicksSpot({ category: 'wandelroute' })).toBe(false);
    expect(isDrawingRoute({ category: 'wandelroute', route: null })).toBe(true);
    expect(isDrawingRoute({ category: 'wandelroute', route })).toBe(false);
    expect(isDrawingRoute({ category: 'park', route: null })).toBe(false);
  });
});
