/**
 * The smallest database surface the migration runner and the SQL RPC caller need.
 * PGlite, PGliteWorker and (through tests/support/pgConnection.ts) node-postgres
 * all fit it, so the same code runs in the browser and against PostgreSQL.
 */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface SqlConnection extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}
