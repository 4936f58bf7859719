import type { SqlFunctions } from './sqlApi.generated';
import type { SqlResults } from './wireTypes';

/** What a backend delivers: one SQL API function by name with named arguments, resolving to its JSON. */
export type RpcTransport = (functionName: string, args: Record<string, unknown>) => Promise<unknown>;

type SqlFunctionName = keyof SqlFunctions;
export type SqlArguments<Name extends SqlFunctionName> = SqlFunctions[Name]['args'];

/**
 * The typed call, generated from the database's catalog (`npm run gen:types`):
 * a wrong function name, argument name or argument type is a compile error,
 * and the result has the type the seam declares for that function.
 */
export type RpcCall = <Name extends SqlFunctionName>(functionName: Name, args: SqlArguments<Name>) => Promise<SqlResults[Name]>;

export function typedRpcCall(transport: RpcTransport): RpcCall {
  // The one place a result meets its type. SqlResults describes each function's
  // JSON; the contract tests (tests/sql) check that JSON on both engines.
  return <Name extends SqlFunctionName>(functionName: Name, args: SqlArguments<Name>) =>
    transport(functionName, args) as Promise<SqlResults[Name]>;
}
