import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../support/appBuild';
import type { AuthSettings } from '../support/authStandIn';
import { projectRoot } from '../support/migrationFiles';
import { freePort } from '../support/postgresCluster';
import { sharedStackAvailable, startSharedStack } from '../support/sharedStack';
import { chromiumAvailable } from './browser';

/** What the shared-mode specs get: the app built for the stand-in project, and what they need to act as its administrator. */
export interface SharedApp {
  /** The app, built with VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY of the stand-in project. */
  appUrl: string;
  /** The project URL: `/rest/v1` (PostgREST 12) and `/auth/v1` (tests/support/authStandIn.ts). */
  apiUrl: string;
  anonKey: string;
  /** To sign sessions (an administrator's, a facilitator's) as the auth server would. */
  auth: AuthSettings;
  /** Superuser URL of the database, for looking at what happened. */
  databaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null where PostgreSQL 15, PostgREST 12 or Chromium is missing: the shared-mode specs skip (or fail under REQUIRE_SHARED_DATA=1). */
    sharedApp: SharedApp | null;
  }
}

/**
 * The app a second time, in shared (Supabase) mode: starts the stand-in project
 * (tests/support/sharedStack.ts) first, so its URL is known, then builds the
 * app against it into test-output/e2e-shared-dist and serves that with
 * `vite preview` on its own port. The embedded build (appServerGlobalSetup.ts)
 * is not touched.
 */
export default async function setup(project: TestProject) {
  if (!chromiumAvailable() || !sharedStackAvailable()) {
    project.provide('sharedApp', null);
    return;
  }
  const stack = await startSharedStack();
  const outDir = 'test-output/e2e-shared-dist';
  let server: Awaited<ReturnType<typeof preview>>;
  try {
    await buildApp(outDir, { VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey });
    const port = await freePort();
    server = await preview({
      root: projectRoot,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    project.provide('sharedApp', {
      appUrl: `http://127.0.0.1:${port}/`,
      apiUrl: stack.apiUrl,
      anonKey: stack.anonKey,
      auth: stack.auth,
      databaseUrl: stack.databaseUrl,
    });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return async () => {
    await server.close();
    await stack.stop();
  };
}
