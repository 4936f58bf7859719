import type { SqlQueryable } from '../sqlConnection';
import type { Claims } from '../sqlRpc';

// The embedded database has one resident: this browser. Its id is made once and
// kept in the database itself, so it lives and dies with the data it owns.
const localUserSql = `
  create schema if not exists wijkkracht_local;
  create table if not exists wijkkracht_local.local_user (
    id uuid primary key default gen_random_uuid(),
    singleton boolean not null default true unique check (singleton)
  );
  insert into wijkkracht_local.local_user default values on conflict do nothing;
`;

export async function ensureLocalUser(database: SqlQueryable): Promise<void> {
  await database.exec(localUserSql);
}

export async function readLocalUserId(database: SqlQueryable): Promise<string> {
  const { rows } = await database.query<{ id: string }>('select id from wijkkracht_local.local_user');
  if (!rows[0]) throw new Error('The embedded database has no local user');
  return rows[0].id;
}

/** The local user owns the embedded database, so it is its administrator: admin of every werkgebied. */
export function localUserClaims(sub: string): Claims {
  return { role: 'authenticated', sub, app_metadata: { wijkkracht_role: 'admin' } };
}
