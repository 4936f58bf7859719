import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { CoverageCells, GapCellCollection } from '../backend/wireTypes';
import { toWgs84 } from '../import/crs';
import type { CellDistances } from './cellCoverage';

/**
 * What the map's gap layers draw, made in the browser from public.coverage_cells:
 * every cell of the question once, with its distance (the map filters them at
 * each slider step instead of loading new ones), and for zoomed-out views blocks
 * of 500 m or 1 km summarising the gaps at the chosen distance.
 */

/** 'E0930N4630' → the south-west corner in RD New metres; CBS names a 100 m cell by it. */
export function cellCorner(cellId: string): [number, number] {
  const match = /^E(\d{3,4})N(\d{3,4})$/.exec(cellId);
  if (!match) throw new Error(`not a CBS 100 m cell id: ${cellId}`);
  return [Number(match[1]) * 100, Number(match[2]) * 100];
}

/** A square in RD New, [x, y] its south-west corner, as a WGS84 polygon for the map. */
function squareInWgs84([x, y]: [number, number], size: number, corner: (x: number, y: number) => Position = cornerInWgs84): Polygon {
  const ring = [corner(x, y), corner(x + size, y), corner(x + size, y + size), corner(x, y + size)];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

const cornerInWgs84 = (x: number, y: number): Position => toWgs84({ type: 'Point', coordinates: [x, y] }, 'EPSG:28992').coordinates;

/** Neighbouring cells share corners: each one is transformed once (4× fewer transforms for a town's cells). */
function sharedCorners(): (x: number, y: number) => Position {
  const done = new Map<number, Position>();
  return (x, y) => {
    // RD New metres are below 10^6: one number keys both.
    const key = x * 1e6 + y;
    let position = done.get(key);
    if (!position) {
      position = cornerInWgs84(x, y);
      done.set(key, position);
    }
    return position;
  };
}

/**
 * Every cell, gap or not, with its distance (null: nothing within 2 000 m), in
 * the shape gap_cells gives; the map shows those beyond the slider's distance.
 */
export function cellFeatures(cells: CoverageCells, distances: CellDistances): GapCellCollection {
  const corner = sharedCorners();
  return {
    type: 'FeatureCollection',
    features: cells.cell_ids.map((cellId, index) => ({
      type: 'Feature',
      id: cellId,
      geometry: squareInWgs84(cellCorner(cellId), 100, corner),
      properties: {
        cell_id: cellId,
        buurt_code: cells.buurt_codes[index] ?? null,
        residents: cells.residents[index] ?? null,
        residents_65plus: cells.residents_65plus[index] ?? null,
        estimated: cells.estimated[index] ?? false,
        distance_m: distances[index] ?? null,
      },
    })),
  };
}

export type SummaryBlockSize = 500 | 1000;

export interface GapSummaryProperties {
  /** Uncovered people of the block per 100 m cell with a known count: comparable with a cell's colour. */
  residents: number | null;
  residents_65plus: number | null;
  /** Whether any gap cell in it is an estimate (spread from area counts). */
  estimated: boolean;
  /** Uncovered people in the whole block. */
  uncovered: number;
  uncovered_65plus: number;
}

/**
 * Blocks of 500 m or 1 km holding a gap at `distance`, each with its uncovered
 * people per populated cell, so a zoomed-out map shows where gaps gather
 * without drawing every 100 m cell. Block squares are made once per answer.
 */
export class GapSummaries {
  private readonly blockOf: Record<SummaryBlockSize, Int32Array>;
  private readonly corners: Record<SummaryBlockSize, Array<[number, number]>>;
  private readonly squares: Record<SummaryBlockSize, Map<number, Polygon>> = { 500: new Map(), 1000: new Map() };

  constructor(
    private readonly cells: CoverageCells,
    private readonly distances: CellDistances,
  ) {
    const byCell = cells.cell_ids.map(cellCorner);
    const blocks = (size: SummaryBlockSize) => {
      const keys = new Map<string, number>();
      const corners: Array<[number, number]> = [];
      const blockOf = new Int32Array(byCell.length);
      byCell.forEach(([x, y], index) => {
        const corner: [number, number] = [Math.floor(x / size) * size, Math.floor(y / size) * size];
        const key = `${corner[0]}/${corner[1]}`;
        let block = keys.get(key);
        if (block === undefined) {
          block = corners.length;
          keys.set(key, block);
          corners.push(corner);
        }
        blockOf[index] = block;
      });
      return { blockOf, corners };
    };
    const half = blocks(500);
    const whole = blocks(1000);
    this.blockOf = { 500: half.blockOf, 1000: whole.blockOf };
    this.corners = { 500: half.corners, 1000: whole.corners };
  }

  at(distance: number, size: SummaryBlockSize): FeatureCollection<Polygon, GapSummaryProperties> {
    const blockOf = this.blockOf[size];
    const count = this.corners[size].length;
    const known = new Int32Array(count);
    const known65plus = new Int32Array(count);
    const uncovered = new Float64Array(count);
    const uncovered65plus = new Float64Array(count);
    const gapCells = new Int32Array(count);
    const gapCellsKnown = new Int32Array(count);
    const gapCellsKnown65plus = new Int32Array(count);
    const estimated = new Uint8Array(count);
    const { residents, residents_65plus: residents65plus } = this.cells;
    for (let index = 0; index < blockOf.length; index++) {
      const block = blockOf[index]!;
      const people = residents[index] ?? null;
      const people65plus = residents65plus[index] ?? null;
      if (people !== null) known[block]!++;
      if (people65plus !== null) known65plus[block]!++;
      const reach = this.distances[index] ?? null;
      if (reach !== null && reach <= distance) continue;
      gapCells[block]!++;
      if (people !== null) {
        uncovered[block]! += people;
        gapCellsKnown[block]!++;
      }
      if (people65plus !== null) {
        uncovered65plus[block]! += people65plus;
        gapCellsKnown65plus[block]!++;
      }
      if (this.cells.estimated[index]) estimated[block] = 1;
    }
    const features: Array<Feature<Polygon, GapSummaryProperties>> = [];
    for (let block = 0; block < count; block++) {
      if (gapCells[block] === 0) continue;
      features.push({
        type: 'Feature',
        id: block,
        geometry: this.square(block, size),
        properties: {
          // Like a secret cell, a block whose gap cells are all secret has no number to colour.
          residents: gapCellsKnown[block]! > 0 ? uncovered[block]! / known[block]! : null,
          residents_65plus: gapCellsKnown65plus[block]! > 0 ? uncovered65plus[block]! / known65plus[block]! : null,
          estimated: estimated[block] === 1,
          uncovered: uncovered[block]!,
          uncovered_65plus: uncovered65plus[block]!,
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }

  private square(block: number, size: SummaryBlockSize): Polygon {
    let square = this.squares[size].get(block);
    if (!square) {
      square = squareInWgs84(this.corners[size][block]!, size);
      this.squares[size].set(block, square);
    }
    return square;
  }
}
