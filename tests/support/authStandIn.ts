/**
 * A stand-in for Supabase's auth server (GoTrue), which cannot run here, for
 * exactly what the app's supabase-js 2.109 (@supabase/auth-js) calls:
 *
 * - `POST /signup` without e-mail, phone or password: signInAnonymously(), a new
 *   random user and a session;
 * - `POST /token?grant_type=refresh_token`: the session refreshed (the refresh
 *   token rotates);
 * - `GET /user`: the user of the bearer token;
 * - `POST /logout`: 204, and that session's refresh tokens stop working.
 *
 * Access tokens are HS256 JWTs signed with the secret PostgREST checks, with
 * GoTrue's claims (role and aud 'authenticated', sub, exp, session_id,
 * is_anonymous, app_metadata …), so PostgREST and the SQL functions cannot tell
 * them from real ones. Refresh tokens are signed too (with a key derived from
 * the secret, so they are no access tokens), which keeps the stand-in free of
 * state: a session the test signs itself (issueSession, for a facilitator who
 * would have signed in by e-mail) refreshes here just like one made by /signup.
 *
 * Not done, because the app does not call it: sign-up and sign-in by e-mail,
 * phone, password, OAuth or magic link (refused or 404), e-mail confirmation,
 * updating a user, MFA, identities, the admin API, JWKS / asymmetric keys,
 * captcha, rate limits, refresh-token reuse detection, and a user table: users
 * live in their tokens (and in memory, for GET /user after a refresh).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

/** Who a session is for. */
export interface AuthUser {
  id: string;
  /** Set for a person who signed in by e-mail; absent for an anonymous resident. */
  email?: string;
  /** What only the server may set, e.g. `{ wijkkracht_role: 'admin' }`. */
  appMetadata?: Record<string, unknown>;
  createdAt?: string;
}

/** The user as GoTrue sends it (`GET /user`, and inside a session). */
interface UserJson {
  id: string;
  aud: 'authenticated';
  role: 'authenticated';
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  identities: unknown[];
  created_at: string;
  updated_at: string;
  last_sign_in_at: string;
  is_anonymous: boolean;
}

/** A session as GoTrue sends it and as supabase-js keeps it in localStorage. */
export interface AuthSession {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: UserJson;
}

export interface AuthSettings {
  /** The secret PostgREST verifies access tokens with (HS256). */
  jwtSecret: string;
  /** The auth server's URL, `<project url>/auth/v1`, as the tokens' `iss`. */
  issuer: string;
}

const accessTokenSeconds = 3600;
const apiVersion = '2024-01-01';

const accessKey = (settings: AuthSettings) => new TextEncoder().encode(settings.jwtSecret);
const refreshKey = (settings: AuthSettings) => createHmac('sha256', settings.jwtSecret).update('auth-stand-in refresh tokens').digest();

function userJson(user: AuthUser, now: string): UserJson {
  const createdAt = user.createdAt ?? now;
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email ?? '',
    phone: '',
    app_metadata: user.email ? { provider: 'email', providers: ['email'], ...user.appMetadata } : { ...user.appMetadata },
    user_metadata: {},
    identities: [],
    created_at: createdAt,
    updated_at: now,
    last_sign_in_at: now,
    is_anonymous: !user.email,
  };
}

/**
 * A session for `user`, signed as the auth server would sign it. Used by the
 * stand-in, and by tests for a person whose sign-in (a magic link) cannot be
 * clicked through here.
 */
export async function issueSession(settings: AuthSettings, user: AuthUser, sessionId: string = randomUUID()): Promise<AuthSession> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + accessTokenSeconds;
  const json = userJson(user, new Date(issuedAt * 1000).toISOString());
  const accessToken = await new SignJWT({
    role: 'authenticated',
    email: json.email,
    phone: '',
    app_metadata: json.app_metadata,
    user_metadata: json.user_metadata,
    aal: 'aal1',
    amr: [{ method: user.email ? 'otp' : 'anonymous', timestamp: issuedAt }],
    session_id: sessionId,
    is_anonymous: json.is_anonymous,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(settings.issuer)
    .setSubject(user.id)
    .setAudience('authenticated')
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(accessKey(settings));
  const refreshToken = await new SignJWT({ session_id: sessionId, user: { ...user, createdAt: json.created_at } })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .sign(refreshKey(settings));
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: accessTokenSeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: json,
  };
}

/** An API key as a Supabase project has them: a long-lived JWT with only a role ('anon' for the browser). */
export function signApiKey(settings: AuthSettings, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('supabase')
    .setIssuedAt()
    .setExpirationTime('10y')
    .sign(accessKey(settings));
}

/** Where supabase-js keeps the session in localStorage: `sb-<first label of the URL's hostname>-auth-token`. */
export function authStorageKey(projectUrl: string): string {
  return `sb-${new URL(projectUrl).hostname.split('.')[0]}-auth-token`;
}

