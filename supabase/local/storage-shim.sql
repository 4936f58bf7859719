-- Local stand-in for the part of Supabase Storage the schema uses: the tables
-- `storage.buckets` and `storage.objects` (RLS on, granted to the API roles as
-- on Supabase, so the schema's policies decide) and `storage.foldername()`.
-- Applied after auth-shim.sql on the test clusters that stand for a Supabase
-- project; never in the embedded database (which keeps photo files in rows,
-- 14_photos.sql) and never deployed, because a project has the real ones.
-- Idempotent: safe to run on every start.
--
-- The real Storage server checks a bucket's size and type limits, then inserts
-- into storage.objects as the caller (so the policies apply) and keeps the
-- bytes elsewhere. tests/support/storageStandIn.ts does the same over HTTP.

create schema if not exists storage;
grant usage on schema storage to anon, authenticated, service_role;

create table if not exists storage.buckets (
  id text primary key,
  name text not null unique,
  owner uuid,
  public boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
alter table storage.buckets enable row level security;
grant all on storage.buckets to service_role;

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  metadata jsonb,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  unique (bucket_id, name)
);
alter table storage.objects enable row level security;
grant all on storage.objects to anon, authenticated, service_role;

create or replace function storage.foldername(name text) returns text[]
language sql immutable
as $$ select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1] $$;
grant execute on function storage.foldername(text) to anon, authenticated, service_role;
