/**
 * `npm run gen:types`: migrates an in-memory PGlite + PostGIS with
 * supabase/migrations/ and writes the SQL API's types to
 * src/backend/sqlApi.generated.ts. No server needed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openMigratedPglite, projectRoot } from './migrationFiles';
import { generatedTypesPath, generateSqlTypes } from './sqlTypes';

const database = await openMigratedPglite();
try {
  writeFileSync(join(projectRoot, generatedTypesPath), await generateSqlTypes(database));
  console.log(`${generatedTypesPath} geschreven.`);
} finally {
  await database.close();
}
