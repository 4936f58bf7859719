/**
 * `npm run gen:types`: migrates an in-memory PGlite + PostGIS with
 * supabase/migrations/ and writes the SQL API's types to
 * src/backend/sqlApi.generated.ts. No server needed.
 */
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations } from '../src/backend/migrations';
import { projectRoot, readAuthShim, readMigrations } from './migrationFiles';
import { generatedTypesPath, generateSqlTypes } from './sqlTypes';

const database = await PGlite.create({ extensions: { postgis } });
try {
  await applyMigrations(database, readMigrations(), readAuthShim());
  writeFileSync(join(projectRoot, generatedTypesPath), await generateSqlTypes(database));
  console.log(`${generatedTypesPath} geschreven.`);
} finally {
  await database.close();
}
