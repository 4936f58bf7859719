import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import type { Claims } from '../../src/backend/sqlRpc';
import { openPostgresDatabase, type SqlTestSetup, type TestDatabase } from './engines';
import { startPostgrest } from './postgrestServer';

/** What PostgREST answered: the status, the parsed JSON (or null) and the raw text. */
interface RestAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * A throwaway database (a clone of the migrated template) behind a real PostgREST 12
 * that checks JWTs signed here, and plain HTTP to it: what any browser could send,
 * without supabase-js (which only src/backend/supabase/ may import).
 */
export interface PostgrestHarness {
  /** A superuser connection to the same database, to look beneath the API. */
  database: TestDatabase;
  /** A JWT with these claims, signed with the secret PostgREST checks. */
  token(claims: Claims): Promise<string>;
  /** `/rest/v1${path}`; without a token the request carries no Authorization at all. */
  rest(path: string, token?: string, init?: RequestInit): Promise<RestAnswer>;
  /** The typed API over PostgREST's RPC endpoints, as `claims`. */
  api(claims: Claims): WijkkrachtApi;
  stop(): Promise<void>;
}

export async function startPostgrestHarness(setup: SqlTestSetup): Promise<PostgrestHarness> {
  const database = await openPostgresDatabase(setup.postgresUrl as string, setup.postgresTemplate);
  const jwtSecret = randomBytes(32).toString('base64url');
  const authenticatorUrl = new URL(database.url);
  authenticatorUrl.username = 'authenticator';
  authenticatorUrl.password = 'authenticator';
  const postgrest = await startPostgrest({ databaseUrl: authenticatorUrl.toString(), jwtSecret }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });

  const signed = new Map<string, Promise<string>>();
  const token = (claims: Claims) => {
    const key = JSON.stringify(claims);
    let jwt = signed.get(key);
    if (!jwt) {
      jwt = new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(new TextEncoder().encode(jwtSecret));
      signed.set(key, jwt);
    }
    return jwt;
  };

  async function rest(path: string, jwt?: string, init: RequestInit = {}): Promise<RestAnswer> {
    const response = await fetch(`${postgrest.url}/rest/v1${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body, text };
  }

  function api(claims: Claims): WijkkrachtApi {
    return createApi(async (functionName, args) => {
      // As supabase-js does: an argument left undefined is left out, so SQL's default applies.
      const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
      const answer = await rest(`/rpc/${functionName}`, await token(claims), { method: 'POST', body: JSON.stringify(defined) });
      // PostgREST's error body is { code, message, details, hint }: what toApiError reads.
      if (answer.status >= 400) throw answer.body ?? new Error(`HTTP ${answer.status}: ${answer.text}`);
      return answer.body;
    });
  }

  return {
    database,
    token,
    rest,
    api,
    async stop() {
      await postgrest.stop();
      await database.close();
    },
  };
}
