import type { Geometry, Position } from 'geojson';

/**
 * A geometry written as WKT, as GIS exports and spreadsheets put it in a CSV
 * column: POINT, LINESTRING, POLYGON and their MULTI forms, optionally with an
 * EWKT "SRID=...;" prefix (the coordinate system is told from the numbers, as
 * for lat/lon columns). Z and M values are dropped: assets are 2D.
 * Returns null for anything it cannot read, so the row can say so.
 */
export function parseWkt(text: string): Geometry | null {
  const match = /^\s*(?:SRID=\d+\s*;\s*)?([A-Z]+)\s*(?:ZM|Z|M)?\s*(\(.*\))\s*$/is.exec(text);
  if (!match) return null;
  const tree = parseTree(match[2]!);
  if (!tree) return null;
  switch (match[1]!.toUpperCase()) {
    case 'POINT': {
      const positions = asPositions(tree);
      return positions?.length === 1 ? { type: 'Point', coordinates: positions[0]! } : null;
    }
    case 'LINESTRING': {
      const coordinates = asPositions(tree);
      return coordinates ? { type: 'LineString', coordinates } : null;
    }
    case 'POLYGON': {
      const coordinates = asLines(tree);
      return coordinates ? { type: 'Polygon', coordinates } : null;
    }
    case 'MULTIPOINT': {
      // Both MULTIPOINT (1 2, 3 4) and MULTIPOINT ((1 2), (3 4)) are in use.
      const lines = asLines(tree);
      const coordinates = asPositions(tree) ?? (lines?.every((line) => line.length === 1) ? lines.flat() : null);
      return coordinates ? { type: 'MultiPoint', coordinates } : null;
    }
    case 'MULTILINESTRING': {
      const coordinates = asLines(tree);
      return coordinates ? { type: 'MultiLineString', coordinates } : null;
    }
    case 'MULTIPOLYGON': {
      const coordinates = asList(tree, asLines);
      return coordinates ? { type: 'MultiPolygon', coordinates } : null;
    }
    default:
      return null;
  }
}

/** A bracketed list of items, or one position ("4.49 52.16"). */
type Node = { list: Node[] } | { position: Position };

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseTree(body: string): Node | null {
  const tokens = body.match(/[(),]|[^\s(),]+/g) ?? [];
  let index = 0;
  const readNode = (): Node | null => {
    if (tokens[index] === '(') {
      index += 1;
      const list: Node[] = [];
      for (;;) {
        const item = readNode();
        if (!item) return null;
        list.push(item);
        const separator = tokens[index++];
        if (separator === ')') return { list };
        if (separator !== ',') return null;
      }
    }
    const numbers: number[] = [];
    while (index < tokens.length && numberPattern.test(tokens[index]!)) numbers.push(Number(tokens[index++]));
    return numbers.length >= 2 ? { position: [numbers[0]!, numbers[1]!] } : null;
  };
  const tree = readNode();
  return tree && index === tokens.length ? tree : null;
}

function asList<T>(node: Node, read: (item: Node) => T | null): T[] | null {
  if (!('list' in node)) return null;
  const items = node.list.map(read);
  return items.every((item): item is T => item !== null) ? items : null;
}

const asPosition = (node: Node): Position | null => ('position' in node ? node.position : null);
const asPositions = (node: Node) => asList(node, asPosition);
const asLines = (node: Node) => asList(node, asPositions);
