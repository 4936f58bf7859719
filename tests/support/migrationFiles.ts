// The tests read the migrations from disk exactly as the CLI does.
export { projectRoot, readAuthShim, readMigrations } from '../../cli/migrationFiles';
