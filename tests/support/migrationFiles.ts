import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../cli/migrationFiles';

// The tests read the migrations from disk exactly as the CLI does.
export { openMigratedPglite, projectRoot, readLocalStandIns, readMigrations } from '../../cli/migrationFiles';

/** supabase/schemas/*.sql in file order, then the reference data: the schema as readable state. */
export function readDeclaredSchema(): { file: string; sql: string }[] {
  const directory = join(projectRoot, 'supabase', 'schemas');
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join('supabase', 'schemas', name));
  const referenceDirectory = join(projectRoot, 'supabase', 'reference');
  files.push(
    ...readdirSync(referenceDirectory)
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .map((name) => join('supabase', 'reference', name)),
  );
  return files.map((file) => ({ file, sql: readFileSync(join(projectRoot, file), 'utf8') }));
}
