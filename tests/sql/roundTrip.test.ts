/**
 * Export then import gives the same assets: for each export format (GeoJSON,
 * CSV with WKT, KML), the assets of one database are written to text, read
 * back through the same importers as a user's file, and compared field by field.
 * Runs on PGlite (the app's embedded engine).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature } from '../../src/backend/wireTypes';
import { assetsCsv, assetsGeoJson, assetsKml } from '../../src/export/assetExports';
import { demoPlans } from '../../src/import/demoNeighbourhood';
import { planFromText, type ImportFormat } from '../../src/import/importSources';
import { commitImport } from '../../src/import/runImport';
import { openPgliteDatabase, type TestDatabase } from '../support/engines';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const osmFile = join(sharedDataDirectory, 'osm_substitute_amsterdam', 'osm_health_assets_amsterdam_centre.geojson');
const skip = requirementMissing(`the shared OSM extract at ${osmFile}`, existsSync(osmFile));

/** What must survive a round trip: everything a user sees, geometry to ~1 cm. */
function comparable(feature: AssetFeature) {
  const round = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(round) : typeof value === 'number' ? Number(value.toFixed(6)) : value;
  const p = feature.properties;
  // A one-part MultiPolygon is the same shape as its Polygon; KML readers unwrap it, so compare the shape.
  const geometry = feature.geometry;
  const shape =
    (geometry.type === 'MultiPolygon' || geometry.type === 'MultiLineString') && geometry.coordinates.length === 1
      ? { type: geometry.type.slice(5), coordinates: geometry.coordinates[0] }
      : geometry;
  return {
    name: p.name,
    kind: p.kind,
    category: p.category,
    dimensions: [...p.dimensions].sort(),
    description: p.description,
    geometry: { type: shape.type, coordinates: round((shape as Geometry & { coordinates: Position[] }).coordinates) },
  };
}

// Unnamed OSM objects share a generated name, so the shape breaks ties.
const key = (asset: ReturnType<typeof comparable>) => `${asset.name}|${JSON.stringify(asset.geometry)}`;
const byName = (a: ReturnType<typeof comparable>, b: ReturnType<typeof comparable>) => key(a).localeCompare(key(b));

describe.skipIf(skip)('export, then import the export, gives the same assets', () => {
  let original: TestDatabase;
  let copy: TestDatabase;
  let from: WijkkrachtApi;
  let to: WijkkrachtApi;
  const admin = localUserClaims('00000000-0000-4000-8000-0000000c0012');

  beforeAll(async () => {
    [original, copy] = await Promise.all([
      openPgliteDatabase(inject('sqlSetup').pgliteDataDir),
      openPgliteDatabase(inject('sqlSetup').pgliteDataDir),
    ]);
    from = createApi(createSqlRpcCall(original.connection, () => admin));
    to = createApi(createSqlRpcCall(copy.connection, () => admin));
    // Points, a route and a park from the demo; points and polygons with real OSM names.
    const { assets } = demoPlans();
    await commitImport(from, assets);
    const osm = planFromText('osm', readFileSync(osmFile, 'utf8'), { fileName: 'osm.geojson', categories: [] });
    await commitImport(from, osm);
  });
  afterAll(async () => {
    await Promise.all([original?.close(), copy?.close()]);
  });

  const cases: Array<{
    format: ImportFormat;
    fileName: string;
    write: (assets: Awaited<ReturnType<WijkkrachtApi['exportAssets']>>) => string;
  }> = [
    { format: 'geojson', fileName: 'export-as-geojson.geojson', write: (assets) => assetsGeoJson(assets, ['test']) },
    { format: 'csv', fileName: 'export-as-csv.csv', write: (assets) => assetsCsv(assets) },
    { format: 'kml', fileName: 'export-as-kml.kml', write: (assets) => assetsKml(assets, ['test']) },
  ];

  it.each(cases)('through $format', async ({ format, fileName, write }) => {
    const exported = await from.exportAssets();
    expect(exported.features.length).toBeGreaterThan(30);
    const plan = planFromText(format, write(exported), { fileName, categories: await to.listCategories() });
    expect(plan.issues).toEqual([]);
    const report = await commitImport(to, plan);
    expect(report.added).toBe(exported.features.length);

    const imported = (await to.exportAssets()).features.filter((feature) => feature.properties.source === plan.source);
    expect(imported.map(comparable).sort(byName)).toEqual(exported.features.map(comparable).sort(byName));
  });
});