class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AuthError(400, 'bad_json', 'the body is not a JSON object');
}

function bearerToken(request: IncomingMessage): string {
  const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw new AuthError(401, 'no_authorization', 'this endpoint requires a bearer token');
  return match[1];
}

/**
 * The stand-in's request handler, for a proxy that serves it under `/auth/v1`
 * (`path` is what follows that prefix, with the query). Sessions that logged
 * out are remembered in memory for as long as the handler lives.
 */
export function createAuthStandIn(settings: AuthSettings) {
  const loggedOut = new Set<string>();
  const knownUsers = new Map<string, AuthUser>();

  async function verifyAccessToken(token: string): Promise<JWTPayload & { session_id?: string }> {
    try {
      const { payload } = await jwtVerify<{ session_id?: string }>(token, accessKey(settings), { audience: 'authenticated' });
      if (payload.session_id && loggedOut.has(payload.session_id)) {
        throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
      }
      return payload;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError(403, 'bad_jwt', `invalid JWT: ${(error as Error).message}`);
    }
  }

  /** Kong, in front of a real project, refuses requests without a valid API key. */
  async function requireApiKey(request: IncomingMessage): Promise<void> {
    const apiKey = request.headers.apikey;
    if (typeof apiKey !== 'string' || !apiKey) throw new AuthError(401, 'no_api_key', 'No API key found in request');
    const role = await jwtVerify(apiKey, accessKey(settings)).then(
      ({ payload }) => payload.role,
      () => null,
    );
    if (role !== 'anon' && role !== 'service_role') throw new AuthError(401, 'bad_api_key', 'Invalid API key');
  }

  async function signUp(request: IncomingMessage): Promise<AuthSession> {
    const body = await readJson(request);
    if (body.email || body.phone || body.password) {
      throw new AuthError(422, 'signup_disabled', 'the auth stand-in only signs people in anonymously');
    }
    const user: AuthUser = { id: randomUUID(), createdAt: new Date().toISOString() };
    knownUsers.set(user.id, user);
    return issueSession(settings, user);
  }

  async function refresh(request: IncomingMessage, grantType: string | null): Promise<AuthSession> {
    if (grantType !== 'refresh_token') {
      throw new AuthError(400, 'unsupported_grant_type', `the auth stand-in does not do grant_type=${grantType}`);
    }
    const body = await readJson(request);
    const invalid = new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (typeof body.refresh_token !== 'string') throw invalid;
    let claims: { session_id: string; user: AuthUser };
    try {
      claims = (await jwtVerify<{ session_id: string; user: AuthUser }>(body.refresh_token, refreshKey(settings))).payload;
    } catch {
      throw invalid;
    }
    if (loggedOut.has(claims.session_id)) throw invalid;
    knownUsers.set(claims.user.id, claims.user);
    return issueSession(settings, claims.user, claims.session_id);
  }

  async function currentUser(request: IncomingMessage): Promise<UserJson> {
    const claims = await verifyAccessToken(bearerToken(request));
    const id = claims.sub ?? '';
    const known = knownUsers.get(id);
    const email = typeof claims.email === 'string' && claims.email ? claims.email : undefined;
    const appMetadata = { ...(claims.app_metadata as Record<string, unknown> | undefined) };
    const user: AuthUser = known ?? { id, ...(email ? { email } : {}), appMetadata };
    return userJson(user, new Date().toISOString());
  }

  async function logout(request: IncomingMessage): Promise<void> {
    const claims = await verifyAccessToken(bearerToken(request));
    if (claims.session_id) loggedOut.add(claims.session_id);
  }

  async function answer(request: IncomingMessage, path: string): Promise<{ status: number; body?: unknown }> {
    const url = new URL(path, 'http://stand-in');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    await requireApiKey(request);
    switch (route) {
      case 'POST /signup':
        return { status: 200, body: await signUp(request) };
      case 'POST /token':
        return { status: 200, body: await refresh(request, url.searchParams.get('grant_type')) };
      case 'GET /user':
        return { status: 200, body: await currentUser(request) };
      case 'POST /logout':
        await logout(request);
        return { status: 204 };
      default:
        throw new AuthError(404, 'not_found', `the auth stand-in (tests/support/authStandIn.ts) does not do ${route}`);
    }
  }

  return async (request: IncomingMessage, response: ServerResponse, path: string, extraHeaders: Record<string, string>) => {
    let result: { status: number; body?: unknown };
    try {
      result = await answer(request, path);
    } catch (error) {
      result =
        error instanceof AuthError
          ? { status: error.status, body: { code: error.code, message: error.message } }
          : { status: 500, body: { code: 'unexpected_failure', message: String(error) } };
    }
    const headers = { ...extraHeaders, 'x-supabase-api-version': apiVersion };
    if (result.body === undefined) {
      response.writeHead(result.status, headers).end();
      return;
    }
    response.writeHead(result.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(result.body));
  };
}
