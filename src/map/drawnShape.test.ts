import { describe, expect, it } from 'vitest';
import type { LineString, Polygon } from 'geojson';
import { drawingVertexCount, hasEnoughVertices, isCompleteShape, vertexCount } from './drawnShape';

const a = [4.5, 52.16];
const b = [4.51, 52.16];
const c = [4.51, 52.17];
const line = (...coordinates: number[][]): LineString => ({ type: 'LineString', coordinates });
const ring = (...coordinates: number[][]): Polygon => ({ type: 'Polygon', coordinates: [coordinates] });

describe('drawn shapes', () => {
  it('a route needs two points, an area three', () => {
    expect([0, 1, 2, 3].map((count) => hasEnoughVertices('route', count))).toEqual([false, false, true, true]);
    expect([0, 1, 2, 3].map((count) => hasEnoughVertices('area', count))).toEqual([false, false, false, true]);
  });

  it('counts the points set while drawing, not the live point that follows the pointer', () => {
    // A line after three taps: the third point twice, the second copy being the live point.
    expect(drawingVertexCount({ geometry: line(a, b, c, c), properties: {} })).toBe(3);
    expect(drawingVertexCount({ geometry: line(a, a), properties: {} })).toBe(1);
    // A polygon's ring holds the live point and the closing point; the polygon says how many are set.
    expect(drawingVertexCount({ geometry: ring(a, b, c, c, a), properties: { committedCoordinateCount: 3 } })).toBe(3);
    expect(drawingVertexCount({ geometry: ring(a, a, a, a), properties: {} })).toBe(0);
    expect(drawingVertexCount({ geometry: { type: 'Point', coordinates: a }, properties: {} })).toBe(0);
  });

  it('counts a finished polygon’s closing point once', () => {
    expect(vertexCount(line(a, b))).toBe(2);
    expect(vertexCount(ring(a, b, c, a))).toBe(3);
  });

  it('accepts a finished shape only of the right type and with enough points', () => {
    expect(isCompleteShape('route', line(a, b))).toBe(true);
    // Enter after one tap finishes a one-point line in terra-draw; that is no route.
    expect(isCompleteShape('route', line(a))).toBe(false);
    expect(isCompleteShape('area', ring(a, b, c, a))).toBe(true);
    expect(isCompleteShape('area', ring(a, b, a))).toBe(false);
    expect(isCompleteShape('area', line(a, b, c))).toBe(false);
    expect(isCompleteShape('route', ring(a, b, c, a))).toBe(false);
  });
});
