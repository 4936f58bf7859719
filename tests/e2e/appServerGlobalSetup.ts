import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../support/migrationFiles';
import { freePort } from '../support/postgresCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/**
 * Builds the app as `npm run build` would and serves it with `vite preview`
 * on a loopback port: the e2e tests meet the production bundle, not dev mode.
 * No Supabase variables are set, so the app runs on the embedded database.
 */
export default async function setup(project: TestProject) {
  const outDir = 'test-output/e2e-dist';
  await build({ root: projectRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({
    root: projectRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('appUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
