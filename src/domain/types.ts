import type { FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

export type AssetKind = 'place' | 'route' | 'area' | 'group';

export type AssetStatus = 'pending' | 'published' | 'archived';

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

export interface Category {
  id: string;
  label_nl: string;
  label_en: string;
  color: string;
}

export interface AssetProperties {
  id: string;
  kind: AssetKind;
  category: string;
  dimensions: HealthDimension[];
  name: string;
  description: string;
  status: AssetStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Where an imported asset came from ('osm', a file name...), its id there, and whom to credit. */
  source: string | null;
  source_id: string | null;
  attribution: string | null;
  /** Present on proximity answers only. */
  distance_m?: number;
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

export interface Story {
  id: string;
  asset_id: string;
  body: string;
  author_name: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AssetWithStories {
  feature: AssetFeature;
  stories: Story[];
}

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

export interface AreaFeature {
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

/** One cell of the CBS 100 m grid: "E1234N5678" (RD New hectometres of its south-west corner). Secret counts are null. */
export interface PopulationCellRow {
  row: number;
  cell_id: string;
  residents: number | null;
  residents_65plus: number | null;
}

export type ImportAction = 'add' | 'update' | 'unchanged' | 'skip_archived' | 'skip_outside_area';

export interface ImportRowResult {
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

export interface GapCellProperties {
  cell_id: string;
  buurt_code: string | null;
  residents: number | null;
  residents_65plus: number | null;
  estimated: boolean;
  distance_m: number | null;
}

export type GapCellCollection = FeatureCollection<Polygon, GapCellProperties>;

export interface PopulationSummary {
  cells: number;
  cells_estimated: number;
  cells_unknown: number;
  residents: number;
  residents_65plus: number;
  attributions: string[];
}
