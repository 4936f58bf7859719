import type { Geometry, LineString, Point, Polygon } from 'geojson';

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

export type AssetGeometry = Point | LineString | Polygon;

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
