import { z } from 'zod';
import type { LineString } from 'geojson';
import { healthDimensions, type NewAsset } from '../../domain/types';

/**
 * What a participant has typed in a session, kept in localStorage on every
 * change: a phone that loses the network, goes to sleep or reloads keeps it,
 * and sends it again with the same idempotency key, so it lands once.
 * `sending` says the participant pressed save and the answer has not come.
 */
const spot = {
  sessionId: z.string(),
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  idempotencyKey: z.uuid(),
  sending: z.boolean(),
};

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const contributionDraftSchema = z.object({
  ...spot,
  category: z.string().max(100),
  name: z.string().max(200),
  story: z.string().max(5000),
  /** What it helps with (Positive Health); may stay empty. */
  dimensions: z.array(z.enum(healthDimensions)),
  /** A walking route drawn instead of a spot tapped ("Teken een route"). */
  route: z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(20_000) }).nullable(),
});
export type ContributionDraft = z.infer<typeof contributionDraftSchema>;

const actionDraftSchema = z.object({
  ...spot,
  body: z.string().max(280),
  takenUpBy: z.string().max(100),
});
export type ActionDraft = z.infer<typeof actionDraftSchema>;

export interface DraftKind<Draft> {
  storageKey: string;
  schema: z.ZodType<Draft>;
  empty(sessionId: string): Draft;
}

export const contributionDrafts: DraftKind<ContributionDraft> = {
  storageKey: 'wijkkracht.workshop.contribution',
  schema: contributionDraftSchema,
  empty: (sessionId) => ({
    sessionId,
    lon: null,
    lat: null,
    idempotencyKey: crypto.randomUUID(),
    sending: false,
    category: '',
    name: '',
    story: '',
    dimensions: [],
    route: null,
  }),
};

export const actionDrafts: DraftKind<ActionDraft> = {
  storageKey: 'wijkkracht.workshop.action',
  schema: actionDraftSchema,
  empty: (sessionId) => ({ sessionId, lon: null, lat: null, idempotencyKey: crypto.randomUUID(), sending: false, body: '', takenUpBy: '' }),
};

/** The stored draft of this session, or null (nothing stored, unreadable, or of another session). */
export function loadDraft<Draft extends { sessionId: string }>(
  storage: Pick<Storage, 'getItem'>,
  kind: DraftKind<Draft>,
  sessionId: string,
): Draft | null {
  const text = storage.getItem(kind.storageKey);
  if (!text) return null;
  try {
    const parsed = kind.schema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.sessionId === sessionId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where the contribution is: a drawn route, else the tapped spot; null while there is neither. */
export function contributionLocation(draft: ContributionDraft): Pick<NewAsset, 'kind' | 'geometry'> | null {
  if (draft.route) return { kind: 'route', geometry: draft.route as LineString };
  if (draft.lon === null || draft.lat === null) return null;
  return { kind: 'place', geometry: { type: 'Point', coordinates: [draft.lon, draft.lat] } };
}

/**
 * The place or route as add_asset takes it. A name is required there, but
 * asking for one costs an elderly participant a keyboard: the kind stands in.
 */
export function contributionAsset(draft: ContributionDraft, categoryName: string): NewAsset {
  const location = contributionLocation(draft);
  if (!location) throw new Error('a contribution needs a spot or a route on the map');
  const story = draft.story.trim();
  return {
    ...location,
    category: draft.category,
    name: draft.name.trim() || categoryName,
    dimensions: draft.dimensions,
    ...(story ? { story } : {}),
    sessionId: draft.sessionId,
    idempotencyKey: draft.idempotencyKey,
  };
}
