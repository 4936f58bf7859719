import pointOnFeature from '@turf/point-on-feature';
import type { AssetCollection, ExportedLink } from '../backend/wireTypes';
import { csvText } from './csvText';

// Both places by id and name, so the file reads on its own and joins with the places' export (wijkkracht_id).
const linkCsvColumns = ['kind', 'from_id', 'from_name', 'from_category', 'to_id', 'to_name', 'to_category', 'created_at'] as const;

/** The connections between places as CSV, one row each. */
export function linksCsv(links: ExportedLink[]): string {
  return csvText([...linkCsvColumns], links as unknown as Array<Record<string, unknown>>);
}

/**
 * The connections as GeoJSON lines, from a point on one place to a point on the
 * other (inside an area, on a route), with the same properties as the CSV; a
 * connection whose place is not in `places` (not visible to the exporter) is left out.
 */
export function linksGeoJson(links: ExportedLink[], places: AssetCollection): string {
  const pointOf = new Map(places.features.map((place) => [place.id, pointOnFeature(place.geometry).geometry.coordinates]));
  return JSON.stringify({
    type: 'FeatureCollection',
    features: links.flatMap((link) => {
      const from = pointOf.get(link.from_id);
      const to = pointOf.get(link.to_id);
      if (!from || !to) return [];
      const { id, ...properties } = link;
      return [{ type: 'Feature', id, geometry: { type: 'LineString', coordinates: [from, to] }, properties }];
    }),
  });
}
