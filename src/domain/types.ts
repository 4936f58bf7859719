import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

// The domain's own vocabulary: what a place, a dimension, a target group is, and
// what the app asks for. The shapes the SQL functions send back live with the
// seam (src/backend/wireTypes.ts); the seam checks these names against the SQL enums.

export type AssetKind = 'place' | 'route' | 'area' | 'group';

/**
 * pending: waits for a facilitator; published: on the map; archived: taken off by
 * its author or a moderator; rejected: refused, with a reason; hidden: reported
 * by enough people, until a facilitator looks.
 */
export type AssetStatus = 'pending' | 'published' | 'archived' | 'rejected' | 'hidden';

/** A person's role in one werkgebied; a resident needs none. */
export type MemberRole = 'key_person' | 'facilitator' | 'planner' | 'admin';

/** What moderation, reports and history are about. */
export type ItemType = 'asset' | 'story' | 'photo';

export type ModerationDecision = 'approve' | 'reject' | 'restore';

/** What one entry in an item's history did. */
// 'withdraw': a circle's key person withdrew their consent; the circle is gone.
export type ChangeOperation = 'add' | 'edit' | 'archive' | 'restore' | 'approve' | 'reject' | 'hide' | 'undo' | 'withdraw';

/** Where a kind of place stands next to care (public.care_domain): citizens, primary care, the social domain. */
export const careDomains = ['nulde_lijn', 'eerstelijn', 'sociaal_domein'] as const;
export type CareDomain = (typeof careDomains)[number];

/** How two places are connected (public.connection_kind); "works with" has no direction. */
export const connectionKinds = ['works_with', 'meets_at', 'refers_to', 'part_of'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

/** Huber's six dimensions of Positieve Gezondheid, as stored in SQL. */
export const healthDimensions = [
  'lichaamsfuncties',
  'mentaal_welbevinden',
  'zingeving',
  'kwaliteit_van_leven',
  'meedoen',
  'dagelijks_functioneren',
] as const;
export type HealthDimension = (typeof healthDimensions)[number];

export type AssetGeometry = Point | LineString | MultiLineString | Polygon | MultiPolygon;

export interface NewAsset {
  kind: AssetKind;
  category: string;
  name: string;
  geometry: Geometry;
  description?: string;
  dimensions?: HealthDimension[];
  /** Why this place matters: saved as the asset's first story, in the same transaction. */
  story?: string;
  authorName?: string;
  /** One key per contribution, sent with every try: a retry after a lost answer writes nothing twice. */
  idempotencyKey?: string;
  /** Added in this workshop session (its members only; its setting decides the status). */
  sessionId?: string;
  /** A circle (category 'cirkel') needs its key person's consent to be shown at all. */
  circleConsent?: boolean;
}

export interface NewStory {
  assetId: string;
  body: string;
  authorName?: string;
  idempotencyKey?: string;
}

/** A photo ready to go: already shrunk and without location data (src/photos/preparePhoto.ts). */
export interface NewPhoto {
  assetId: string;
  file: Blob;
  mimeType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  caption?: string;
  idempotencyKey?: string;
}

export interface AssetChanges {
  name?: string;
  description?: string;
  category?: string;
  dimensions?: HealthDimension[];
  geometry?: Geometry;
}

export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export type AreaLevel = 'gemeente' | 'wijk' | 'buurt' | 'pc4' | 'other';

/** Whom coverage is about: all residents, or those aged 65+. */
export type TargetGroup = 'all' | '65plus';

/**
 * What coverage is counted for, as the SQL functions name it: any asset
 * ('any'), one category ('category:ontmoetingsplek'), or one Positive Health
 * dimension ('dimension:meedoen').
 */
export type CoverageTarget = 'any' | `category:${string}` | `dimension:${string}`;

/** A place that does not exist yet: "what if there were a meeting place here?" */
export interface CandidatePoint {
  type: 'Point';
  coordinates: [number, number];
}
