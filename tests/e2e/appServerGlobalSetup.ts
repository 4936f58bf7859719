import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../support/appBuild';
import { projectRoot } from '../support/migrationFiles';
import { freePort } from '../support/postgresCluster';
import { chromiumAvailable, prepareStartedProfile } from './browser';
import { rmSync } from 'node:fs';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** A browser profile in which the app has started once (null without Chromium: the specs skip). */
    startedProfile: string | null;
  }
}

/**
 * Builds the app as `npm run build` would (a production bundle, see buildApp) and serves it with `vite preview`
 * on a loopback port: the e2e tests meet the production bundle, not dev mode.
 * No Supabase variables are set, so the app runs on the embedded database.
 * Then starts the app once in Chromium, as a first visit, and keeps that
 * profile for the specs to copy (see prepareStartedProfile).
 */
export default async function setup(project: TestProject) {
  const outDir = 'test-output/e2e-dist';
  await buildApp(outDir);
  const port = await freePort();
  const server = await preview({
    root: projectRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const appUrl = `http://127.0.0.1:${port}/`;
  project.provide('appUrl', appUrl);
  let startedProfile: string | null = null;
  try {
    startedProfile = chromiumAvailable() ? await prepareStartedProfile(appUrl) : null;
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide('startedProfile', startedProfile);
  return async () => {
    await server.close();
    if (startedProfile) rmSync(startedProfile, { recursive: true, force: true });
  };
}
