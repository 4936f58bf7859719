import { z } from 'zod';
import type { Geometry } from 'geojson';
import type { PlaceDraft } from '../../domain/placeDraft';
import type { AssetKind } from '../../domain/types';
import type { DrawnGeometry, ShapeKind } from '../../map/drawnShape';

/**
 * A route or area drawn and not yet saved. Kept in localStorage beside the
 * place draft (which holds what was typed), so a reload loses neither.
 */
export interface ShapeDraft {
  kind: ShapeKind;
  geometry: DrawnGeometry;
}

export const shapeDraftStorageKey = 'wijkkracht.shapeDraft';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const shapeDraftSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('route'),
    geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(20_000) }),
  }),
  z.object({
    kind: z.literal('area'),
    geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4).max(20_000)).length(1) }),
  }),
]);

/** A stored shape draft; anything unreadable or of another shape yields null. */
export function parseShapeDraft(text: string | null): ShapeDraft | null {
  try {
    return shapeDraftSchema.safeParse(JSON.parse(text ?? 'null')).data ?? null;
  } catch {
    return null;
  }
}

// A drawn route is most likely a walking route; the resident can choose another kind.
const suggestedCategory: Record<ShapeKind, string> = { route: 'wandelroute', area: '' };

/** The place draft once a shape is drawn: no spot of its own, and a kind suggested if none was chosen. */
export function placeDraftForShape(current: PlaceDraft, kind: ShapeKind): PlaceDraft {
  return { ...current, lon: null, lat: null, category: current.category || suggestedCategory[kind] };
}

/** What the form saves: the drawn shape, else the tapped spot; null while there is neither. */
export function assetLocation(draft: PlaceDraft, shape: ShapeDraft | null): { kind: AssetKind; geometry: Geometry } | null {
  if (shape) return shape;
  if (draft.lon === null || draft.lat === null) return null;
  return { kind: 'place', geometry: { type: 'Point', coordinates: [draft.lon, draft.lat] } };
}
