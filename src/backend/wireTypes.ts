import type { Appreciation, JoinAnswer, SessionAction, SessionOverview, WorkshopSession } from './sessionWireTypes';
import type { FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { KeyFigure, StoredKeyFigure } from '../domain/keyFigures';
import type {
  AreaLevel,
  AssetGeometry,
  AssetKind,
  AssetStatus,
  CareDomain,
  ChangeOperation,
  ConnectionKind,
  HealthDimension,
  ItemType,
  MemberRole,
  ModerationDecision,
} from '../domain/types';
import type { SqlFunctions } from './sqlApi.generated';

// The JSON the SQL API functions send and receive, as the seam (api.ts) types it.

export interface Category {
  id: string;
  label_nl: string;
  label_en: string;
  color: string;
  /** Nulde lijn, eerstelijn or sociaal domein; absent or null for none (a park, a route). */
  domain?: CareDomain | null;
}

interface AssetProperties {
  id: string;
  kind: AssetKind;
  category: string;
  dimensions: HealthDimension[];
  name: string;
  description: string;
  status: AssetStatus;
  /** The werkgebied it lies in, if any. */
  werkgebied_id: string | null;
  /** A moderator's reason (e.g. for a rejection), shown to the author. */
  moderation_note: string | null;
  /** Whether the caller added it. Who did is never sent. */
  mine: boolean;
  created_at: string;
  updated_at: string;
  /** When someone last said it still exists ("bestaat nog"), or when it was added. */
  confirmed_at: string;
  version: number;
  /** Where an imported asset came from ('osm', a file name...), its id there, and whom to credit. */
  source: string | null;
  source_id: string | null;
  attribution: string | null;
  /** Present on proximity answers only; on foot, the walking distance. */
  distance_m?: number;
  /** On foot (assets_on_foot) only: the straight line, and whether the walk is it times the detour factor (no path found). */
  straight_m?: number;
  walk_estimated?: boolean;
  /** Present on exports (export_assets) only. */
  story_count?: number;
  /** Set by the app for the map, not by SQL: not confirmed for its werkgebied's months (src/domain/freshness.ts). */
  stale?: boolean;
}

export interface AssetFeature {
  type: 'Feature';
  id: string;
  geometry: AssetGeometry;
  properties: AssetProperties;
}

export interface AssetCollection {
  type: 'FeatureCollection';
  features: AssetFeature[];
}

/** The places in a box: at most the limit asked for, and how many lie there in all. */
export interface AssetsInView extends AssetCollection {
  total: number;
}

export interface Story {
  id: string;
  asset_id: string;
  body: string;
  /** The name the author chose to show, if any. */
  author_name: string | null;
  status: AssetStatus;
  moderation_note: string | null;
  mine: boolean;
  created_at: string;
}

/** A photo of a place (supabase/schemas/14_photos.sql); its file comes from PhotoStore.read. */
export interface Photo {
  id: string;
  asset_id: string;
  /** What is on it, in a few words; also what a screen reader reads. */
  caption: string | null;
  mime_type: 'image/jpeg' | 'image/webp';
  byte_size: number;
  width: number;
  height: number;
  /** Shared mode: where its file is in the Storage bucket `photos`; null where the database keeps it. */
  storage_path: string | null;
  /** Whether its file is there (in shared mode it comes after the row). */
  stored: boolean;
  status: AssetStatus;
  moderation_note: string | null;
  mine: boolean;
  created_at: string;
  version: number;
}

/** A photo as a place's details list it. */
export interface PlacePhoto extends Photo {
  /** Its author and the werkgebied's facilitators may take it off. */
  may_remove: boolean;
}

export interface AssetWithStories {
  feature: AssetFeature;
  /** How many say "ik waardeer dit", and whether the caller does. */
  appreciation: Appreciation;
  stories: Story[];
  /** For a circle only (null otherwise). */
  circle: CirclePrivacy | null;
  /** Its connections to other places, those the caller may see. */
  links: AssetLink[];
  /** Its photos whose file is there, as visible as stories. */
  photos: PlacePhoto[];
}

/** A connection as seen from one of its places. */
export interface AssetLink {
  id: string;
  kind: ConnectionKind;
  /** 'from': this place is connected to the other ("komt samen in"); 'to': the other to this one. */
  direction: 'from' | 'to';
  other: { id: string; name: string; category: string };
  /** From a point on this place to a point on the other, for the map. */
  line: LineString;
  may_remove: boolean;
}

export interface RemovedLink {
  id: string;
  removed: true;
}

/** A connection in the export, with both places' names. */
export interface ExportedLink {
  id: string;
  kind: ConnectionKind;
  from_id: string;
  from_name: string;
  from_category: string;
  to_id: string;
  to_name: string;
  to_category: string;
  created_at: string;
}

/**
 * How a circle is shown: the public sees a point in its buurt or in its 100 m
 * cell; its key person and the werkgebied's facilitators also get its exact place.
 */
export interface WithdrawnCircle {
  id: string;
  withdrawn: true;
}

export interface CirclePrivacy {
  shown_at: 'buurt' | 'cell';
  /** Only for its key person and the werkgebied's facilitators. */
  exact_geometry: AssetGeometry | null;
  /** Whether the caller may withdraw it (its key person, a facilitator). */
  may_withdraw: boolean;
}

interface AreaFeature {
  type: 'Feature';
  id: string;
  geometry: MultiPolygon;
  properties: {
    code: string;
    name: string;
    level: AreaLevel;
    parent_code: string | null;
    source: string | null;
    attribution: string | null;
  };
}

export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/** One asset as an import hands it to SQL; `row` is the line or feature number in the file. */
export interface AssetImportRow {
  row: number;
  kind: AssetKind;
  category: string;
  name: string;
  geometry: Geometry;
  description?: string;
  dimensions?: HealthDimension[];
  source_id?: string | null;
  story?: string;
  author_name?: string;
}

export interface AreaImportRow {
  row: number;
  code: string;
  name: string;
  level: AreaLevel;
  parent_code?: string | null;
  geometry: Polygon | MultiPolygon;
}

/** Residents of one area, to be spread over its 100 m cells (areal weighting). Unknown counts are null. */
export interface AreaPopulationRow {
  row: number;
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  residents: number | null;
  residents_65plus: number | null;
  /** 5-year age bands when the source has them (PC4): "0_4" → residents aged 0–4. */
  age_bands?: Record<string, number | null>;
}

/** A wijk or buurt with its key figures: the area, its residents to spread over cells, and its other figures for the map. */
export type AreasWithPopulationRow = AreaPopulationRow &
  Pick<AreaImportRow, 'level' | 'parent_code'> & { key_figures?: Partial<Record<StoredKeyFigure, number | null>> };

/** public.key_figures_by_area: per figure, each area's value by its code (null: unknown), and the sources' credits. */
export interface KeyFiguresByArea {
  figures: Partial<Record<KeyFigure, Record<string, number | null>>>;
  attributions: string[];
}

/** One cell of the CBS 100 m grid: "E1234N5678" (RD New hectometres of its south-west corner). Secret counts are null. */
export interface PopulationCellRow {
  row: number;
  cell_id: string;
  residents: number | null;
  residents_65plus: number | null;
}

/** A stretch of footway between two places where lines meet or end, [longitude, latitude] per vertex. */
export interface WalkLineRow {
  /** The way's row in the file; the pieces of one way share it. */
  row: number;
  /** The way's name or OSM id, for the preview. */
  name?: string;
  line: Array<[number, number]>;
}

type ImportAction = 'add' | 'update' | 'unchanged' | 'skip_archived' | 'skip_outside_area' | 'skip_loop';

interface ImportRowResult {
  row: number;
  action: ImportAction;
  id?: string;
  code?: string;
  /** Areas only: the boundary was not valid and was repaired. */
  repaired?: boolean;
}

export interface ImportReport {
  dry_run: boolean;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rows: ImportRowResult[];
  /**
   * Area population only: residents (all, 65+) in the file; spread over cells
   * (whole residents, each area's count exactly); and what landed in cells
   * (less where cells with real grid counts keep theirs).
   */
  residents_in?: number;
  residents_65plus_in?: number;
  residents_spread?: number;
  residents_65plus_spread?: number;
  residents_landed?: number;
  residents_65plus_landed?: number;
  /** The CBS grid only: cells with a secret count, estimated cells it replaces, and its own earlier cells it drops. */
  cells_secret?: number;
  estimated_replaced?: number;
  earlier_cells_removed?: number;
  /** Areas with their population only: the cells their residents were spread over (the other counts are the areas'). */
  cells_added?: number;
  cells_updated?: number;
  cells_unchanged?: number;
  /** A footway network only: the length of the lines in the file. */
  network_km?: number;
  /** Wijken or buurten with key figures: the figures kept for the map. */
  key_figures?: number;
  /**
   * Population weights only (added: the weights): their total, how many population
   * files were spread again by them, the cells now spread by weights, and all
   * residents before and after (equal: each area keeps its count).
   */
  weight_total?: number;
  sources_respread?: number;
  cells_by_weights?: number;
  residents_before?: number;
  residents_after?: number;
}

/** A row SQL refused, as listed in the WKIMP refusal. */
export interface RefusedRow {
  row: number;
  code: string;
  message: string;
  detail: string | null;
}

export interface ExportedStory extends Story {
  asset_name: string;
  asset_category: string;
  asset_source: string | null;
  asset_source_id: string | null;
  asset_attribution: string | null;
}

/** Coverage within one distance (straight line, RD New). Secret cells count in neither total. */
export interface CoverageFigures {
  target: string;
  distance_m: number;
  residents: number;
  residents_covered: number;
  residents_65plus: number;
  residents_65plus_covered: number;
  cells: number;
  /** Cells whose count CBS keeps secret: all residents, and 65+ (secret more often). */
  cells_unknown: number;
  cells_unknown_65plus: number;
  cells_estimated: number;
}

export interface BuurtCoverage {
  buurt_code: string | null;
  residents: number;
  residents_covered: number;
  residents_65plus: number;
  residents_65plus_covered: number;
  cells_unknown: number;
  cells_unknown_65plus: number;
  cells_estimated: number;
}

export interface CoverageCurvePoint {
  distance_m: number;
  /** 0..1, or null when nobody (of the group) is known to live here. */
  share: number | null;
  share_65plus: number | null;
}

/**
 * public.coverage_cells: the cells of a question as columns, in cell id order;
 * a distance is null where nothing counted lies within 2 000 m.
 */
export interface CoverageCells {
  /** The targets asked, each once, sorted. */
  targets: string[];
  /** CBS 100 m cell ids, 'E<x>N<y>' in RD New hectometres of the south-west corner. */
  cell_ids: string[];
  buurt_codes: Array<string | null>;
  /** null: CBS keeps the count secret. */
  residents: Array<number | null>;
  residents_65plus: Array<number | null>;
  estimated: boolean[];
  /** How many of the cells are spread by population weights (dwellings, buildings) rather than by area. */
  cells_by_weights: number;
  distances: Record<string, Array<number | null>>;
  /** The first target's distances with the "what if" candidates; null without candidates. */
  with_candidates: Array<number | null> | null;
  /** Walking distances (along the footway network) rather than straight lines. */
  on_foot: boolean;
  /** On foot: per cell, whether its distance is the straight line times the detour factor (first target). */
  walk_estimated: boolean[] | null;
}

interface GapCellProperties {
  cell_id: string;
  buurt_code: string | null;
  residents: number | null;
  residents_65plus: number | null;
  estimated: boolean;
  distance_m: number | null;
}

export type GapCellCollection = FeatureCollection<Polygon, GapCellProperties>;

/** Something people's homes follow, for dasymetric spreading (public.import_population_weights). */
export interface PopulationWeightRow {
  row: number;
  /** A building or address (point), or an area (polygon) whose weight is spread over it evenly. */
  geometry: Point | Polygon | MultiPolygon;
  /** Dwellings, addresses or 1 per building; 0 or more. */
  weight: number;
  /** For the preview table only (a wijk's or building's name); SQL does not keep it. */
  name?: string;
}

export interface PopulationSummary {
  cells: number;
  cells_estimated: number;
  /** Spread by population weights (dwellings, buildings) instead of by area. */
  cells_by_weights: number;
  cells_unknown: number;
  residents: number;
  residents_65plus: number;
  attributions: string[];
}

/** public.walk_network_summary: the footway network the walking distances follow. */
export interface WalkNetworkSummary {
  nodes: number;
  edges: number;
  network_km: number;
  cells_on_network: number;
  attributions: string[];
  /** Off the network, a straight stretch counts this many times its length. */
  detour_factor: number;
  access_radius_m: number;
}

/** Places, stories and appreciations counted in a snapshot. */
interface SnapshotCountFigures {
  assets: number;
  stories: number;
  appreciations: number;
}

/** How a snapshot's figures were made (public.snapshots.method, 16_snapshots.sql). */
export interface SnapshotMethod {
  /** Distances are kept in steps of this many metres, from 0 to max_m. */
  step_m: number;
  max_m: number;
  /** Which places count: those on the map. */
  places: 'published';
  population: Array<{
    source: string | null;
    attribution: string | null;
    /** areal_weighting: spread from an area's total by area; dasymetric: by population weights (dwellings, buildings); cbs_cells: counted per cell by CBS. */
    spreading: 'areal_weighting' | 'dasymetric' | 'cbs_cells';
    cells: number;
  }>;
  walking: { detour_factor: number; networks: Array<{ source: string; attribution: string | null; imported_at: string }> };
}

/** A dated record of a werkgebied's figures (public.snapshots), as list_snapshots gives it. */
export interface Snapshot {
  id: string;
  werkgebied_id: string;
  taken_at: string;
  kind: 'manual' | 'monthly';
  /** The month a monthly snapshot stands for (its first day); null for one taken by hand. */
  month: string | null;
  note: string | null;
  method: SnapshotMethod;
  counts: {
    total: SnapshotCountFigures;
    by_kind: Record<string, SnapshotCountFigures>;
    by_category: Record<string, SnapshotCountFigures>;
    by_dimension: Record<string, SnapshotCountFigures>;
  };
  residents: number;
  residents_65plus: number;
}

/** Residents within each distance step (0, 50, …, 2000 m): element i is i × step_m. */
export interface SnapshotSteps {
  covered: number[];
  covered_65plus: number[];
}

/** public.snapshot_trend: a snapshot with its whole werkgebied's residents per step for one target. */
export type SnapshotTrendPoint = Snapshot & SnapshotSteps;

interface SnapshotBuurtFigures extends SnapshotSteps {
  residents: number;
  residents_65plus: number;
  cells_unknown: number;
  cells_unknown_65plus: number;
}

/** public.compare_snapshots: two snapshots per buurt; a side is null where the buurt had no cells then. */
export interface SnapshotComparison {
  first: Snapshot;
  second: Snapshot;
  target: string;
  on_foot: boolean;
  buurten: Array<{ buurt_code: string; first: SnapshotBuurtFigures | null; second: SnapshotBuurtFigures | null }>;
}

/** One postcode area of a programme's own people (public.import_target_group). */
export interface TargetGroupRow {
  row: number;
  /** PC4 "2311" or PC6 "2311AB". */
  postcode: string;
  /** A whole number as the file wrote it; SQL checks it (a Dutch "1.000" is refused, not read as 1). */
  members: number | string;
  /** The area's shape, where the file has one; without, SQL takes the PC4's. */
  geometry?: Polygon | MultiPolygon | null;
}

/** What loading a members file did; its counts are rounded to 5 and null below 5. */
export interface TargetGroupImportReport {
  dry_run: boolean;
  name: string;
  areas: number;
  areas_placed: number;
  /** PC6 rows spread over their PC4 (no shape of their own). */
  areas_by_pc4: number;
  /** Areas with no resident in the werkgebied: their members are left out. */
  areas_outside: number;
  /** Postcodes whose shape is not known (not loaded as population): left out. */
  unknown_postcodes: string[];
  members_in: number | null;
  members_placed: number | null;
  problems: Array<{
    row: number;
    postcode: string;
    problem: 'bad_postcode' | 'bad_members' | 'repeated';
  }>;
  written: boolean;
  id?: string;
}

/** A programme's own, private target group (public.list_target_groups). */
export interface TargetGroup {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  /** Rounded to 5; null when fewer than 5. */
  members: number | null;
}

/**
 * Of a private group, how many live within reach, as the database may show it:
 * rounded to 5; `covered` null when fewer than 5 are within reach or fewer than 5
 * are not (`few` says which), and everything null below 5 in all.
 */
export interface ShownCoverage {
  total: number | null;
  covered: number | null;
  few: 'total' | 'covered' | 'uncovered' | null;
}

/** public.target_group_coverage: per 50 m step (0 … 2000 m), for the werkgebied and per buurt. */
export interface TargetGroupCoverage {
  id: string;
  name: string;
  target: string;
  on_foot: boolean;
  step_m: number;
  threshold: number;
  werkgebied: ShownCoverage[];
  buurten: Array<{ buurt_code: string; steps: ShownCoverage[] }>;
}

export interface Werkgebied {
  id: string;
  name: string;
  review_first: boolean;
  report_threshold: number;
  /** Months after its last confirmation that a place here shows as possibly gone. */
  stale_after_months: number;
  area_codes: string[];
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  geometry: MultiPolygon;
  /** The caller's roles here. */
  my_roles: MemberRole[];
}

export interface MyRoles {
  signed_in: boolean;
  is_admin: boolean;
  werkgebieden: Array<{ id: string; role: MemberRole }>;
}

export interface Member {
  werkgebied_id?: string;
  user_id: string;
  role: MemberRole;
  display_name: string | null;
  added_at?: string;
}

export interface ModerationItem {
  item_type: ItemType;
  id: string;
  asset_id: string;
  werkgebied_id: string | null;
  werkgebied_name: string | null;
  status: AssetStatus;
  version: number;
  created_at: string;
  /** The place's name (for a story: the place it is about). */
  name: string;
  /** A story's text, or a photo's caption. */
  body: string | null;
  author_name: string | null;
  kind: AssetKind;
  category: string;
  /** A point on the place, to show it on the map. */
  geometry: { type: 'Point'; coordinates: [number, number] };
  reports: Array<{ reason: string; created_at: string }>;
  /** What a facilitator can decide on it now, as public.moderate allows. */
  decisions: ModerationDecision[];
  /** Photos only: the photo, to show it. */
  photo: Photo | null;
}

export interface ReportResult {
  reports: number;
  hidden: boolean;
}

/** One entry in an item's history. Who made it is "you", a member's chosen name, or "a resident": never an id. */
export interface HistoryEntry {
  id: number;
  operation: ChangeOperation;
  changed_at: string;
  undoes: number | null;
  fields: string[];
  /** The changed fields' values before and after (the shape is left out: `fields` says it changed). */
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown>;
  who: 'you' | 'member' | 'resident';
  who_name: string | null;
  can_undo: boolean;
}

/**
 * What each SQL API function returns (all return jsonb). Keyed by the generated
 * list; src/backend/seamTypes.test.ts fails the type check when the two differ.
 */
export interface SqlResults extends Record<keyof SqlFunctions, unknown> {
  add_asset: AssetFeature;
  add_story: Story;
  archive_asset: AssetFeature;
  assets_in_bbox: AssetsInView;
  assets_within: AssetCollection;
  assets_on_foot: AssetCollection;
  coverage: CoverageFigures;
  coverage_by_buurt: BuurtCoverage[];
  coverage_cells: CoverageCells;
  coverage_curve: CoverageCurvePoint[];
  export_assets: AssetCollection;
  export_stories: ExportedStory[];
  gap_cells: GapCellCollection;
  get_asset: AssetWithStories;
  import_area_population: ImportReport;
  import_areas: ImportReport;
  import_assets: ImportReport;
  import_population_cells: ImportReport;
  list_areas: AreaCollection;
  list_attributions: string[];
  list_categories: Category[];
  nearest_assets: AssetCollection;
  population_summary: PopulationSummary;
  import_walk_network: ImportReport;
  import_areas_with_population: ImportReport;
  import_population_weights: ImportReport;
  key_figures_by_area: KeyFiguresByArea;
  walk_network_summary: WalkNetworkSummary;
  take_snapshot: Snapshot;
  keep_monthly_snapshot: Snapshot | null;
  list_snapshots: Snapshot[];
  snapshot_trend: SnapshotTrendPoint[];
  compare_snapshots: SnapshotComparison;
  delete_snapshot: { id: string };
  import_target_group: TargetGroupImportReport;
  list_target_groups: TargetGroup[];
  delete_target_group: { id: string };
  target_group_coverage: TargetGroupCoverage;
  update_asset: AssetFeature;
  list_werkgebieden: Werkgebied[];
  my_roles: MyRoles;
  create_werkgebied: Werkgebied;
  update_werkgebied: Werkgebied;
  set_member: Member;
  remove_member: boolean;
  list_members: Member[];
  moderate: AssetFeature | Story | Photo;
  report_item: ReportResult;
  moderation_queue: ModerationItem[];
  item_history: HistoryEntry[];
  undo_change: AssetFeature | Story | Photo;
  add_photo: Photo;
  photo_uploaded: Photo;
  photo_data: Uint8Array;
  remove_photo: Photo;
  restore_asset: AssetFeature;
  withdraw_circle: WithdrawnCircle;
  link_assets: AssetLink;
  confirm_asset: AssetFeature | ReportResult;
  unlink_assets: RemovedLink;
  export_links: ExportedLink[];
  create_session: WorkshopSession;
  join_session: JoinAnswer;
  get_session: WorkshopSession;
  list_my_sessions: WorkshopSession[];
  set_session_phase: WorkshopSession;
  update_session: WorkshopSession;
  session_overview: SessionOverview;
  appreciate: Appreciation;
  withdraw_appreciation: Appreciation;
  add_session_action: SessionAction;
  update_session_action: SessionAction;
}
