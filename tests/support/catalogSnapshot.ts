import type { SqlQueryable } from '../../src/backend/sqlConnection';

/** The schemas our SQL defines (PostGIS lives in `extensions`, the stand-ins in `auth`). */
const ownSchemas = "('public', 'internal', 'realtime')";

// Each query returns one sortable `key` and a `value`; ACLs are sorted so that the
// order in which grants were made does not count, only what they grant.
const catalogQueries = {
  schemas: `
    select n.nspname as key, array_to_string(array(select unnest(n.nspacl)::text order by 1), ',') as value
    from pg_namespace n where n.nspname in ${ownSchemas}`,
  enums: `
    select t.typname as key, string_agg(e.enumlabel, ',' order by e.enumsortorder) as value
    from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
    where n.nspname in ${ownSchemas} group by t.typname`,
  tables: `
    select n.nspname || '.' || c.relname as key,
           jsonb_build_object('kind', c.relkind, 'rls', c.relrowsecurity, 'force_rls', c.relforcerowsecurity,
             'acl', array_to_string(array(select unnest(c.relacl)::text order by 1), ','))::text as value
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ${ownSchemas} and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
  columns: `
    select n.nspname || '.' || c.relname as key,
           string_agg(format('%s %s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                             case when a.attnotnull then ' not null' else '' end,
                             coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')), ', ' order by a.attnum) as value
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname in ${ownSchemas} and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped
    group by 1`,
  constraints: `
    select n.nspname || '.' || c.relname || ' ' || pg_get_constraintdef(k.oid) as key, k.contype::text || ' ' || k.conname as value
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ${ownSchemas}`,
  indexes: `
    select indexdef as key, '' as value from pg_indexes where schemaname in ${ownSchemas}`,
  policies: `
    select schemaname || '.' || tablename || ' ' || policyname as key,
           jsonb_build_object('permissive', permissive, 'roles', roles, 'cmd', cmd, 'using', qual, 'check', with_check)::text as value
    from pg_policies where schemaname in ${ownSchemas}`,
  triggers: `
    select pg_get_triggerdef(t.oid) as key, '' as value
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ${ownSchemas} and not t.tgisinternal`,
  functions: `
    select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
           pg_get_functiondef(p.oid) || E'\\n-- acl: ' || coalesce(array_to_string(array(select unnest(p.proacl)::text order by 1), ','), 'default (PUBLIC may execute)') as value
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ${ownSchemas} and p.prokind in ('f', 'p')`,
} as const;

export type CatalogSnapshot = Record<keyof typeof catalogQueries, Record<string, string>>;

/** What the database defines in our schemas, as plain data two databases can be compared by. */
export async function catalogSnapshot(database: SqlQueryable): Promise<CatalogSnapshot> {
  const snapshot = {} as CatalogSnapshot;
  // Definitions print names relative to the search path: read them all under the same one.
  const { rows: saved } = await database.query<{ path: string }>("select current_setting('search_path') as path");
  await database.query("select set_config('search_path', 'pg_catalog', false)");
  for (const [part, sql] of Object.entries(catalogQueries) as [keyof typeof catalogQueries, string][]) {
    const { rows } = await database.query<{ key: string; value: string }>(`${sql} order by 1`);
    snapshot[part] = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }
  await database.query("select set_config('search_path', $1, false)", [saved[0]?.path ?? '']);
  return snapshot;
}
