import type { TestProject } from 'vitest/node';
import { postgresAvailable, startPostgresCluster } from './postgresCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** One throwaway PostgreSQL 15 + PostGIS cluster for all SQL test files. */
export default async function setup(project: TestProject) {
  if (!postgresAvailable()) {
    project.provide('postgresUrl', null);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
