import type { AssetCollection, AssetFeature, ExportedStory } from '../backend/wireTypes';
import { csvText } from './csvText';
import { kmlDocument } from './kmlDocument';
import { wktText } from './wktText';

/**
 * Assets and stories as files for a municipality's GIS or a report. Every file
 * carries the provenance of each row (source, source id, attribution), because
 * OpenStreetMap's ODbL and CBS's CC BY require the credit to travel with the data.
 */

const assetCsvColumns = [
  'wijkkracht_id',
  'name',
  'kind',
  'category',
  'dimensions',
  'description',
  'latitude',
  'longitude',
  'wkt',
  'source',
  'source_id',
  'attribution',
  'story_count',
  'created_at',
  'updated_at',
] as const;

/** GeoJSON (RFC 7946, WGS84) with a collection-level list of whom to credit. */
export function assetsGeoJson(collection: AssetCollection, attributions: string[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    attribution: attributions,
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry,
      properties: exportedProperties(feature),
    })),
  });
}

/** One row per asset; points also get latitude/longitude columns, every shape a WKT column. */
export function assetsCsv(collection: AssetCollection): string {
  return csvText(
    [...assetCsvColumns],
    collection.features.map((feature) => {
      const point = feature.geometry.type === 'Point' ? feature.geometry.coordinates : null;
      const properties = exportedProperties(feature);
      return {
        ...properties,
        wijkkracht_id: feature.id,
        latitude: point?.[1],
        longitude: point?.[0],
        wkt: wktText(feature.geometry),
      };
    }),
  );
}

export function assetsKml(collection: AssetCollection, attributions: string[]): string {
  return kmlDocument(
    'Wijkkracht',
    attributions,
    collection.features.map((feature) => {
      const properties = exportedProperties(feature);
      return { name: feature.properties.name, description: feature.properties.description, geometry: feature.geometry, data: properties };
    }),
  );
}

const storyCsvColumns = [
  'asset_id',
  'asset_name',
  'asset_category',
  'body',
  'author_name',
  'created_at',
  'asset_source',
  'asset_source_id',
  'asset_attribution',
] as const;

export function storiesCsv(stories: ExportedStory[]): string {
  return csvText([...storyCsvColumns], stories as unknown as Array<Record<string, unknown>>);
}

/** The fields worth sharing: no internal user ids, no version counters. */
function exportedProperties(feature: AssetFeature) {
  const p = feature.properties;
  return {
    wijkkracht_id: feature.id,
    name: p.name,
    kind: p.kind,
    category: p.category,
    dimensions: p.dimensions.join(','),
    description: p.description,
    source: p.source,
    source_id: p.source_id,
    attribution: p.attribution,
    story_count: p.story_count ?? null,
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}
