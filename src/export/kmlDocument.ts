import type { Geometry, Position } from 'geojson';

export interface KmlPlacemark {
  name: string;
  description: string;
  geometry: Geometry;
  /** Shown in Google Earth's balloon and kept by QGIS as attributes. */
  data: Record<string, unknown>;
}

/** A KML 2.2 document, written by hand because it is only a few elements; every text is escaped. */
export function kmlDocument(title: string, attributions: string[], placemarks: KmlPlacemark[]): string {
  const body = placemarks
    .map(
      (placemark) => `    <Placemark>
      <name>${escapeXml(placemark.name)}</name>
      <description>${escapeXml(placemark.description)}</description>
      <ExtendedData>
${Object.entries(placemark.data)
  .filter(([, value]) => value !== null && value !== undefined && value !== '')
  .map(([key, value]) => `        <Data name="${escapeXml(key)}"><value>${escapeXml(String(value))}</value></Data>`)
  .join('\n')}
      </ExtendedData>
      ${kmlGeometry(placemark.geometry)}
    </Placemark>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>${escapeXml(title)}</name>
    <description>${escapeXml(attributions.join('; '))}</description>
${body}
  </Document>
</kml>
`;
}

function kmlGeometry(geometry: Geometry): string {
  const coordinates = (positions: Position[]) => `<coordinates>${positions.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates>`;
  const polygon = (rings: Position[][]) =>
    `<Polygon>${rings
      .map((ring, index) =>
        index === 0
          ? `<outerBoundaryIs><LinearRing>${coordinates(ring)}</LinearRing></outerBoundaryIs>`
          : `<innerBoundaryIs><LinearRing>${coordinates(ring)}</LinearRing></innerBoundaryIs>`,
      )
      .join('')}</Polygon>`;
  switch (geometry.type) {
    case 'Point':
      return `<Point>${coordinates([geometry.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coordinates(geometry.coordinates)}</LineString>`;
    case 'Polygon':
      return polygon(geometry.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${geometry.coordinates.map((p) => `<Point>${coordinates([p])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${geometry.coordinates.map((line) => `<LineString>${coordinates(line)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${geometry.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${geometry.geometries.map(kmlGeometry).join('')}</MultiGeometry>`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
