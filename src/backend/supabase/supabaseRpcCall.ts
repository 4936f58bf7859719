import type { SupabaseClient } from '@supabase/supabase-js';
import type { RpcTransport } from '../rpcCall';

/**
 * RPC through supabase-js → PostgREST → the same SQL functions. PostgREST
 * switches to the JWT's role and sets request.jwt.claims, so RLS applies.
 * Errors come back as `{ code, message, details }` and are thrown as such;
 * createApi turns them into ApiError.
 */
export function createSupabaseRpcCall(client: SupabaseClient): RpcTransport {
  return async (functionName, args) => {
    const { data, error } = await client.rpc(functionName, args);
    if (error) throw error;
    return data;
  };
}
