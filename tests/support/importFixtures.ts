import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { rdNewDefinition } from '../../src/import/crs';
import { ImportFileError } from '../../src/import/types';
import { projectRoot } from './migrationFiles';

/** The hand-written import fixtures in tests/fixtures/import/ (never copies of ../shared/data). */
export const fixtureBytes = (name: string): Buffer => readFileSync(join(projectRoot, 'tests', 'fixtures', 'import', name));
export const fixtureText = (name: string): string => fixtureBytes(name).toString('utf8');

/** Runs a read that must refuse the whole file, and returns its ImportFileError. */
export function fileErrorOf(read: () => unknown): ImportFileError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** WGS84 → RD New with the importer's own definition: makes RD files the importer must convert back. */
export const wgs84ToRdNew = proj4('WGS84', rdNewDefinition);
