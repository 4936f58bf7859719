-- Wijkkracht schema: categories, assets, stories, areas.
-- Secure defaults first (Basejump style): RLS on every table, no default
-- execute for PUBLIC; every grant is explicit.

create extension if not exists postgis with schema extensions;
set search_path = public, extensions;

alter default privileges in schema public revoke execute on functions from public;

-- Internal helpers that PostgREST must not expose as RPC endpoints.
create schema if not exists internal;
grant usage on schema internal to anon, authenticated, service_role;
alter default privileges in schema internal revoke execute on functions from public;

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
-- Categories (reference data: seeded here because production needs it too)
------------------------------------------------------------------------------

create table public.categories (
  id text primary key check (id ~ '^[a-z_]+$'),
  label_nl text not null,
  label_en text not null,
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  sort_order int not null
);
alter table public.categories enable row level security;
create policy "Everyone can read the categories" on public.categories
  for select to anon, authenticated using (true);
grant select on public.categories to anon, authenticated;

insert into public.categories (id, label_nl, label_en, color, sort_order) values
  ('buurthuis',          'Buurthuis',                'Community centre',        '#d1495b', 10),
  ('ontmoetingsplek',    'Ontmoetingsplek',          'Meeting place',           '#edae49', 20),
  ('sportclub',          'Sportclub',                'Sports club',             '#00798c', 30),
  ('wandelroute',        'Wandelroute',              'Walking route',           '#30638e', 40),
  ('initiatief',         'Bewonersinitiatief',       'Citizen initiative',      '#8e5ca3', 50),
  ('huisartsenpraktijk', 'Huisartsenpraktijk',       'GP practice',             '#003d5b', 60),
  ('bibliotheek',        'Bibliotheek',              'Library',                 '#9c6644', 70),
  ('park',               'Park of groen',            'Park or green space',     '#4f9d3a', 80),
  ('cirkel',             'Cirkel met sleutelfiguur', 'Circle with a key person','#c2185b', 90);

------------------------------------------------------------------------------
-- Assets
------------------------------------------------------------------------------

create table public.assets (
  id uuid primary key default gen_random_uuid(),
  kind public.asset_kind not null,
  category text not null references public.categories (id),
  dimensions public.health_dimension[] not null default '{}',
  name text not null check (length(btrim(name)) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  geom extensions.geometry(Geometry, 4326) not null
    check (extensions.geometrytype(geom) in ('POINT', 'LINESTRING', 'POLYGON'))
    check (extensions.st_isvalid(geom)),
  status public.asset_status not null default 'published',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);

-- Bounding-box queries use the geometry index; metre distances and
-- nearest-neighbour ordering use the geography one.
create index assets_geom_idx on public.assets using gist (geom);
create index assets_geog_idx on public.assets using gist ((geom::extensions.geography));
create index assets_category_idx on public.assets (category);

-- Every change bumps the version, so optimistic locking holds even for
-- writes that do not go through the API functions.
create function internal.bump_asset_version() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  new.created_by := old.created_by;
  new.created_at := old.created_at;
  return new;
end
$$;
create trigger assets_bump_version before update on public.assets
  for each row execute function internal.bump_asset_version();

alter table public.assets enable row level security;

create policy "Anyone can read published assets" on public.assets
  for select to anon using (status = 'published');
create policy "Signed-in users can read published assets and their own" on public.assets
  for select to authenticated using (status = 'published' or created_by = auth.uid());
create policy "Signed-in users can add assets as themselves" on public.assets
  for insert to authenticated with check (created_by = auth.uid());
create policy "Signed-in users can change their own assets" on public.assets
  for update to authenticated
  using (created_by = auth.uid()) with check (created_by = auth.uid());

grant select on public.assets to anon;
grant select, insert, update on public.assets to authenticated;

------------------------------------------------------------------------------
-- Stories: why a place matters, many per asset
------------------------------------------------------------------------------

create table public.stories (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id) on delete cascade,
  body text not null check (length(btrim(body)) between 1 and 5000),
  author_name text check (length(author_name) <= 100),
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now()
);
create index stories_asset_idx on public.stories (asset_id, created_at);

alter table public.stories enable row level security;

-- A story is as visible as its asset: the subquery runs under the assets policies.
create policy "Anyone can read stories of assets they can see" on public.stories
  for select to anon, authenticated
  using (exists (select 1 from public.assets a where a.id = asset_id));
create policy "Signed-in users can add stories as themselves" on public.stories
  for insert to authenticated
  with check (
    created_by = auth.uid()
    and exists (select 1 from public.assets a where a.id = asset_id and a.status <> 'archived')
  );

grant select on public.stories to anon;
grant select, insert on public.stories to authenticated;

------------------------------------------------------------------------------
-- Areas: buurten, wijken, gemeenten or any named polygon with a code
------------------------------------------------------------------------------

create table public.areas (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) between 1 and 50),
  name text not null check (length(btrim(name)) between 1 and 200),
  level public.area_level not null,
  parent_code text,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  created_at timestamptz not null default now()
);
create index areas_geom_idx on public.areas using gist (geom);

alter table public.areas enable row level security;
create policy "Everyone can read areas" on public.areas
  for select to anon, authenticated using (true);
-- Areas are written by imports running as service_role (bypasses RLS).
grant select on public.areas to anon, authenticated;
grant all on public.areas to service_role;
grant all on public.assets, public.stories, public.categories to service_role;
