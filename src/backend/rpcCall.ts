/** Calls one SQL API function by name with named arguments; resolves to its JSON result. */
export type RpcCall = (functionName: string, args: Record<string, unknown>) => Promise<unknown>;
