-- Foundation: extensions, schemas, privileges and the enum types every other
-- file uses. Applied first.
--
-- Privileges (Basejump style): nothing is executable or readable unless a
-- grant right after the object says so. PostgreSQL lets PUBLIC execute every
-- new function, and Supabase's default grants give anon and authenticated
-- every new function in `public` (per-schema default privileges cannot take
-- a global grant away), so each function in these files is followed by a
-- revoke from everyone and its own grant. tests/sql/schemaParity checks that
-- no function is left executable by PUBLIC.

create extension if not exists postgis with schema extensions;
set search_path = public, extensions;

-- Helpers that PostgREST must not expose as RPC endpoints (only `public` is exposed).
create schema if not exists internal;
grant usage on schema internal to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------------

create type public.asset_kind as enum ('place', 'route', 'area', 'group');
-- pending: waiting for review; published: on the map; archived: taken off the map by
-- its author or a moderator (restorable); rejected: refused by a moderator, with a
-- reason for the author; hidden: reported by enough people, off the map until a
-- facilitator looks. Only the moderation functions move an asset between them.
create type public.asset_status as enum ('pending', 'published', 'archived', 'rejected', 'hidden');
-- Huber's six dimensions of Positieve Gezondheid.
create type public.health_dimension as enum (
  'lichaamsfuncties',
  'mentaal_welbevinden',
  'zingeving',
  'kwaliteit_van_leven',
  'meedoen',
  'dagelijks_functioneren'
);
create type public.area_level as enum ('gemeente', 'wijk', 'buurt', 'pc4', 'other');
-- A member's role in one werkgebied (03_werkgebieden.sql). A resident needs no role.
create type public.member_role as enum ('key_person', 'facilitator', 'planner', 'admin');

------------------------------------------------------------------------------
-- Administrators: who manages werkgebieden and people, and imports boundaries
------------------------------------------------------------------------------

-- On Supabase an administrator has app_metadata.wijkkracht_role = 'admin' (set
-- with SQL or the dashboard; users cannot change their own app_metadata). The
-- service role (the CLI) and the database's own logins (migrations, psql, the
-- benchmarks) act as administrators too: only anon and authenticated are
-- callers to check. The embedded database belongs to its one local user, who
-- is its administrator. Roles inside one werkgebied come from
-- public.werkgebied_members (03_werkgebieden.sql).
-- PL/pgSQL, as the other checks every row of a write asks: a SQL function that
-- PostgreSQL cannot inline (a SET clause prevents that) starts an executor for
-- every call; PL/pgSQL evaluates these as simple expressions. Measured (CPU time,
-- PGlite): the rules trigger per row about 40 % cheaper.
create function internal.is_admin()
returns boolean
language plpgsql stable
set search_path = ''
as $$
begin
  return auth.role() not in ('anon', 'authenticated')
    or coalesce(auth.jwt() -> 'app_metadata' ->> 'wijkkracht_role', '') = 'admin';
end
$$;
-- RLS policies and triggers call it as the signed-in user.
revoke all on function internal.is_admin() from public, anon, authenticated, service_role;
grant execute on function internal.is_admin() to anon, authenticated, service_role;

create function internal.require_admin()
returns void
language plpgsql stable
as $$
begin
  if not internal.is_admin() then
    raise exception using errcode = '42501', message = 'only administrators may do this';
  end if;
end
$$;
revoke all on function internal.require_admin() from public, anon, authenticated, service_role;
grant execute on function internal.require_admin() to authenticated, service_role;

-- A signed-in caller (a resident's anonymous sign-in counts), for every write.
create function internal.require_signed_in()
returns uuid
language plpgsql stable
as $$
begin
  if auth.uid() is null and auth.role() <> 'service_role' then
    raise exception using errcode = '42501', message = 'sign in first';
  end if;
  return auth.uid();
end
$$;
revoke all on function internal.require_signed_in() from public, anon, authenticated, service_role;
grant execute on function internal.require_signed_in() to authenticated, service_role;
