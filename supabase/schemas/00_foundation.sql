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
create type public.asset_status as enum ('pending', 'published', 'archived');
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

------------------------------------------------------------------------------
-- Coordinators: who may import in bulk and write boundaries
------------------------------------------------------------------------------

-- On Supabase a coordinator has app_metadata.wijkkracht_role = 'coordinator'
-- (set by an admin; users cannot change app_metadata). The embedded database
-- belongs to its one local user, who is its coordinator.
create function internal.is_coordinator()
returns boolean
language sql stable
set search_path = ''
as $$
  select auth.role() = 'service_role'
    or coalesce(auth.jwt() -> 'app_metadata' ->> 'wijkkracht_role', '') = 'coordinator'
$$;
-- RLS policies and the provenance trigger call it as the signed-in user.
revoke all on function internal.is_coordinator() from public, anon, authenticated, service_role;
grant execute on function internal.is_coordinator() to authenticated, service_role;

create function internal.require_coordinator()
returns void
language plpgsql stable
as $$
begin
  if not internal.is_coordinator() then
    raise exception using errcode = '42501', message = 'only coordinators may import data';
  end if;
end
$$;
revoke all on function internal.require_coordinator() from public, anon, authenticated, service_role;
grant execute on function internal.require_coordinator() to authenticated, service_role;
