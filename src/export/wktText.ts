import type { Geometry, Position } from 'geojson';

/** Well-known text, as GIS tools (QGIS, Excel add-ins) read from a CSV column. */
export function wktText(geometry: Geometry): string {
  const position = (p: Position) => `${p[0]} ${p[1]}`;
  const line = (positions: Position[]) => `(${positions.map(position).join(', ')})`;
  const polygon = (rings: Position[][]) => `(${rings.map(line).join(', ')})`;
  switch (geometry.type) {
    case 'Point':
      return `POINT (${position(geometry.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT ${line(geometry.coordinates)}`;
    case 'LineString':
      return `LINESTRING ${line(geometry.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${geometry.coordinates.map(line).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${polygon(geometry.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${geometry.coordinates.map(polygon).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${geometry.geometries.map(wktText).join(', ')})`;
  }
}
