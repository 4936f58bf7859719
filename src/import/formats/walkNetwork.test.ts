import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/support/importFixtures';
import { requirementMissing, sharedDataDirectory } from '../../../tests/support/sharedRequirements';
import { detectFormat } from '../importSources';
import { isWalkable, looksLikeWalkNetwork, walkNetworkPlan } from './walkNetwork';

const line = (coordinates: unknown[][], properties: Record<string, unknown> = { highway: 'footway' }) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('a footway network from GeoJSON lines', () => {
  it('splits lines where a vertex coincides with another line’s, and nowhere else', () => {
    // A street west–east through (4.9, 52.37), a path south–north through the same vertex,
    // and a bridge crossing the path in between without a shared vertex.
    const plan = walkNetworkPlan(
      collection(
        line([
          [4.89, 52.37],
          [4.9, 52.37],
          [4.91, 52.37],
        ]),
        line([
          [4.9, 52.36],
          [4.9, 52.365],
          [4.9, 52.37],
          [4.9, 52.38],
        ]),
        line(
          [
            [4.895, 52.365],
            [4.905, 52.365],
          ],
          { highway: 'footway', bridge: 'yes' },
        ),
      ),
    );
    expect(plan.target).toBe('walk-network');
    expect(plan.rows.map((row) => row.line)).toEqual([
      [
        [4.89, 52.37],
        [4.9, 52.37],
      ],
      [
        [4.9, 52.37],
        [4.91, 52.37],
      ],
      [
        [4.9, 52.36],
        [4.9, 52.365],
        [4.9, 52.37],
      ],
      [
        [4.9, 52.37],
        [4.9, 52.38],
      ],
      [
        [4.895, 52.365],
        [4.905, 52.365],
      ],
    ]);
    // Each piece keeps its way's row in the file.
    expect(plan.rows.map((row) => row.row)).toEqual([1, 1, 2, 2, 3]);
  });

  it('splits a closed way in two, so that it is no loop', () => {
    const square = [
      [4.9, 52.37],
      [4.901, 52.37],
      [4.901, 52.371],
      [4.9, 52.371],
      [4.9, 52.37],
    ];
    const plan = walkNetworkPlan(collection(line(square)));
    expect(plan.rows.map((row) => row.line)).toEqual([square.slice(0, 3), square.slice(2)]);
  });

  it('skips what nobody may walk along and what is not a line, and refuses broken coordinates', () => {
    const plan = walkNetworkPlan(
      collection(
        line(
          [
            [4.9, 52.37],
            [4.91, 52.37],
          ],
          { highway: 'motorway' },
        ),
        line(
          [
            [4.9, 52.37],
            [4.91, 52.37],
          ],
          { highway: 'footway', foot: 'no' },
        ),
        line(
          [
            [4.9, 52.37],
            [4.91, 52.37],
          ],
          { highway: 'service', access: 'private', foot: 'yes' },
        ),
        { type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'Point', coordinates: [4.9, 52.37] } },
        line([
          [4.9, 52.37],
          ['x', 52.38],
        ]),
      ),
    );
    expect(plan.issues.map((issue) => `${issue.row} ${issue.severity} ${issue.key}`)).toEqual([
      '1 skip import.row.not_walkable',
      '2 skip import.row.not_walkable',
      '4 skip import.row.not_a_line',
      '5 error import.row.invalid_geometry',
    ]);
    expect(plan.rows).toHaveLength(1);
  });

  it('says so when no line is left', () => {
    expect(() =>
      walkNetworkPlan(
        collection(
          line(
            [
              [4.9, 52.37],
              [4.91, 52.37],
            ],
            { highway: 'motorway' },
          ),
        ),
      ),
    ).toThrow('import.file.no_walk_lines');
  });

  it('knows which OpenStreetMap ways can be walked', () => {
    expect(isWalkable({ highway: 'steps' })).toBe(true);
    expect(isWalkable({ highway: 'cycleway' })).toBe(true);
    expect(isWalkable({ highway: 'trunk' })).toBe(false);
    expect(isWalkable({ highway: 'residential', access: 'no' })).toBe(false);
    expect(isWalkable({ highway: 'residential', access: 'no', foot: 'designated' })).toBe(true);
  });
});

