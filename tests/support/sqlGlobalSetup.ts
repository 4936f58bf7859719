import type { TestProject } from 'vitest/node';
import type { SqlTestSetup } from './engines';
import { postgresAvailable, startPostgresCluster } from './postgresCluster';
import { preparePgliteDataDir, preparePostgresTemplate, postgresTemplateName } from './preparedDatabases';

declare module 'vitest' {
  export interface ProvidedContext {
    sqlSetup: SqlTestSetup;
  }
}

/**
 * Once per run of the SQL project: one throwaway PostgreSQL 15 + PostGIS cluster
 * with a migrated template database, and one migrated PGlite data directory.
 * Each test file then opens its own copy of either instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const pglite = await preparePgliteDataDir();
  if (!postgresAvailable()) {
    project.provide('sqlSetup', { postgresUrl: null, postgresTemplate: null, pgliteDataDir: pglite.dataDirFile });
    return () => pglite.remove();
  }
  const cluster = await startPostgresCluster();
  try {
    await preparePostgresTemplate(cluster.url);
  } catch (error) {
    cluster.stop();
    pglite.remove();
    throw error;
  }
  project.provide('sqlSetup', { postgresUrl: cluster.url, postgresTemplate: postgresTemplateName, pgliteDataDir: pglite.dataDirFile });
  return () => {
    pglite.remove();
    cluster.stop();
  };
}
