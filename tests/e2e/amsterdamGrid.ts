import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { rdNewDefinition } from '../../src/import/crs';

/**
 * A made-up CBS 100 m grid over central Amsterdam, for tests only: the OSM
 * extract in ../shared/data has a footway network and places but no population,
 * and no CBS grid is in ../shared/data. Counts are invented (10–49 residents a
 * cell), in CBS's own field names, written to a temporary file the import dialog reads.
 */
export function writeMadeUpAmsterdamGrid(): string {
  const toRd = proj4('WGS84', rdNewDefinition);
  const [west, south] = toRd.forward([4.8906, 52.3657]).map((value) => Math.floor(value / 100) * 100) as [number, number];
  const [east, north] = toRd.forward([4.9037, 52.3737]).map((value) => Math.ceil(value / 100) * 100) as [number, number];
  const features = [];
  // A ring of 300 m around the extract: cells there are off the network.
  for (let x = west - 300; x < east + 300; x += 100) {
    for (let y = south - 300; y < north + 300; y += 100) {
      const id = `E${String(x / 100).padStart(4, '0')}N${String(y / 100).padStart(4, '0')}`;
      features.push({
        type: 'Feature',
        properties: {
          crs28992res100m: id,
          aantal_inwoners: 10 + (((x / 100) * 7 + (y / 100) * 3) % 40),
          aantal_inwoners_65_jaar_en_ouder: ((x + y) / 100) % 9,
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 100, y],
              [x + 100, y + 100],
              [x, y + 100],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'wijkkracht-grid-')), 'verzonnen_vk100_amsterdam.geojson');
  writeFileSync(
    file,
    JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }, features }),
  );
  return file;
}