describe('a footway network from Overpass JSON', () => {
  const overpass = (elements: unknown[]) => JSON.stringify({ version: 0.6, elements });
  const node = (id: number, lon: number, lat: number) => ({ type: 'node', id, lon, lat });

  it('splits ways at the nodes they share, by node id', () => {
    const plan = walkNetworkPlan(
      overpass([
        { type: 'way', id: 1, nodes: [10, 11, 12], tags: { highway: 'residential', name: 'Gracht' } },
        { type: 'way', id: 2, nodes: [20, 11, 21], tags: { highway: 'footway' } },
        { type: 'way', id: 3, nodes: [30, 31], tags: { highway: 'motorway' } },
        node(10, 4.89, 52.37),
        node(11, 4.9, 52.37),
        node(12, 4.91, 52.37),
        node(20, 4.9, 52.36),
        node(21, 4.9, 52.38),
        node(30, 4.8, 52.3),
        node(31, 4.81, 52.3),
      ]),
    );
    expect(plan.rows).toHaveLength(4);
    expect(plan.rows[0]!.line).toEqual([
      [4.89, 52.37],
      [4.9, 52.37],
    ]);
    expect(plan.issues).toEqual([{ row: 3, severity: 'skip', key: 'import.row.not_walkable', label: 'way/3' }]);
  });

  it('reads `out geom` positions, and refuses a way whose nodes are missing', () => {
    const plan = walkNetworkPlan(
      overpass([
        {
          type: 'way',
          id: 1,
          nodes: [10, 11],
          geometry: [
            { lat: 52.37, lon: 4.89 },
            { lat: 52.37, lon: 4.9 },
          ],
          tags: { highway: 'path' },
        },
        { type: 'way', id: 2, nodes: [40, 41], tags: { highway: 'path' } },
      ]),
    );
    expect(plan.rows[0]!.line).toEqual([
      [4.89, 52.37],
      [4.9, 52.37],
    ]);
    expect(plan.issues.map((issue) => issue.key)).toEqual(['import.row.missing_nodes']);
  });

  it('leaves Overpass places to the OSM place import', () => {
    expect(looksLikeWalkNetwork(fixtureText('overpass.json'))).toBe(false);
    expect(detectFormat('overpass.json', fixtureText('overpass.json'))).toBe('osm');
  });
});

const networkFile = join(sharedDataDirectory, 'osm_substitute_amsterdam', 'osm_walk_network_amsterdam_centre.geojson');
const missing = requirementMissing(`the Amsterdam walking network ${networkFile}`, existsSync(networkFile));

describe.skipIf(missing)('the central-Amsterdam network from ../shared/data', () => {
  /** Metres along a line of WGS84 positions, near enough (equirectangular at this latitude). */
  const metres = (positions: Array<[number, number]>) =>
    positions.slice(1).reduce((sum, [lon, lat], index) => {
      const [lon0, lat0] = positions[index]!;
      const dx = (lon - lon0) * Math.cos((lat * Math.PI) / 180) * 111_320;
      const dy = (lat - lat0) * 110_574;
      return sum + Math.hypot(dx, dy);
    }, 0);

  it('is recognised, and split into pieces that keep every metre of its 690 ways', () => {
    const text = readFileSync(networkFile, 'utf8');
    expect(detectFormat('osm_walk_network_amsterdam_centre.geojson', text)).toBe('walk-network');
    const plan = walkNetworkPlan(text);
    expect(plan.totalRows).toBe(690);
    expect(plan.rows.length).toBeGreaterThan(690);
    const features = (JSON.parse(text) as { features: Array<{ geometry: { coordinates: Array<[number, number]> } }> }).features;
    const walkable = features.filter((_, index) => !plan.issues.some((issue) => issue.row === index + 1));
    const whole = walkable.reduce((sum, feature) => sum + metres(feature.geometry.coordinates), 0);
    const pieces = plan.rows.reduce((sum, row) => sum + metres(row.line), 0);
    expect(pieces).toBeCloseTo(whole, 3);
    expect(whole).toBeGreaterThan(20_000);
  });
});
