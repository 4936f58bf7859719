-- Local stand-in for what a Supabase project already provides: the API roles,
-- the `auth` schema with auth.uid()/auth.jwt()/auth.role(), and the `extensions`
-- schema. Applied before the migrations on PGlite (embedded default) and on the
-- throwaway PostgreSQL used by the tests. Never deployed: it lives outside
-- supabase/migrations/ so that `supabase db push` sends the migrations unchanged.
--
-- It reads the same setting PostgREST writes (`request.jwt.claims`, a JSON text),
-- so RLS policies behave the same under PostgREST, PGlite and plain psql.
-- Idempotent: safe to run on every start.

do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST logs in as `authenticator` and switches to the role in the JWT.
  -- The password only matters for the loopback test cluster.
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'authenticator';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- What a Supabase project grants by default (supabase/postgres' initial schema):
-- anon and authenticated get everything on every new table, function and
-- sequence in public. The schema files take back what is not meant; with these
-- defaults here too, the tests see what a real project would.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}'::jsonb)
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(auth.jwt() ->> 'role', current_user)
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
