import { describe, expect, it } from 'vitest';
import type { CoverageCells } from '../backend/wireTypes';
import { toWgs84 } from '../import/crs';
import { cellCorner, cellFeatures, GapSummaries } from './gapLayerData';

// Four cells of one 500 m block (E0930N4630 … E0933N4630) and one in the next block east.
const cells: CoverageCells = {
  targets: ['any'],
  cell_ids: ['E0930N4630', 'E0931N4630', 'E0932N4630', 'E0933N4630', 'E0935N4630'],
  buurt_codes: ['BU1', 'BU1', null, 'BU2', 'BU2'],
  residents: [10, 20, 30, null, null],
  residents_65plus: [1, 2, 3, null, null],
  estimated: [false, true, false, false, true],
  cells_by_weights: 0,
  distances: { any: [0, 300, null, 900, 700] },
  with_candidates: null,
  on_foot: false,
  walk_estimated: null,
};
const distances = cells.distances.any!;

describe('the gap layer made from coverage_cells', () => {
  it('reads a CBS cell id as its south-west corner in RD New, and refuses anything else', () => {
    expect(cellCorner('E0930N4630')).toEqual([93_000, 463_000]);
    expect(cellCorner('E1234N5678')).toEqual([123_400, 567_800]);
    expect(() => cellCorner('E93N4630x')).toThrow(/cell id/);
  });

  it('draws every cell as its 100 m square with its distance, gap or not', () => {
    const features = cellFeatures(cells, distances).features;
    expect(features.map((feature) => feature.properties.distance_m)).toEqual([0, 300, null, 900, 700]);
    const [lon, lat] = toWgs84({ type: 'Point', coordinates: [93_000, 463_000] }, 'EPSG:28992').coordinates;
    expect(features[0]!.geometry.coordinates[0]![0]).toEqual([lon, lat]);
    expect(features[1]!.properties).toMatchObject({ cell_id: 'E0931N4630', buurt_code: 'BU1', residents: 20, estimated: true });
  });

  it('sums the gaps of a block per populated cell, and leaves a block of secret gap cells without a number', () => {
    const summaries = new GapSummaries(cells, distances);
    // At 250 m: B (20), C (30, nothing within reach) and D (secret) are gaps in the first block; E (secret) in the second.
    const blocks = summaries.at(250, 500).features.map((block) => block.properties);
    expect(blocks).toEqual([
      { residents: 50 / 3, residents_65plus: 5 / 3, estimated: true, uncovered: 50, uncovered_65plus: 5 },
      { residents: null, residents_65plus: null, estimated: true, uncovered: 0, uncovered_65plus: 0 },
    ]);
    // At 1 000 m only C is a gap; in a 1 km block with all five cells.
    expect(summaries.at(1000, 1000).features.map((block) => block.properties.uncovered)).toEqual([30]);
    expect(summaries.at(2000, 500).features).toHaveLength(1);
  });
});
