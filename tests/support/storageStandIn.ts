/**
 * A stand-in for Supabase's Storage server, which cannot run here, for exactly
 * what the app's supabase-js 2.109 (@supabase/storage-js) calls for photos:
 *
 * - `POST /object/<bucket>/<path>` without upsert: an upload (multipart, the
 *   file in one part, as storage-js sends a Blob; or the raw body);
 * - `GET /object/<bucket>/<path>` (and `/object/authenticated/…`): a download.
 *
 * As the real server does: the bearer JWT is checked with the project's
 * secret; the bucket's `file_size_limit` and `allowed_mime_types` are checked
 * (413, 415); then the row in `storage.objects` is inserted, or read, in a
 * transaction as the token's role with its claims, so the schema's policies on
 * storage.objects decide (403 "new row violates row-level security policy",
 * 409 for a file already there, 400 with statusCode 404 for one the caller may
 * not see). The bytes are kept in memory, where the real server uses S3.
 *
 * Not done, because the app does not call it: update (PUT) and upsert, move,
 * copy, remove, list, signed URLs, public URLs, image transformations,
 * resumable (TUS) and S3-protocol uploads, bucket management.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';

interface StorageStandInSettings {
  /** A superuser URL of the project's database; each request switches to the caller's role. */
  databaseUrl: string;
  /** The secret the project's JWTs are signed with. */
  jwtSecret: string;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const failure = (status: number, statusCode: string, error: string, message: string): Answer => ({
  status,
  body: { statusCode, error, message },
});

export function createStorageStandIn(settings: StorageStandInSettings) {
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 4 });
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  const secret = new TextEncoder().encode(settings.jwtSecret);

  async function claimsOf(request: IncomingMessage): Promise<Record<string, unknown> | null> {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return null;
    try {
      return (await jwtVerify(token, secret)).payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  /** Runs `work` as the token's role with its claims, as PostgREST and the Storage server do. */
  async function asCaller<T>(claims: Record<string, unknown>, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
        String(claims.role ?? 'anon'),
        JSON.stringify(claims),
      ]);
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }

  async function upload(request: IncomingMessage, claims: Record<string, unknown>, bucket: string, name: string): Promise<Answer> {
    if (request.headers['x-upsert'] === 'true') return failure(400, '400', 'not_supported', 'this stand-in does not upsert');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? 'application/octet-stream';
    let bytes = body;
    let mimeType = contentType;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
      const file = [...form.values()].find((value): value is File => typeof value !== 'string');
      if (!file) return failure(400, '400', 'invalid_request', 'no file in the form');
      bytes = Buffer.from(await file.arrayBuffer());
      mimeType = file.type || 'application/octet-stream';
    }
    const found = await pool.query<{ file_size_limit: string | null; allowed_mime_types: string[] | null }>(
      'select file_size_limit, allowed_mime_types from storage.buckets where id = $1',
      [bucket],
    );
    const limits = found.rows[0];
    if (!limits) return failure(404, '404', 'Bucket not found', 'Bucket not found');
    if (limits.file_size_limit !== null && bytes.length > Number(limits.file_size_limit)) {
      return failure(413, '413', 'Payload too large', 'The object exceeded the maximum allowed size');
    }
    if (limits.allowed_mime_types && !limits.allowed_mime_types.includes(mimeType)) {
      return failure(415, '415', 'invalid_mime_type', `mime type ${mimeType} is not supported`);
    }
    try {
      const inserted = await asCaller(claims, (client) =>
        client.query<{ id: string }>(
          `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
           values ($1, $2, auth.uid(), auth.uid()::text, jsonb_build_object('size', $3::int, 'mimetype', $4::text))
           returning id`,
          [bucket, name, bytes.length, mimeType],
        ),
      );
      files.set(`${bucket}/${name}`, { bytes, mimeType });
      return { status: 200, body: { Key: `${bucket}/${name}`, Id: inserted.rows[0]!.id } };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '23505') return failure(409, '409', 'Duplicate', 'The resource already exists');
      if (code === '42501') return failure(403, '403', 'Unauthorized', 'new row violates row-level security policy');
      throw error;
    }
  }

  async function download(claims: Record<string, unknown>, bucket: string, name: string): Promise<Answer> {
    const visible = await asCaller(claims, (client) =>
      client.query('select 1 from storage.objects where bucket_id = $1 and name = $2', [bucket, name]),
    );
    const file = files.get(`${bucket}/${name}`);
    if (visible.rows.length === 0 || !file) return failure(400, '404', 'not_found', 'Object not found');
    return { status: 200, body: file.bytes, headers: { 'content-type': file.mimeType } };
  }

  /** The handler for a proxy that serves it under `/storage/v1`; `path` is what follows that prefix. */
  async function handle(request: IncomingMessage, response: ServerResponse, path: string, cors: Record<string, string>) {
    let answer: Answer;
    try {
      const claims = await claimsOf(request);
      const match = /^\/object\/(?:authenticated\/)?([^/?]+)\/([^?]+)/.exec(path);
      if (!claims) answer = failure(400, '403', 'Unauthorized', 'invalid JWT');
      else if (!match) answer = failure(404, '404', 'not_found', `no route for ${path} in this stand-in`);
      else {
        const [, bucket, name] = match.map((part) => decodeURIComponent(part ?? '')) as [string, string, string];
        if (request.method === 'POST') answer = await upload(request, claims, bucket, name);
        else if (request.method === 'GET') answer = await download(claims, bucket, name);
        else answer = failure(405, '405', 'not_supported', `${request.method} is not done by this stand-in`);
      }
    } catch (error) {
      answer = failure(500, '500', 'internal', (error as Error).message);
    }
    const binary = Buffer.isBuffer(answer.body);
    response.writeHead(answer.status, { ...cors, 'content-type': 'application/json', ...answer.headers });
    response.end(binary ? answer.body : JSON.stringify(answer.body));
  }

  return { handle, close: () => pool.end() };
}
