import type { AssetKind, HealthDimension } from '../domain/types';
import type { GapPopulation, JoinRefusal, SessionPhase } from '../domain/workshop';
import type { AssetCollection } from './wireTypes';

// The JSON the workshop functions (supabase/schemas/10_workshops.sql) return.

export interface WorkshopSession {
  id: string;
  werkgebied_id: string;
  werkgebied_name: string;
  title: string;
  /** yyyy-mm-dd */
  held_on: string;
  /** What the shared screen shows: [west, south, east, north]. */
  bbox: [number, number, number, number];
  join_code: string;
  join_code_expires_at: string;
  join_locked: boolean;
  phase: SessionPhase;
  publish_at_once: boolean;
  show_first_names: boolean;
  gap_target: GapPopulation;
  gap_distance_m: number;
  /** The planner's coverage target: 'any', 'category:<id>' or 'dimension:<name>'. */
  gap_asset_target: string;
  /** "Gaten zien" along the paths (walking distance) rather than in a straight line. */
  gap_on_foot: boolean;
  /** Whether the caller runs this session (a facilitator of its werkgebied). */
  i_facilitate: boolean;
  participant_count: number;
}

export type JoinAnswer = { joined: true; session: WorkshopSession } | { joined: false; reason: JoinRefusal };

export interface Appreciation {
  asset_id: string;
  count: number;
  /** Whether the caller appreciates it. */
  mine: boolean;
}

export interface SessionAction {
  id: string;
  session_id: string;
  body: string;
  taken_up_by: string | null;
  lon: number;
  lat: number;
  mine: boolean;
  created_at: string;
}

export interface SessionStory {
  id: string;
  asset_id: string;
  asset_name: string;
  body: string;
  /** Only when the session shows first names. */
  author_name: string | null;
  created_at: string;
}

interface SessionAppreciations {
  asset_id: string;
  asset_name: string;
  count: number;
  reasons: string[];
}

/** A contribution made in the session: an asset feature with its first name (if shown) and counts. */
export type SessionContributions = AssetCollection & {
  features: (AssetCollection['features'][number] & {
    properties: { first_name: string | null; appreciations: number; stories: number };
  })[];
};

export interface SessionOverview {
  session: WorkshopSession;
  contributions: SessionContributions;
  /** Newest first. */
  stories: SessionStory[];
  /** Most appreciated first. */
  appreciations: SessionAppreciations[];
  actions: SessionAction[];
  counts: {
    contributions: number;
    by_kind: Partial<Record<AssetKind, number>>;
    by_category: Record<string, number>;
    by_dimension: Partial<Record<HealthDimension, number>>;
    stories: number;
    appreciations: number;
    actions: number;
    participants: number;
    pending: number;
  };
}
