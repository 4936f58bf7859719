/**
 * One step of the planner's distance slider, two ways, on the data bench/coverage.ts
 * loaded (part of `npm run bench`):
 *
 *   slider-before  — what a step asked until 2026-12-03: public.coverage,
 *                    coverage_by_buurt and gap_cells (the whole area's gap layer
 *                    as GeoJSON) and the radar's six coverage calls, at the new distance;
 *   slider-now     — what a step does now: nothing in SQL; the figures, the buurten,
 *                    the radar and the 500 m / 1 km blocks added up in JavaScript
 *                    from the answer of public.coverage_cells (src/coverage/);
 *   question-now   — what a new question (another target, werkgebied) costs once:
 *                    public.coverage_cells for the target and the six dimensions, and
 *                    the map's cells and blocks made from it;
 *   gap-layer      — gap_cells alone: the whole region's gap layer, once per step before
 *                    (its size: the largest of the steps timed, which is the shortest distance).
 *
 * The steps walk 0 → 2 000 m by 50 m, as a hand dragging the slider. The SQL is
 * called on the connection as its owner, without the RPC layer (the same for both).
 */
import type { SqlConnection } from '../src/backend/sqlConnection';
import type { CoverageCells } from '../src/backend/wireTypes';
import { byBuurtAt, figuresAt } from '../src/coverage/cellCoverage';
import { cellFeatures, GapSummaries } from '../src/coverage/gapLayerData';
import { healthDimensions } from '../src/domain/types';

export type SliderApproach = 'slider-before' | 'slider-now' | 'question-now' | 'gap-layer';
export interface SliderResult {
  approach: SliderApproach;
  median_ms: number;
  /** What travels from the database: gap_cells' GeoJSON per step before, coverage_cells' answer per question now. */
  bytes?: number;
}

const dimensionTargets = healthDimensions.map((dimension) => `dimension:${dimension}`);
const distances = Array.from({ length: 41 }, (_, index) => index * 50);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function benchSliderSteps(connection: SqlConnection, target: string, runs: number): Promise<SliderResult[]> {
  const value = async <T>(sql: string, params: unknown[]) =>
    (await connection.query<{ result: T }>(`select ${sql} as result`, params)).rows[0]!.result;

  // Before: each step in SQL. A few passes over a spread of steps (a full 41-step walk per run would take minutes).
  const sampled = distances.filter((_, index) => index % 8 === 2);
  const before: number[] = [];
  const gapLayer: number[] = [];
  let gapBytes = 0;
  for (let run = 0; run < Math.max(1, Math.ceil(runs / 3)); run++) {
    for (const distance of sampled) {
      before.push(
        await timed(async () => {
          await value('public.coverage($1, $2)', [target, distance]);
          await value('public.coverage_by_buurt($1, $2)', [target, distance]);
          const gaps = await value<unknown>('public.gap_cells($1, $2)', [target, distance]);
          gapBytes = Math.max(gapBytes, JSON.stringify(gaps).length);
          for (const dimension of dimensionTargets) await value('public.coverage($1, $2)', [dimension, distance]);
        }),
      );
      gapLayer.push(await timed(() => value('public.gap_cells($1, $2)', [target, distance])));
    }
  }

  // Now: one question, then every step in JavaScript.
  let answer: CoverageCells | null = null;
  const question: number[] = [];
  let summaries: GapSummaries | null = null;
  for (let run = 0; run < runs; run++) {
    question.push(
      await timed(async () => {
        answer = await value<CoverageCells>('public.coverage_cells($1::jsonb)', [JSON.stringify([target, ...dimensionTargets])]);
        cellFeatures(answer, answer.distances[target]!);
        summaries = new GapSummaries(answer, answer.distances[target]!);
      }),
    );
  }
  const cells = answer! as CoverageCells;
  const now: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const distance of distances) {
      now.push(
        timedSync(() => {
          figuresAt(cells, cells.distances[target]!, target, distance);
          byBuurtAt(cells, cells.distances[target]!, distance);
          for (const dimension of dimensionTargets) figuresAt(cells, cells.distances[dimension]!, dimension, distance);
          summaries!.at(distance, 500);
          summaries!.at(distance, 1000);
        }),
      );
    }
  }
  return [
    { approach: 'slider-before', median_ms: median(before), bytes: gapBytes },
    { approach: 'slider-now', median_ms: median(now) },
    { approach: 'question-now', median_ms: median(question), bytes: JSON.stringify(cells).length },
    { approach: 'gap-layer', median_ms: median(gapLayer), bytes: gapBytes },
  ];
}

function timedSync(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
