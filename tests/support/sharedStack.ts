/**
 * The shared (Supabase) mode for the browser tests, as near to a Supabase
 * project as this machine allows: a throwaway PostgreSQL 15 + PostGIS cluster
 * with the migrations applied, a real PostgREST 12 in front of it, and one
 * loopback HTTP server at a project-like URL that serves `/rest/v1/*` from
 * PostgREST, `/auth/v1/*` from the auth stand-in (GoTrue cannot run here) and
 * `/storage/v1/*` from the Storage stand-in (nor can Storage),
 * answering CORS as a project does, because the app is served from another port.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as forward, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import { createAuthStandIn, signApiKey, type AuthSettings } from './authStandIn';
import { postgresAvailable, startPostgresCluster } from './postgresCluster';
import { createStorageStandIn } from './storageStandIn';
import { postgrestAvailable, startPostgrest } from './postgrestServer';
import { preparePostgresTemplate, postgresTemplateName } from './preparedDatabases';

export function sharedStackAvailable(): boolean {
  return postgresAvailable() && postgrestAvailable();
}

export interface SharedStack {
  /** The "project URL" for supabase-js (VITE_SUPABASE_URL). */
  apiUrl: string;
  /** The anon key (VITE_SUPABASE_ANON_KEY): a JWT with role anon. */
  anonKey: string;
  /** The secret PostgREST checks and the auth stand-in signs with; tests sign their own sessions with it. */
  auth: AuthSettings;
  /** Superuser URL of the database behind PostgREST, for looking at what happened. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Starts everything, in order; anything started is stopped again when a later step fails. */
export async function startSharedStack(): Promise<SharedStack> {
  const stops: Array<() => unknown> = [];
  const stop = async () => {
    for (const each of stops.reverse()) await each();
  };
  try {
    const cluster = await startPostgresCluster();
    stops.push(() => cluster.stop());
    // The migrated "template" is an ordinary database; nobody clones it here, so it is used as it is.
    await preparePostgresTemplate(cluster.url);
    const databaseUrl = cluster.url.replace(/\/[^/]*$/, `/${postgresTemplateName}`);
    const authenticatorUrl = new URL(databaseUrl);
    authenticatorUrl.username = 'authenticator';
    authenticatorUrl.password = 'authenticator';

    const jwtSecret = randomBytes(32).toString('base64url');
    const postgrest = await startPostgrest({ databaseUrl: authenticatorUrl.toString(), jwtSecret });
    stops.push(() => postgrest.stop());

    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    stops.push(() => closeServer(server));
    const address = server.address();
    const apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const auth: AuthSettings = { jwtSecret, issuer: `${apiUrl}/auth/v1` };
    const storage = createStorageStandIn({ databaseUrl, jwtSecret });
    stops.push(() => storage.close());
    serveProject(server, new URL(postgrest.postgrestUrl), createAuthStandIn(auth), storage.handle);

    return { apiUrl, anonKey: await signApiKey(auth, 'anon'), auth, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What a Supabase project answers to any origin: the app is served from another port than its API. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    vary: 'Origin',
    'access-control-expose-headers': 'Content-Range, Content-Location, Location, Preference-Applied, X-Supabase-Api-Version',
  };
}

function serveProject(
  server: Server,
  postgrest: URL,
  auth: ReturnType<typeof createAuthStandIn>,
  storage: ReturnType<typeof createStorageStandIn>['handle'],
): void {
  server.on('request', (incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const cors = corsHeaders(incoming);
    if (incoming.method === 'OPTIONS') {
      outgoing
        .writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? 'authorization, apikey, content-type',
          'access-control-max-age': '600',
        })
        .end();
      return;
    }
    const [prefix, rest] = splitPrefix(path);
    if (prefix === '/auth/v1') {
      void auth(incoming, outgoing, rest, cors);
      return;
    }
    if (prefix === '/storage/v1') {
      void storage(incoming, outgoing, rest, cors);
      return;
    }
    if (prefix !== '/rest/v1') {
      outgoing.writeHead(404, { ...cors, 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ message: `no route for ${path}: this stand-in project serves /rest/v1, /auth/v1 and /storage/v1 only` }),
      );
      return;
    }
    const toPostgrest = forward(
      {
        host: postgrest.hostname,
        port: postgrest.port,
        method: incoming.method,
        path: rest,
        headers: { ...incoming.headers, host: postgrest.host },
      },
      (answer) => {
        // PostgREST adds CORS headers of its own; the project's replace them.
        const headers: OutgoingHttpHeaders = { ...answer.headers };
        for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...headers, ...cors });
        answer.pipe(outgoing);
      },
    );
    toPostgrest.on('error', (error) => {
      if (outgoing.headersSent) return void outgoing.destroy(error);
      outgoing.writeHead(502, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ message: `proxy: ${error.message}` }));
    });
    incoming.pipe(toPostgrest);
  });
}

/** `/rest/v1/rpc/x?y` → [`/rest/v1`, `/rpc/x?y`]; a path outside both services → ['', path]. */
function splitPrefix(path: string): [string, string] {
  for (const prefix of ['/rest/v1', '/auth/v1', '/storage/v1']) {
    if (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) {
      const rest = path.slice(prefix.length);
      return [prefix, rest.startsWith('/') ? rest : `/${rest}`];
    }
  }
  return ['', path];
}
