import pointOnFeature from '@turf/point-on-feature';
import type { AssetCollection, ExportedLink } from '../backend/wireTypes';
import { csvText } from './csvText';
import { kmlDocument } from './kmlDocument';

// Both places by id and name, so the file reads on its own and joins with the places' export (wijkkracht_id).
const linkCsvColumns = ['kind', 'from_id', 'from_name', 'from_category', 'to_id', 'to_name', 'to_category', 'created_at'] as const;

/** The connections between places as CSV, one row each. */
export function linksCsv(links: ExportedLink[]): string {
  return csvText([...linkCsvColumns], links as unknown as Array<Record<string, unknown>>);
}

/** Each connection as a line from a point on one place to a point on the other (inside an area, on a route). */
function linkLines(links: ExportedLink[], places: AssetCollection) {
  const pointOf = new Map(places.features.map((place) => [place.id, pointOnFeature(place.geometry).geometry.coordinates]));
  return links.flatMap((link) => {
    const from = pointOf.get(link.from_id);
    const to = pointOf.get(link.to_id);
    // Its other place is not in the export (not visible to whoever exports): no line to nowhere.
    if (!from || !to) return [];
    const { id, ...properties } = link;
    return [{ id, geometry: { type: 'LineString' as const, coordinates: [from, to] }, properties }];
  });
}

/** The connections as GeoJSON lines, with the same properties as the CSV. */
export function linksGeoJson(links: ExportedLink[], places: AssetCollection): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: linkLines(links, places).map((line) => ({ type: 'Feature', ...line })),
  });
}

/** The connections as KML lines ("from → to"), for Google Earth or a GIS that reads KML. */
export function linksKml(links: ExportedLink[], places: AssetCollection): string {
  return kmlDocument(
    'Wijkkracht: verbindingen',
    [],
    linkLines(links, places).map((line) => ({
      name: `${line.properties.from_name} → ${line.properties.to_name}`,
      description: line.properties.kind,
      geometry: line.geometry,
      data: { wijkkracht_id: line.id, ...line.properties },
    })),
  );
}
