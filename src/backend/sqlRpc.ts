import type { RpcTransport } from './rpcCall';
import type { SqlConnection } from './sqlConnection';

/** Who the caller is, in the shape PostgREST puts into `request.jwt.claims`. */
export interface Claims {
  role: 'anon' | 'authenticated' | 'service_role';
  sub?: string;
  /** Set by an administrator on Supabase (users cannot change it); `wijkkracht_role: 'admin'` manages werkgebieden and people. */
  app_metadata?: { wijkkracht_role?: 'admin' };
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * RPC over a direct SQL connection, doing what PostgREST does for supabase-js:
 * in one transaction, switch to the caller's role, publish the JWT claims for
 * auth.uid(), and call the function with named arguments. RLS therefore applies
 * on the embedded database exactly as it does on Supabase.
 */
export function createSqlRpcCall(connection: SqlConnection, claims: () => Claims): RpcTransport {
  return async (functionName, args) => {
    // An argument left undefined is left out, so SQL's default applies, as with supabase-js.
    const names = Object.keys(args).filter((name) => args[name] !== undefined);
    for (const name of [functionName, ...names]) {
      if (!identifier.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
    }
    const argumentList = names.map((name, index) => `${name} => $${index + 1}`).join(', ');
    // Objects and arrays travel as JSON text; the functions declare them jsonb. Bytes (a photo's file) go as bytea.
    const values = names.map((name) => {
      const value = args[name];
      return value !== null && typeof value === 'object' && !(value instanceof Uint8Array) ? JSON.stringify(value) : value;
    });
    const currentClaims = claims();
    return connection.transaction(async (tx) => {
      await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
        currentClaims.role,
        JSON.stringify(currentClaims),
      ]);
      const { rows } = await tx.query<{ result: unknown }>(`select public.${functionName}(${argumentList}) as result`, values);
      return rows[0]?.result ?? null;
    });
  };
}
