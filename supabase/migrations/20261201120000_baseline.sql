-- Baseline: the schema as of 2026-12-01, equal to supabase/schemas/*.sql (in file
-- order) followed by supabase/reference/categories.sql. Later changes come as new
-- migrations, made in supabase/schemas/ as well; tests/sql/schemaParity checks both.

-- ============================================================================
-- supabase/schemas/00_foundation.sql
-- ============================================================================

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

-- ============================================================================
-- supabase/schemas/01_categories.sql
-- ============================================================================

-- Categories: the kinds of place, with Dutch and English labels and a map
-- colour. Reference data: the rows are in supabase/reference/categories.sql,
-- because production needs them too.

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
grant all on public.categories to service_role;

-- ============================================================================
-- supabase/schemas/02_assets_and_stories.sql
-- ============================================================================

-- Assets (places, routes, areas, groups) and their stories: why a place
-- matters, many per asset. Residents write them through the asset API
-- (04_asset_api.sql); coordinators also through the imports.

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
  -- Routes from OSM relations are multi-part, and so are many parks.
  geom extensions.geometry(Geometry, 4326) not null
    constraint assets_geometry_type_check
      check (extensions.geometrytype(geom) in ('POINT', 'LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON'))
    check (extensions.st_isvalid(geom)),
  status public.asset_status not null default 'published',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  -- Provenance: where a row came from, its id there, and whom to credit.
  source text check (length(source) between 1 and 100),
  source_id text check (length(source_id) between 1 and 200),
  attribution text check (length(attribution) <= 300)
);

-- Bounding-box queries use the geometry index; metre distances and
-- nearest-neighbour ordering use the geography one.
create index assets_geom_idx on public.assets using gist (geom);
create index assets_geog_idx on public.assets using gist ((geom::extensions.geography));
create index assets_category_idx on public.assets (category);
-- A re-import finds its earlier rows by (source, source_id): OSM ids update instead of duplicating.
create unique index assets_source_id_idx on public.assets (source, source_id) where source_id is not null;

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
-- Trigger functions run without an execute check on the caller.
revoke all on function internal.bump_asset_version() from public, anon, authenticated, service_role;

create trigger assets_bump_version before update on public.assets
  for each row execute function internal.bump_asset_version();

-- Provenance is a claim about the data ("this is OSM node 42, credit OSM"):
-- only coordinators (imports) may make it. Without this guard a resident could
-- insert a row as 'osm'/'node/42' ahead of an import, or put a false credit on the map.
create function internal.guard_provenance() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if internal.is_coordinator() then
    return new;
  end if;
  if tg_op = 'INSERT' and (new.source is not null or new.source_id is not null or new.attribution is not null) then
    raise exception using errcode = '42501', message = 'only coordinators may set where an asset came from';
  end if;
  if tg_op = 'UPDATE' and (new.source is distinct from old.source or new.source_id is distinct from old.source_id
                           or new.attribution is distinct from old.attribution) then
    raise exception using errcode = '42501', message = 'only coordinators may change where an asset came from';
  end if;
  return new;
end
$$;
revoke all on function internal.guard_provenance() from public, anon, authenticated, service_role;

create trigger assets_guard_provenance before insert or update on public.assets
  for each row execute function internal.guard_provenance();

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
-- (select ...) lets PostgreSQL evaluate the check once per statement, not per row.
create policy "Coordinators can read imported assets" on public.assets
  for select to authenticated
  using (source is not null and (select internal.is_coordinator()));
create policy "Coordinators can change imported assets" on public.assets
  for update to authenticated
  using (source is not null and (select internal.is_coordinator()))
  with check (source is not null and (select internal.is_coordinator()));

grant select on public.assets to anon;
grant select, insert, update on public.assets to authenticated;
grant all on public.assets to service_role;

------------------------------------------------------------------------------
-- Stories
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
grant all on public.stories to service_role;

-- ============================================================================
-- supabase/schemas/03_areas.sql
-- ============================================================================

-- Areas: buurten, wijken, gemeenten or any named polygon with a code.
-- Written by coordinators' imports (05_import_export.sql); read by everyone.

create table public.areas (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) between 1 and 50),
  name text not null check (length(btrim(name)) between 1 and 200),
  level public.area_level not null,
  parent_code text,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  created_at timestamptz not null default now(),
  -- Provenance, as on assets.
  source text check (length(source) between 1 and 100),
  attribution text check (length(attribution) <= 300),
  updated_at timestamptz not null default now()
);
create index areas_geom_idx on public.areas using gist (geom);

alter table public.areas enable row level security;
create policy "Everyone can read areas" on public.areas
  for select to anon, authenticated using (true);
create policy "Coordinators can add areas" on public.areas
  for insert to authenticated with check ((select internal.is_coordinator()));
create policy "Coordinators can change areas" on public.areas
  for update to authenticated using ((select internal.is_coordinator())) with check ((select internal.is_coordinator()));

grant select on public.areas to anon;
grant select, insert, update on public.areas to authenticated;
grant all on public.areas to service_role;

-- ============================================================================
-- supabase/schemas/04_asset_api.sql
-- ============================================================================

-- The asset API: the only way the app reads and writes places and stories.
-- Both backends call these functions (PGlite in the browser, supabase-js
-- rpc() against Supabase).
--
-- Functions are SECURITY INVOKER, so RLS decides what the caller may see and
-- write. Refusals raise an SQLSTATE of our own, which the app translates:
--   WKGEO invalid geometry      WKREQ required text empty    WKCAT unknown category
--   WKARG invalid argument      WKVER stale version          WK404 not found
-- A write RLS forbids raises 42501 (insufficient_privilege), as PostgreSQL does.

------------------------------------------------------------------------------
-- Checks and shapes the API functions share
------------------------------------------------------------------------------

-- GeoJSON geometry -> validated EPSG:4326 geometry of a type that fits the kind.
create function internal.geometry_from_geojson(p_geometry jsonb, p_kind public.asset_kind)
returns extensions.geometry
language plpgsql immutable
set search_path = public, extensions
as $$
declare
  g geometry;
  expected text[] := case p_kind
    when 'place' then array['POINT']
    when 'route' then array['LINESTRING', 'MULTILINESTRING']
    when 'area' then array['POLYGON', 'MULTIPOLYGON']
    when 'group' then array['POINT', 'POLYGON', 'MULTIPOLYGON']
  end;
begin
  if p_geometry is null or jsonb_typeof(p_geometry) <> 'object' then
    raise exception using errcode = 'WKGEO', message = 'geometry is required',
      detail = 'missing';
  end if;
  begin
    g := st_setsrid(st_geomfromgeojson(p_geometry), 4326);
  exception when others then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid GeoJSON',
      detail = 'unreadable';
  end;
  if st_isempty(g) then
    raise exception using errcode = 'WKGEO', message = 'geometry is empty', detail = 'empty';
  end if;
  if not geometrytype(g) = any (expected) then
    raise exception using errcode = 'WKGEO',
      message = format('a %s needs a %s, not a %s', p_kind, array_to_string(expected, ' or '), geometrytype(g)),
      detail = 'wrong_type';
  end if;
  if st_xmin(g) < -180 or st_xmax(g) > 180 or st_ymin(g) < -90 or st_ymax(g) > 90 then
    raise exception using errcode = 'WKGEO', message = 'coordinates are outside longitude/latitude range',
      detail = 'out_of_range';
  end if;
  if not st_isvalid(g) then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid: ' || st_isvalidreason(g),
      detail = 'invalid';
  end if;
  return g;
end
$$;
revoke all on function internal.geometry_from_geojson(jsonb, public.asset_kind) from public, anon, authenticated, service_role;
grant execute on function internal.geometry_from_geojson(jsonb, public.asset_kind) to authenticated, service_role;

create function internal.required_text(p_value text, p_field text, p_max int)
returns text
language plpgsql immutable
as $$
begin
  if p_value is null or length(btrim(p_value)) = 0 then
    raise exception using errcode = 'WKREQ', message = p_field || ' is required', detail = p_field;
  end if;
  if length(btrim(p_value)) > p_max then
    raise exception using errcode = 'WKARG', message = format('%s is longer than %s characters', p_field, p_max),
      detail = p_field;
  end if;
  return btrim(p_value);
end
$$;
revoke all on function internal.required_text(text, text, int) from public, anon, authenticated, service_role;
grant execute on function internal.required_text(text, text, int) to authenticated, service_role;

create function internal.category_exists(p_category text)
returns text
language plpgsql stable
set search_path = public
as $$
begin
  if p_category is null or not exists (select 1 from public.categories where id = p_category) then
    raise exception using errcode = 'WKCAT', message = format('unknown category %L', p_category),
      detail = 'category';
  end if;
  return p_category;
end
$$;
revoke all on function internal.category_exists(text) from public, anon, authenticated, service_role;
grant execute on function internal.category_exists(text) to authenticated, service_role;

create function internal.dimensions_from_json(p_dimensions jsonb)
returns public.health_dimension[]
language plpgsql immutable
set search_path = public
as $$
begin
  if p_dimensions is null then
    return '{}';
  end if;
  if jsonb_typeof(p_dimensions) <> 'array' then
    raise exception using errcode = 'WKARG', message = 'dimensions must be a JSON array', detail = 'dimensions';
  end if;
  return array(select distinct d::public.health_dimension from jsonb_array_elements_text(p_dimensions) d order by 1);
exception when invalid_text_representation then
  raise exception using errcode = 'WKARG', message = 'unknown health dimension in ' || p_dimensions::text,
    detail = 'dimensions';
end
$$;
revoke all on function internal.dimensions_from_json(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.dimensions_from_json(jsonb) to authenticated, service_role;

create function internal.point(p_lon double precision, p_lat double precision)
returns extensions.geometry
language plpgsql immutable
set search_path = public, extensions
as $$
begin
  if p_lon is null or p_lat is null or p_lon not between -180 and 180 or p_lat not between -90 and 90 then
    raise exception using errcode = 'WKARG', message = 'point is outside longitude/latitude range',
      detail = 'point';
  end if;
  return st_setsrid(st_makepoint(p_lon, p_lat), 4326);
end
$$;
revoke all on function internal.point(double precision, double precision) from public, anon, authenticated, service_role;
grant execute on function internal.point(double precision, double precision) to anon, authenticated, service_role;

-- One asset as a GeoJSON Feature; p_extra adds properties (a distance, a story count).
create function internal.asset_feature(a public.assets, p_extra jsonb default '{}')
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'type', 'Feature',
    'id', a.id,
    'geometry', st_asgeojson(a.geom, 7)::jsonb,
    'properties', jsonb_build_object(
      'id', a.id,
      'kind', a.kind,
      'category', a.category,
      'dimensions', to_jsonb(a.dimensions),
      'name', a.name,
      'description', a.description,
      'status', a.status,
      'created_by', a.created_by,
      'created_at', a.created_at,
      'updated_at', a.updated_at,
      'version', a.version,
      'source', a.source,
      'source_id', a.source_id,
      'attribution', a.attribution
    ) || coalesce(p_extra, '{}')
  )
$$;
revoke all on function internal.asset_feature(public.assets, jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.asset_feature(public.assets, jsonb) to anon, authenticated, service_role;

create function internal.story_json(s public.stories)
returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'id', s.id, 'asset_id', s.asset_id, 'body', s.body, 'author_name', s.author_name,
    'created_by', s.created_by, 'created_at', s.created_at
  )
$$;
revoke all on function internal.story_json(public.stories) from public, anon, authenticated, service_role;
grant execute on function internal.story_json(public.stories) to anon, authenticated, service_role;

create function internal.feature_collection(p_features jsonb)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('type', 'FeatureCollection', 'features', coalesce(p_features, '[]'::jsonb))
$$;
revoke all on function internal.feature_collection(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.feature_collection(jsonb) to anon, authenticated, service_role;

-- Explains why an UPDATE touched no row: gone, stale, or forbidden by RLS.
create function internal.raise_update_refusal(p_id uuid, p_expected_version int)
returns void
language plpgsql stable
set search_path = public
as $$
declare
  current_version int;
begin
  select version into current_version from public.assets where id = p_id;
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  elsif current_version <> p_expected_version then
    raise exception using errcode = 'WKVER',
      message = format('asset %s was changed by someone else (version %s, you had %s)', p_id, current_version, p_expected_version),
      detail = current_version::text;
  else
    raise exception using errcode = '42501', message = format('you may not change asset %s', p_id);
  end if;
end
$$;
revoke all on function internal.raise_update_refusal(uuid, int) from public, anon, authenticated, service_role;
grant execute on function internal.raise_update_refusal(uuid, int) to authenticated, service_role;

------------------------------------------------------------------------------
-- Reads: for everyone
------------------------------------------------------------------------------

create function public.list_categories()
returns jsonb
language sql stable
set search_path = public
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', id, 'label_nl', label_nl, 'label_en', label_en, 'color', color) order by sort_order), '[]')
  from public.categories
$$;
revoke all on function public.list_categories() from public, anon, authenticated, service_role;
grant execute on function public.list_categories() to anon, authenticated, service_role;

create function public.assets_in_bbox(
  p_west double precision, p_south double precision,
  p_east double precision, p_north double precision,
  p_category text default null,
  p_limit int default 5000
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
begin
  if p_west is null or p_south is null or p_east is null or p_north is null
     or p_west >= p_east or p_south >= p_north
     or p_west < -180 or p_east > 180 or p_south < -90 or p_north > 90 then
    raise exception using errcode = 'WKARG', message = 'bounding box must be west < east and south < north in degrees',
      detail = 'bbox';
  end if;
  if p_limit is null or p_limit not between 1 and 50000 then
    raise exception using errcode = 'WKARG', message = 'limit must be between 1 and 50000', detail = 'limit';
  end if;
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a) order by a.created_at)
    from (
      select * from public.assets a
      where a.geom && st_makeenvelope(p_west, p_south, p_east, p_north, 4326)
        and a.status <> 'archived'
        and (p_category is null or a.category = p_category)
      order by a.created_at
      limit p_limit
    ) a
  ));
end
$$;
revoke all on function public.assets_in_bbox(double precision, double precision, double precision, double precision, text, int) from public, anon, authenticated, service_role;
grant execute on function public.assets_in_bbox(double precision, double precision, double precision, double precision, text, int) to anon, authenticated, service_role;

create function public.assets_within(
  p_lon double precision, p_lat double precision, p_meters double precision,
  p_category text default null
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
declare
  here geography := internal.point(p_lon, p_lat)::geography;
begin
  if p_meters is null or p_meters <= 0 or p_meters > 50000 then
    raise exception using errcode = 'WKARG', message = 'distance must be between 0 and 50000 metres',
      detail = 'meters';
  end if;
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a, jsonb_build_object('distance_m', round(d::numeric, 1))) order by d, a.id)
    from public.assets a
    cross join lateral (select st_distance(a.geom::geography, here) as d) dist
    where st_dwithin(a.geom::geography, here, p_meters)
      and a.status <> 'archived'
      and (p_category is null or a.category = p_category)
  ));
end
$$;
revoke all on function public.assets_within(double precision, double precision, double precision, text) from public, anon, authenticated, service_role;
grant execute on function public.assets_within(double precision, double precision, double precision, text) to anon, authenticated, service_role;

create function public.nearest_assets(
  p_lon double precision, p_lat double precision, p_k int default 5,
  p_category text default null
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
declare
  here geography := internal.point(p_lon, p_lat)::geography;
begin
  if p_k is null or p_k not between 1 and 100 then
    raise exception using errcode = 'WKARG', message = 'k must be between 1 and 100', detail = 'k';
  end if;
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(n.asset, jsonb_build_object('distance_m', round(n.d::numeric, 1))) order by n.d, n.id)
    from (
      select a as asset, a.id, st_distance(a.geom::geography, here) as d
      from public.assets a
      where a.status <> 'archived'
        and (p_category is null or a.category = p_category)
      order by a.geom::geography <-> here, a.id
      limit p_k
    ) n
  ));
end
$$;
revoke all on function public.nearest_assets(double precision, double precision, int, text) from public, anon, authenticated, service_role;
grant execute on function public.nearest_assets(double precision, double precision, int, text) to anon, authenticated, service_role;

create function public.get_asset(p_id uuid)
returns jsonb
language plpgsql stable
set search_path = public
as $$
declare
  a public.assets;
begin
  select * into a from public.assets where id = p_id;
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  return jsonb_build_object(
    'feature', internal.asset_feature(a),
    'stories', coalesce((
      select jsonb_agg(internal.story_json(s) order by s.created_at, s.id)
      from public.stories s where s.asset_id = p_id
    ), '[]')
  );
end
$$;
revoke all on function public.get_asset(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_asset(uuid) to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Writes: for signed-in users only
------------------------------------------------------------------------------

create function public.add_story(p_asset_id uuid, p_body text, p_author_name text default null)
returns jsonb
language plpgsql volatile
set search_path = public
as $$
declare
  s public.stories;
begin
  if not exists (select 1 from public.assets where id = p_asset_id) then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_asset_id), detail = 'asset';
  end if;
  insert into public.stories (asset_id, body, author_name, created_by)
  values (
    p_asset_id,
    internal.required_text(p_body, 'story', 5000),
    nullif(btrim(coalesce(p_author_name, '')), ''),
    auth.uid()
  )
  returning * into s;
  return internal.story_json(s);
end
$$;
revoke all on function public.add_story(uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.add_story(uuid, text, text) to authenticated, service_role;

-- Adds an asset and, optionally, its first story in one transaction:
-- the "why does this place matter" of the person who adds it.
create function public.add_asset(
  p_kind text,
  p_category text,
  p_name text,
  p_geometry jsonb,
  p_description text default '',
  p_dimensions jsonb default '[]',
  p_story text default null,
  p_author_name text default null
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  k public.asset_kind;
  a public.assets;
begin
  begin
    k := p_kind::public.asset_kind;
  exception when invalid_text_representation then
    raise exception using errcode = 'WKARG', message = format('unknown kind %L', p_kind), detail = 'kind';
  end;
  if k is null then
    raise exception using errcode = 'WKARG', message = 'kind is required', detail = 'kind';
  end if;

  insert into public.assets (kind, category, dimensions, name, description, geom, created_by)
  values (
    k,
    internal.category_exists(p_category),
    internal.dimensions_from_json(p_dimensions),
    internal.required_text(p_name, 'name', 200),
    btrim(coalesce(p_description, '')),
    internal.geometry_from_geojson(p_geometry, k),
    auth.uid()
  )
  returning * into a;

  if p_story is not null and length(btrim(p_story)) > 0 then
    perform public.add_story(a.id, p_story, p_author_name);
  end if;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.add_asset(text, text, text, jsonb, text, jsonb, text, text) from public, anon, authenticated, service_role;
grant execute on function public.add_asset(text, text, text, jsonb, text, jsonb, text, text) to authenticated, service_role;

-- Changes the given fields (null = keep) if the caller still has the latest
-- version; otherwise refuses with WKVER so nobody overwrites another's edit.
create function public.update_asset(
  p_id uuid,
  p_expected_version int,
  p_name text default null,
  p_description text default null,
  p_category text default null,
  p_dimensions jsonb default null,
  p_geometry jsonb default null
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  a public.assets;
  current_kind public.asset_kind;
begin
  if p_expected_version is null then
    raise exception using errcode = 'WKARG', message = 'expected version is required', detail = 'version';
  end if;
  select kind into current_kind from public.assets where id = p_id;
  update public.assets set
    name = case when p_name is null then name else internal.required_text(p_name, 'name', 200) end,
    description = coalesce(btrim(p_description), description),
    category = case when p_category is null then category else internal.category_exists(p_category) end,
    dimensions = case when p_dimensions is null then dimensions else internal.dimensions_from_json(p_dimensions) end,
    geom = case when p_geometry is null then geom else internal.geometry_from_geojson(p_geometry, current_kind) end
  where id = p_id and version = p_expected_version and status <> 'archived'
  returning * into a;
  if not found then
    perform internal.raise_update_refusal(p_id, p_expected_version);
  end if;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.update_asset(uuid, int, text, text, text, jsonb, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.update_asset(uuid, int, text, text, text, jsonb, jsonb) to authenticated, service_role;

create function public.archive_asset(p_id uuid, p_expected_version int)
returns jsonb
language plpgsql volatile
set search_path = public
as $$
declare
  a public.assets;
begin
  update public.assets set status = 'archived'
  where id = p_id and version = p_expected_version
  returning * into a;
  if not found then
    perform internal.raise_update_refusal(p_id, p_expected_version);
  end if;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.archive_asset(uuid, int) from public, anon, authenticated, service_role;
grant execute on function public.archive_asset(uuid, int) to authenticated, service_role;

-- ============================================================================
-- supabase/schemas/05_import_export.sql
-- ============================================================================

-- Data in and out: atomic bulk imports of assets and areas with a per-row
-- report (and a dry run for the preview), and the reads behind the exports.
-- Imports are for coordinators (internal.is_coordinator, 00_foundation.sql).
--
-- Refusal codes, besides those of the asset API:
--   WKIMP some rows were refused; DETAIL is a JSON array {row, code, message, detail}
--   WKDUP the same source id twice in one import
--   WKDRY a dry run ended (internal; the public function returns its report)

------------------------------------------------------------------------------
-- Import helpers, shared with the population imports
------------------------------------------------------------------------------

create function internal.require_rows(p_rows jsonb, p_max int)
returns void
language plpgsql immutable
as $$
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception using errcode = 'WKARG', message = 'rows must be a JSON array', detail = 'rows';
  end if;
  if jsonb_array_length(p_rows) > p_max then
    raise exception using errcode = 'WKARG',
      message = format('%s rows is more than the %s one import may hold', jsonb_array_length(p_rows), p_max),
      detail = 'too_many_rows';
  end if;
end
$$;
revoke all on function internal.require_rows(jsonb, int) from public, anon, authenticated, service_role;
grant execute on function internal.require_rows(jsonb, int) to authenticated, service_role;

-- Rows whose key (source_id, code) an earlier row already has: {"<row>": <first row>}.
-- Found in one pass up front, so the row loop only looks them up.
create function internal.repeated_rows(p_rows jsonb, p_key text)
returns jsonb
language sql immutable
as $$
  select coalesce(jsonb_object_agg(row_no::text, first_row), '{}')
  from (
    select row_no, first_value(row_no) over (partition by key order by position) as first_row
    from (
      select coalesce((r ->> 'row')::int, position::int) as row_no, nullif(btrim(r ->> p_key), '') as key, position
      from jsonb_array_elements(p_rows) with ordinality as element(r, position)
    ) keyed
    where key is not null
  ) ranked
  where row_no <> first_row
$$;
revoke all on function internal.repeated_rows(jsonb, text) from public, anon, authenticated, service_role;
grant execute on function internal.repeated_rows(jsonb, text) to authenticated, service_role;

-- One refused row, as the report lists it.
create function internal.row_error(p_row int, p_code text, p_message text, p_detail text)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('row', p_row, 'code', p_code, 'message', p_message, 'detail', p_detail)
$$;
revoke all on function internal.row_error(int, text, text, text) from public, anon, authenticated, service_role;
grant execute on function internal.row_error(int, text, text, text) to authenticated, service_role;

-- Ends an import: refuses all of it if any row was refused, else returns the report.
-- A dry run also ends in an exception (WKDRY), which the public function catches,
-- so that its writes roll back while its report is returned.
create function internal.finish_import(p_errors jsonb, p_row_count int, p_report jsonb, p_dry_run boolean)
returns jsonb
language plpgsql immutable
as $$
declare
  error_count int := jsonb_array_length(p_errors);
begin
  if error_count > 0 then
    raise exception using errcode = 'WKIMP',
      message = format('%s of %s rows were refused; nothing was imported', error_count, p_row_count),
      -- The first 1000 refusals are enough to act on and keep the message small.
      detail = (select jsonb_agg(e) from (select e from jsonb_array_elements(p_errors) e limit 1000) first_errors)::text;
  end if;
  if p_dry_run then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = p_report::text;
  end if;
  return p_report;
end
$$;
revoke all on function internal.finish_import(jsonb, int, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.finish_import(jsonb, int, jsonb, boolean) to authenticated, service_role;

create function internal.import_report(p_rows jsonb, p_dry_run boolean)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'dry_run', p_dry_run,
    'added', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'add'),
    'updated', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'update'),
    'unchanged', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'unchanged'),
    'skipped', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' like 'skip%'),
    'rows', p_rows
  )
$$;
revoke all on function internal.import_report(jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.import_report(jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- Import assets
------------------------------------------------------------------------------

-- Rows: [{row, kind, category, name, geometry, description?, dimensions?, source_id?, story?}].
-- A row with a source_id that this source imported before updates that asset;
-- an archived one stays archived (skip_archived). With p_within_area, rows
-- that do not touch that area are skipped (skip_outside_area).
create function internal.apply_asset_import(
  p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean, p_within_area text
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  source_name text;
  area_geom geometry;
  r jsonb;
  row_index int := 0;
  row_no int;
  row_kind public.asset_kind;
  g geometry;
  sid text;
  existing public.assets;
  saved public.assets;
  new_name text;
  new_description text;
  new_category text;
  new_dimensions public.health_dimension[];
  duplicates jsonb;
  report jsonb[] := '{}';
  errors jsonb[] := '{}';
  error_detail text;
begin
  perform internal.require_coordinator();
  source_name := internal.required_text(p_source, 'source', 100);
  perform internal.require_rows(p_rows, 50000);
  duplicates := internal.repeated_rows(p_rows, 'source_id');
  if p_within_area is not null then
    select geom into area_geom from public.areas where code = p_within_area;
    if not found then
      raise exception using errcode = 'WK404', message = format('area %s not found', p_within_area), detail = 'area';
    end if;
  end if;

  for r in select value from jsonb_array_elements(p_rows) loop
    row_index := row_index + 1;
    row_no := coalesce((r ->> 'row')::int, row_index);
    begin
      begin
        row_kind := (r ->> 'kind')::public.asset_kind;
      exception when invalid_text_representation then
        raise exception using errcode = 'WKARG', message = format('unknown kind %L', r ->> 'kind'), detail = 'kind';
      end;
      if row_kind is null then
        raise exception using errcode = 'WKARG', message = 'kind is required', detail = 'kind';
      end if;
      g := internal.geometry_from_geojson(r -> 'geometry', row_kind);
      new_name := internal.required_text(r ->> 'name', 'name', 200);
      new_description := btrim(coalesce(r ->> 'description', ''));
      new_category := internal.category_exists(r ->> 'category');
      new_dimensions := internal.dimensions_from_json(r -> 'dimensions');
      sid := nullif(btrim(coalesce(r ->> 'source_id', '')), '');

      if duplicates ? row_no::text then
        raise exception using errcode = 'WKDUP',
          message = format('source id %s appears twice (also in row %s)', sid, duplicates ->> row_no::text), detail = sid;
      end if;

      if area_geom is not null and not st_intersects(area_geom, g) then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'skip_outside_area'));
        continue;
      end if;

      existing := null;
      if sid is not null then
        select * into existing from public.assets a where a.source = source_name and a.source_id = sid;
      end if;

      if existing.id is null then
        insert into public.assets
          (kind, category, dimensions, name, description, geom, created_by, source, source_id, attribution)
        values
          (row_kind, new_category, new_dimensions, new_name, new_description, g, auth.uid(), source_name, sid, p_attribution)
        returning * into saved;
        if nullif(btrim(coalesce(r ->> 'story', '')), '') is not null then
          perform public.add_story(saved.id, r ->> 'story', r ->> 'author_name');
        end if;
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'add', 'id', saved.id));
      elsif existing.status = 'archived' then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'skip_archived', 'id', existing.id));
      elsif existing.kind = row_kind and existing.name = new_name and existing.description = new_description
        and existing.category = new_category and existing.dimensions = new_dimensions
        and st_equals(existing.geom, g) and existing.attribution is not distinct from p_attribution then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'unchanged', 'id', existing.id));
      else
        update public.assets set
          kind = row_kind, category = new_category, dimensions = new_dimensions,
          name = new_name, description = new_description, geom = g, attribution = p_attribution
        where id = existing.id
        returning * into saved;
        if not found then
          raise exception using errcode = '42501', message = format('you may not change asset %s', existing.id);
        end if;
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'update', 'id', saved.id));
      end if;
    exception when others then
      get stacked diagnostics error_detail = pg_exception_detail;
      errors := array_append(errors, internal.row_error(row_no, sqlstate, sqlerrm, nullif(error_detail, '')));
    end;
  end loop;

  return internal.finish_import(to_jsonb(errors), row_index, internal.import_report(to_jsonb(report), p_dry_run), p_dry_run);
end
$$;
revoke all on function internal.apply_asset_import(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function internal.apply_asset_import(text, text, jsonb, boolean, text) to authenticated, service_role;

-- One call writes a whole file atomically, so it gets more than Supabase's 8 s
-- default for `authenticated` (PostgREST 12.2+ applies function settings to the transaction).
create function public.import_assets(
  p_source text,
  p_attribution text,
  p_rows jsonb,
  p_dry_run boolean default false,
  p_within_area text default null
)
returns jsonb
language plpgsql volatile
set search_path = public
set statement_timeout = '60s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_asset_import(p_source, p_attribution, p_rows, coalesce(p_dry_run, false), p_within_area);
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_assets(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function public.import_assets(text, text, jsonb, boolean, text) to authenticated, service_role;

------------------------------------------------------------------------------
-- Import areas (boundaries)
------------------------------------------------------------------------------

-- Boundary files from CBS/PDOK are generalised and rounded, which can leave a
-- ring touching itself. Those are repaired (ST_MakeValid) and reported as
-- such, not refused: the authority's boundary is still the best one there is.
create function internal.area_geometry(p_geometry jsonb, out geom extensions.geometry, out repaired boolean)
language plpgsql immutable
set search_path = public, extensions
as $$
declare
  g geometry;
begin
  if p_geometry is null or jsonb_typeof(p_geometry) <> 'object' then
    raise exception using errcode = 'WKGEO', message = 'geometry is required', detail = 'missing';
  end if;
  begin
    g := st_setsrid(st_geomfromgeojson(p_geometry), 4326);
  exception when others then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid GeoJSON', detail = 'unreadable';
  end;
  if st_isempty(g) or geometrytype(g) not in ('POLYGON', 'MULTIPOLYGON') then
    raise exception using errcode = 'WKGEO', message = 'an area needs a polygon or multipolygon', detail = 'wrong_type';
  end if;
  if st_xmin(g) < -180 or st_xmax(g) > 180 or st_ymin(g) < -90 or st_ymax(g) > 90 then
    raise exception using errcode = 'WKGEO', message = 'coordinates are outside longitude/latitude range',
      detail = 'out_of_range';
  end if;
  repaired := not st_isvalid(g);
  if repaired then
    g := st_collectionextract(st_makevalid(g), 3);
  end if;
  if st_isempty(g) then
    raise exception using errcode = 'WKGEO', message = 'area has no surface left after repair', detail = 'invalid';
  end if;
  geom := st_multi(g);
end
$$;
revoke all on function internal.area_geometry(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.area_geometry(jsonb) to authenticated, service_role;

-- Rows: [{row, code, name, level, parent_code?, geometry}]; the code decides add or update.
create function internal.apply_area_import(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  source_name text;
  r jsonb;
  row_index int := 0;
  row_no int;
  area_code text;
  area_level public.area_level;
  shape record;
  existing public.areas;
  duplicates jsonb;
  report jsonb[] := '{}';
  errors jsonb[] := '{}';
  error_detail text;
  action text;
begin
  perform internal.require_coordinator();
  source_name := internal.required_text(p_source, 'source', 100);
  perform internal.require_rows(p_rows, 20000);
  duplicates := internal.repeated_rows(p_rows, 'code');

  for r in select value from jsonb_array_elements(p_rows) loop
    row_index := row_index + 1;
    row_no := coalesce((r ->> 'row')::int, row_index);
    begin
      area_code := internal.required_text(r ->> 'code', 'code', 50);
      if duplicates ? row_no::text then
        raise exception using errcode = 'WKDUP',
          message = format('area code %s appears twice (also in row %s)', area_code, duplicates ->> row_no::text), detail = area_code;
      end if;
      begin
        area_level := coalesce(r ->> 'level', 'other')::public.area_level;
      exception when invalid_text_representation then
        raise exception using errcode = 'WKARG', message = format('unknown area level %L', r ->> 'level'), detail = 'level';
      end;
      select * into shape from internal.area_geometry(r -> 'geometry');

      select * into existing from public.areas where code = area_code;
      action := case when existing.id is null then 'add' else 'update' end;
      insert into public.areas as a (code, name, level, parent_code, geom, source, attribution)
      values (
        area_code, internal.required_text(r ->> 'name', 'name', 200), area_level,
        nullif(btrim(coalesce(r ->> 'parent_code', '')), ''), shape.geom, source_name, p_attribution
      )
      on conflict (code) do update set
        name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
        geom = excluded.geom, source = excluded.source, attribution = excluded.attribution, updated_at = now();
      report := array_append(report, jsonb_build_object('row', row_no, 'action', action, 'code', area_code, 'repaired', shape.repaired));
    exception when others then
      get stacked diagnostics error_detail = pg_exception_detail;
      errors := array_append(errors, internal.row_error(row_no, sqlstate, sqlerrm, nullif(error_detail, '')));
    end;
  end loop;

  return internal.finish_import(to_jsonb(errors), row_index, internal.import_report(to_jsonb(report), p_dry_run), p_dry_run);
end
$$;
revoke all on function internal.apply_area_import(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.apply_area_import(text, text, jsonb, boolean) to authenticated, service_role;

create function public.import_areas(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
set search_path = public
set statement_timeout = '60s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_area_import(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_areas(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_areas(text, text, jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- Reads for the map and for export
------------------------------------------------------------------------------

create function public.list_areas(p_level text default null)
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
begin
  if p_level is not null and p_level not in (select unnest(enum_range(null::public.area_level))::text) then
    raise exception using errcode = 'WKARG', message = format('unknown area level %L', p_level), detail = 'level';
  end if;
  return internal.feature_collection((
    select jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', a.code,
      'geometry', st_asgeojson(a.geom, 6)::jsonb,
      'properties', jsonb_build_object(
        'code', a.code, 'name', a.name, 'level', a.level, 'parent_code', a.parent_code,
        'source', a.source, 'attribution', a.attribution)
    ) order by a.level, a.code)
    from public.areas a
    where p_level is null or a.level::text = p_level
  ));
end
$$;
revoke all on function public.list_areas(text) from public, anon, authenticated, service_role;
grant execute on function public.list_areas(text) to anon, authenticated, service_role;

-- Every asset the caller can see that is not archived, with its story count.
create function public.export_assets()
returns jsonb
language sql stable
set search_path = public
as $$
  select internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a, jsonb_build_object(
      'story_count', (select count(*) from public.stories s where s.asset_id = a.id))) order by a.created_at, a.id)
    from public.assets a
    where a.status <> 'archived'
  ))
$$;
revoke all on function public.export_assets() from public, anon, authenticated, service_role;
grant execute on function public.export_assets() to anon, authenticated, service_role;

create function public.export_stories()
returns jsonb
language sql stable
set search_path = public
as $$
  select coalesce(jsonb_agg(internal.story_json(s) || jsonb_build_object(
      'asset_name', a.name, 'asset_category', a.category,
      'asset_source', a.source, 'asset_source_id', a.source_id, 'asset_attribution', a.attribution)
    order by a.name, s.created_at, s.id), '[]')
  from public.stories s
  join public.assets a on a.id = s.asset_id
  where a.status <> 'archived'
$$;
revoke all on function public.export_stories() from public, anon, authenticated, service_role;
grant execute on function public.export_stories() to anon, authenticated, service_role;

-- Whom the map must credit for what it shows.
create function public.list_attributions()
returns jsonb
language sql stable
set search_path = public
as $$
  select coalesce(jsonb_agg(attribution order by attribution), '[]')
  from (
    select attribution from public.assets where attribution is not null and status <> 'archived'
    union
    select attribution from public.areas where attribution is not null
  ) credits
$$;
revoke all on function public.list_attributions() from public, anon, authenticated, service_role;
grant execute on function public.list_attributions() to anon, authenticated, service_role;

-- ============================================================================
-- supabase/schemas/06_population.sql
-- ============================================================================

-- Population: who lives where, per CBS 100 m cell (RD New, EPSG:28992), and
-- the area counts CBS publishes (PC4 with age bands, buurt/wijk key figures),
-- brought in through the import framework with a dry run and a report in the
-- same shape as import_assets / import_areas. Coverage (07_coverage.sql) counts
-- these cells.

------------------------------------------------------------------------------
-- Population cells
------------------------------------------------------------------------------

-- One CBS 100 m cell ("E1234N5678": the RD coordinates of its south-west
-- corner in hectometres). CBS hides small counts; those are NULL (unknown),
-- never 0. Cells spread from area totals (areal weighting) are `estimated`.
create table public.population_cells (
  cell_id text primary key check (cell_id ~ '^E\d{3,4}N\d{3,4}$'),
  geom extensions.geometry(Polygon, 28992) not null,
  centre extensions.geometry(Point, 28992) not null,
  residents int check (residents >= 0),
  residents_65plus int check (residents_65plus >= 0),
  estimated boolean not null default false,
  buurt_code text,
  source text,
  attribution text
);
create index population_cells_centre_idx on public.population_cells using gist (centre);
create index population_cells_buurt_idx on public.population_cells (buurt_code);

alter table public.population_cells enable row level security;
create policy "Everyone can read population cells" on public.population_cells
  for select to anon, authenticated using (true);
grant select on public.population_cells to anon, authenticated;
grant all on public.population_cells to service_role;

------------------------------------------------------------------------------
-- Which buurt a cell belongs to
------------------------------------------------------------------------------

-- A cell belongs to the buurt its centre lies in. Called after population
-- imports (all buurten), and by a trigger for the buurten an import changed.
-- A cell whose buurt no longer holds its centre (a boundary moved) lets go of
-- it first, so no cell keeps a buurt code it is not in.
create function internal.assign_cell_buurten(p_buurt_codes text[] default null)
returns void
language sql volatile
set search_path = public, extensions
as $$
  update public.population_cells c set buurt_code = null
  where c.buurt_code is not null
    and (p_buurt_codes is null or c.buurt_code = any (p_buurt_codes))
    and not exists (
      select from public.areas b
      where b.level = 'buurt' and b.code = c.buurt_code and st_contains(st_transform(b.geom, 28992), c.centre));

  update public.population_cells c set buurt_code = b.code
  from public.areas b
  where b.level = 'buurt'
    and (p_buurt_codes is null or b.code = any (p_buurt_codes))
    -- Transform the buurt once, so the index on the cells' centres is used.
    and st_contains(st_transform(b.geom, 28992), c.centre)
    and c.buurt_code is distinct from b.code;
$$;
revoke all on function internal.assign_cell_buurten(text[]) from public, anon, authenticated, service_role;

create function internal.areas_assign_cell_buurten() returns trigger
language plpgsql
security definer
set search_path = public
as $$
declare
  codes text[] := (select array_agg(code) from changed_areas where level = 'buurt');
begin
  -- import_areas writes row by row, and an upsert fires both statement triggers,
  -- one with an empty table: only buurten that changed are worth a look.
  if codes is not null then
    perform internal.assign_cell_buurten(codes);
  end if;
  return null;
end
$$;
revoke all on function internal.areas_assign_cell_buurten() from public, anon, authenticated, service_role;

create trigger areas_inserted_assign_cell_buurten after insert on public.areas
  referencing new table as changed_areas
  for each statement execute function internal.areas_assign_cell_buurten();
create trigger areas_updated_assign_cell_buurten after update on public.areas
  referencing new table as changed_areas
  for each statement execute function internal.areas_assign_cell_buurten();

------------------------------------------------------------------------------
-- Area counts, spread over 100 m cells (areal weighting)
------------------------------------------------------------------------------

-- The area counts as CBS published them (with PC4's 5-year age bands), kept
-- next to the cells spread from them: the cells are an estimate derived from
-- these, and a later method (another spreading, a report per postcode) can
-- start again from what was published.
create table public.area_population (
  source text not null,
  code text not null,
  name text,
  geom extensions.geometry(MultiPolygon, 4326) not null,
  -- NULL: CBS keeps the count secret or does not publish it.
  residents int check (residents >= 0),
  residents_65plus int check (residents_65plus >= 0),
  -- 5-year bands where the source has them (PC4): {"0_4": 250, …, "95_plus": 5}.
  age_bands jsonb,
  attribution text,
  imported_at timestamptz not null default now(),
  primary key (source, code)
);
create index area_population_geom_idx on public.area_population using gist (geom);

alter table public.area_population enable row level security;
create policy "Everyone can read area population" on public.area_population
  for select to anon, authenticated using (true);
grant select on public.area_population to anon, authenticated;
grant all on public.area_population to service_role;

-- Rows: [{row, code, name, geometry (WGS84 Polygon/MultiPolygon), residents, residents_65plus, age_bands?}].
-- The rows are kept in area_population; each area's counts are spread over
-- the 100 m cells it covers, in proportion to the part of the area in each
-- cell; those cells are marked `estimated`.
-- Cells with real grid counts (estimated = false) are left as they are.
-- Rounding to whole residents happens per cell; the report gives the totals
-- before and after, so the user sees what rounding did.
create function internal.apply_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  residents_in numeric;
  residents_65plus_in numeric;
  report jsonb;
begin
  perform internal.require_coordinator();
  perform internal.require_rows(p_rows, 20000);
  drop table if exists spread_cells;
  create temporary table spread_cells (cell_id text, geom geometry, residents numeric, residents_65plus numeric) on commit drop;

  with areas as (
    select coalesce((r ->> 'row')::int, position::int) as row_no,
           -- Generalised CBS boundaries can be invalid; st_intersection would fail on them.
           st_makevalid(st_transform(st_setsrid(st_geomfromgeojson(r -> 'geometry'), 4326), 28992)) as geom,
           nullif(r ->> 'residents', '')::numeric as residents,
           nullif(r ->> 'residents_65plus', '')::numeric as residents_65plus
    from jsonb_array_elements(p_rows) with ordinality as element(r, position)
  ),
  grid as (
    select a.geom as area_geom, a.residents, a.residents_65plus,
           st_makeenvelope(x, y, x + 100, y + 100, 28992) as cell
    from areas a
    cross join lateral generate_series((floor(st_xmin(a.geom) / 100) * 100)::int, (floor(st_xmax(a.geom) / 100) * 100)::int, 100) x
    cross join lateral generate_series((floor(st_ymin(a.geom) / 100) * 100)::int, (floor(st_ymax(a.geom) / 100) * 100)::int, 100) y
    where st_area(a.geom) > 0
  ),
  shares as (
    select cell, residents, residents_65plus, st_area(st_intersection(cell, area_geom)) / st_area(area_geom) as share
    from grid
    where st_intersects(cell, area_geom)
  )
  insert into spread_cells
  select format('E%sN%s', lpad(((st_xmin(cell) / 100)::int)::text, 4, '0'), lpad(((st_ymin(cell) / 100)::int)::text, 4, '0')),
         cell, sum(residents * share), sum(residents_65plus * share)
  from shares
  where share > 0
  group by cell;

  select coalesce(sum(nullif(r ->> 'residents', '')::numeric), 0), coalesce(sum(nullif(r ->> 'residents_65plus', '')::numeric), 0)
    into residents_in, residents_65plus_in
  from jsonb_array_elements(p_rows) r;

  report := jsonb_build_object(
    'dry_run', p_dry_run,
    'added', (select count(*) from spread_cells s where not exists (select from public.population_cells p where p.cell_id = s.cell_id)),
    'updated', (select count(*) from spread_cells s join public.population_cells p using (cell_id)
                where p.estimated and (p.residents, p.residents_65plus) is distinct from (round(s.residents)::int, round(s.residents_65plus)::int)),
    'unchanged', (select count(*) from spread_cells s join public.population_cells p using (cell_id)
                  where p.estimated and (p.residents, p.residents_65plus) is not distinct from (round(s.residents)::int, round(s.residents_65plus)::int)),
    -- Cells with real grid counts keep them.
    'skipped', (select count(*) from spread_cells s join public.population_cells p using (cell_id) where not p.estimated),
    'residents_in', residents_in,
    'residents_65plus_in', residents_65plus_in,
    'residents_spread', (select coalesce(sum(round(residents)), 0) from spread_cells),
    'residents_65plus_spread', (select coalesce(sum(round(residents_65plus)), 0) from spread_cells),
    'rows', '[]'::jsonb
  );
  -- Cells take shares of several areas, so per area the report can only say
  -- whether the import changes anything, and whether this source was here before.
  report := report || jsonb_build_object('rows', (
    select coalesce(jsonb_agg(jsonb_build_object(
             'row', coalesce((r ->> 'row')::int, position::int),
             'code', r ->> 'code',
             'action', case when (report ->> 'added')::int + (report ->> 'updated')::int = 0 then 'unchanged'
                            when exists (select from public.population_cells p where p.estimated and p.source = p_source) then 'update'
                            else 'add' end) order by position), '[]')
    from jsonb_array_elements(p_rows) with ordinality as element(r, position)));
  if p_dry_run then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
  end if;

  insert into public.population_cells as p (cell_id, geom, centre, residents, residents_65plus, estimated, source, attribution)
  select cell_id, geom, st_centroid(geom), round(residents)::int, round(residents_65plus)::int, true, p_source, p_attribution
  from spread_cells
  on conflict (cell_id) do update
    set residents = excluded.residents, residents_65plus = excluded.residents_65plus,
        source = excluded.source, attribution = excluded.attribution
    where p.estimated;

  insert into public.area_population as p (source, code, name, geom, residents, residents_65plus, age_bands, attribution)
  select p_source, r ->> 'code', r ->> 'name',
         st_multi(st_setsrid(st_geomfromgeojson(r -> 'geometry'), 4326)),
         round(nullif(r ->> 'residents', '')::numeric)::int,
         round(nullif(r ->> 'residents_65plus', '')::numeric)::int,
         r -> 'age_bands', p_attribution
  from jsonb_array_elements(p_rows) r
  on conflict (source, code) do update
    set name = excluded.name, geom = excluded.geom, residents = excluded.residents,
        residents_65plus = excluded.residents_65plus, age_bands = excluded.age_bands,
        attribution = excluded.attribution, imported_at = now();

  perform internal.assign_cell_buurten();
  perform internal.coverage_rebuild();
  return report;
end
$$;
revoke all on function internal.apply_area_population(text, text, jsonb, boolean) from public, anon, authenticated, service_role;

-- Security definer: it rebuilds the coverage tables, which no caller may write.
create function public.import_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_area_population(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_area_population(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_area_population(text, text, jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- The CBS 100 m grid (vierkantstatistieken)
------------------------------------------------------------------------------

-- Rows: [{row, cell_id ('E1234N5678', RD New hectometres of the south-west
-- corner), residents, residents_65plus}]. The geometry follows from the id.
-- CBS writes small (secret) counts as negative numbers such as -99997; they are
-- stored as NULL, unknown, never as 0. The grid only lists inhabited cells, so
-- it replaces the estimated cells (from area counts) inside the area it covers
-- (the convex hull of its cells), and earlier cells of the same source there
-- that it no longer lists (now empty, or gone).
create function internal.apply_population_cells(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  errors jsonb;
  extent geometry;
  report jsonb;
begin
  perform internal.require_coordinator();
  perform internal.require_rows(p_rows, 500000);
  drop table if exists grid_rows;
  create temporary table grid_rows on commit drop as
  select coalesce((r ->> 'row')::int, position::int) as row_no,
         r ->> 'cell_id' as cell_id,
         -- Negative means secret: unknown.
         case when (r ->> 'residents')::numeric >= 0 then round((r ->> 'residents')::numeric)::int end as residents,
         case when (r ->> 'residents_65plus')::numeric >= 0 then round((r ->> 'residents_65plus')::numeric)::int end as residents_65plus
  from jsonb_array_elements(p_rows) with ordinality as element(r, position);

  select jsonb_agg(jsonb_build_object('row', row_no, 'code', 'WKGEO', 'message', 'not a CBS 100 m cell id', 'detail', cell_id) order by row_no)
    into errors
  from grid_rows where cell_id is null or cell_id !~ '^E\d{4}N\d{4}$';
  if errors is null then
    select jsonb_agg(jsonb_build_object('row', row_no, 'code', 'WKDUP', 'message', 'cell id appears more than once', 'detail', cell_id) order by row_no)
      into errors
    from (select row_no, cell_id, count(*) over (partition by cell_id) as copies from grid_rows) repeated
    where copies > 1;
  end if;
  perform internal.finish_import(coalesce(errors, '[]'), jsonb_array_length(p_rows), '{}', false);

  alter table grid_rows add column geom geometry;
  update grid_rows set geom = st_makeenvelope(substr(cell_id, 2, 4)::int * 100, substr(cell_id, 7, 4)::int * 100,
                                              substr(cell_id, 2, 4)::int * 100 + 100, substr(cell_id, 7, 4)::int * 100 + 100, 28992);
  -- The hull, not the bounding box: a grid clipped to one municipality leaves
  -- its neighbours' estimated cells alone.
  select st_convexhull(st_collect(geom)) into extent from grid_rows;

  report := internal.import_report((
    select coalesce(jsonb_agg(jsonb_build_object('row', g.row_no, 'code', g.cell_id, 'action',
             case when p.cell_id is null then 'add'
                  when not p.estimated and (p.residents, p.residents_65plus) is not distinct from (g.residents, g.residents_65plus) then 'unchanged'
                  else 'update' end) order by g.row_no), '[]')
    from grid_rows g left join public.population_cells p using (cell_id)), p_dry_run)
    || jsonb_build_object(
      'cells_secret', (select count(*) from grid_rows where residents is null),
      'estimated_replaced', (select count(*) from public.population_cells p
                             where p.estimated and extent is not null and st_intersects(p.centre, extent)),
      'earlier_cells_removed', (select count(*) from public.population_cells p
                                where not p.estimated and p.source = p_source and extent is not null and st_intersects(p.centre, extent)
                                  and not exists (select from grid_rows g where g.cell_id = p.cell_id)));
  if p_dry_run then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
  end if;

  delete from public.population_cells p
  where extent is not null and st_intersects(p.centre, extent)
    and (p.estimated or (p.source = p_source and not exists (select from grid_rows g where g.cell_id = p.cell_id)));
  insert into public.population_cells as p (cell_id, geom, centre, residents, residents_65plus, estimated, source, attribution)
  select cell_id, geom, st_centroid(geom), residents, residents_65plus, false, p_source, p_attribution
  from grid_rows
  on conflict (cell_id) do update
    set residents = excluded.residents, residents_65plus = excluded.residents_65plus, estimated = false,
        source = excluded.source, attribution = excluded.attribution;

  perform internal.assign_cell_buurten();
  perform internal.coverage_rebuild();
  return report;
end
$$;
revoke all on function internal.apply_population_cells(text, text, jsonb, boolean) from public, anon, authenticated, service_role;

create function public.import_population_cells(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
-- Whole-country grids are large.
set statement_timeout = '120s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_population_cells(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_population_cells(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_population_cells(text, text, jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- What the planner view needs to know about the population it works with
------------------------------------------------------------------------------

create function public.population_summary()
returns jsonb
language sql stable
set search_path = public
as $$
  select jsonb_build_object(
    'cells', count(*),
    'cells_estimated', count(*) filter (where estimated),
    'cells_unknown', count(*) filter (where residents is null),
    'residents', coalesce(sum(residents), 0),
    'residents_65plus', coalesce(sum(residents_65plus), 0),
    'attributions', coalesce((select jsonb_agg(distinct attribution) from public.population_cells where attribution is not null), '[]')
  )
  from public.population_cells
$$;
revoke all on function public.population_summary() from public, anon, authenticated, service_role;
grant execute on function public.population_summary() to anon, authenticated, service_role;

-- ============================================================================
-- supabase/schemas/07_coverage.sql
-- ============================================================================

-- Coverage: who lives how far from which kind of asset. Per target ('any',
-- 'category:<id>', 'dimension:<d>') and population cell, the distance to the
-- nearest counted asset is kept up to date incrementally by a trigger on
-- assets; the public functions are aggregates over it.
--
-- Distances are straight-line metres in RD New (EPSG:28992), the grid CBS
-- publishes its 100 m cells in. They come from one place,
-- internal.cell_distance(), so a walking-network distance can replace it.

------------------------------------------------------------------------------
-- Definitions
------------------------------------------------------------------------------

-- Coverage is asked up to this distance (the curve's end); farther is "not covered".
create function internal.coverage_max_distance() returns double precision
language sql immutable as $$ select 2000::double precision $$;
revoke all on function internal.coverage_max_distance() from public, anon, authenticated, service_role;
grant execute on function internal.coverage_max_distance() to anon, authenticated, service_role;

-- What an asset counts for: any asset, its category, each of its dimensions.
create function internal.asset_targets(p_category text, p_dimensions public.health_dimension[])
returns text[]
language sql immutable
as $$
  select array['any', 'category:' || p_category]
    || coalesce(array(select 'dimension:' || d from unnest(p_dimensions) d order by 1), '{}')
$$;
revoke all on function internal.asset_targets(text, public.health_dimension[]) from public, anon, authenticated, service_role;

-- The one definition of distance: straight line in RD New, cell centre to the asset's nearest point,
-- in whole centimetres, so that "exactly 200 m" stays exactly 200 m after WGS84 → RD New.
create function internal.cell_distance(p_centre extensions.geometry, p_asset_rd extensions.geometry)
returns double precision
language sql immutable
-- No SET clause: that would stop PostgreSQL from inlining this into the queries that use it.
as $$ select round(extensions.st_distance(p_centre, p_asset_rd)::numeric, 2)::double precision $$;
-- Called by the invoker-rights coverage functions; PostgreSQL inlines it only for callers who may execute it.
revoke all on function internal.cell_distance(extensions.geometry, extensions.geometry) from public, anon, authenticated, service_role;
grant execute on function internal.cell_distance(extensions.geometry, extensions.geometry) to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Nearest asset per cell and target, kept up to date by a trigger
------------------------------------------------------------------------------

-- Published assets in RD New, with their targets: what coverage counts.
create table internal.coverage_assets (
  asset_id uuid primary key,
  geom extensions.geometry(Geometry, 28992) not null,
  targets text[] not null
);
create index coverage_assets_geom_idx on internal.coverage_assets using gist (geom);

-- Per target, per cell within reach: the distance to the nearest counted asset, and which one.
create table internal.cell_nearest (
  target text not null,
  cell_id text not null references public.population_cells (cell_id) on delete cascade,
  distance_m double precision not null,
  asset_id uuid not null,
  primary key (target, cell_id)
);
create index cell_nearest_asset_idx on internal.cell_nearest (asset_id);

-- Internal tables are not exposed by PostgREST, and RLS guards them as every table.
-- cell_nearest is derived from public data (assets, population), so the invoker-rights
-- coverage functions may read it. Only the trigger and the rebuild (security definer,
-- as the owner) write either; coverage_assets no API role reads at all.
alter table internal.coverage_assets enable row level security;
alter table internal.cell_nearest enable row level security;
create policy "Everyone can read the kept distances" on internal.cell_nearest
  for select to anon, authenticated using (true);
revoke all on internal.coverage_assets, internal.cell_nearest from public, anon, authenticated;
grant select on internal.cell_nearest to anon, authenticated, service_role;

-- Cells near a newly counted asset take it as their nearest where it is nearer.
-- The distance is computed once per cell and compared with the kept one by index
-- lookup; only the cells the new asset is nearer to (or that had none) are written
-- (in a town nearly every cell already has a nearer asset).
create function internal.coverage_add(p_asset_id uuid, p_geom extensions.geometry, p_targets text[])
returns void
language sql volatile
set search_path = public, extensions
as $$
  with reached as materialized (
    select c.cell_id, internal.cell_distance(c.centre, p_geom) as distance_m
    from public.population_cells c
    where st_dwithin(c.centre, p_geom, internal.coverage_max_distance())
  )
  insert into internal.cell_nearest as n (target, cell_id, distance_m, asset_id)
  select t.target, r.cell_id, r.distance_m, p_asset_id
  from reached r
  cross join unnest(p_targets) as t(target)
  left join internal.cell_nearest k on k.target = t.target and k.cell_id = r.cell_id
  where k.distance_m is null or r.distance_m < k.distance_m
  on conflict (target, cell_id) do update
    set distance_m = excluded.distance_m, asset_id = excluded.asset_id
    where excluded.distance_m < n.distance_m
$$;
revoke all on function internal.coverage_add(uuid, extensions.geometry, text[]) from public, anon, authenticated, service_role;

-- The counted asset nearest to a cell centre for one target, within reach (none: no row).
-- Plain SQL without a SET clause, so PostgreSQL inlines it into the lateral joins below.
create function internal.nearest_counted_asset(p_target text, p_centre extensions.geometry)
returns table (asset_id uuid, distance_m double precision)
language sql stable
as $$
  select a.asset_id, internal.cell_distance(p_centre, a.geom) as distance_m
  from internal.coverage_assets a
  where p_target = any (a.targets)
    and extensions.st_dwithin(p_centre, a.geom, internal.coverage_max_distance())
  order by a.geom operator(extensions.<->) p_centre
  limit 1
$$;
revoke all on function internal.nearest_counted_asset(text, extensions.geometry) from public, anon, authenticated, service_role;

-- Cells whose nearest asset went away look again, among the assets still counted.
create function internal.coverage_remove(p_asset_id uuid)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  create temporary table if not exists orphaned_cells (target text, cell_id text) on commit drop;
  delete from orphaned_cells;
  with gone as (
    delete from internal.cell_nearest where asset_id = p_asset_id returning target, cell_id
  )
  insert into orphaned_cells select target, cell_id from gone;

  insert into internal.cell_nearest (target, cell_id, distance_m, asset_id)
  select o.target, o.cell_id, nearest.distance_m, nearest.asset_id
  from orphaned_cells o
  join public.population_cells c using (cell_id)
  cross join lateral internal.nearest_counted_asset(o.target, c.centre) nearest;
end
$$;
revoke all on function internal.coverage_remove(uuid) from public, anon, authenticated, service_role;

-- Keeps coverage_assets and cell_nearest in step with the assets table.
create function internal.coverage_follow_asset() returns trigger
language plpgsql
security definer
set search_path = public, extensions
as $$
declare
  was_counted boolean := tg_op <> 'INSERT' and old.status = 'published';
  is_counted boolean := tg_op <> 'DELETE' and new.status = 'published';
  rd geometry;
begin
  if tg_op = 'UPDATE' and was_counted = is_counted and not is_counted then
    return new;
  end if;
  if tg_op = 'UPDATE' and was_counted and is_counted
     and old.geom is not distinct from new.geom and old.category = new.category and old.dimensions = new.dimensions then
    return new;
  end if;
  if was_counted then
    delete from internal.coverage_assets where asset_id = old.id;
    perform internal.coverage_remove(old.id);
  end if;
  if is_counted then
    rd := st_transform(new.geom, 28992);
    insert into internal.coverage_assets (asset_id, geom, targets)
    values (new.id, rd, internal.asset_targets(new.category, new.dimensions));
    perform internal.coverage_add(new.id, rd, internal.asset_targets(new.category, new.dimensions));
  end if;
  return coalesce(new, old);
end
$$;
revoke all on function internal.coverage_follow_asset() from public, anon, authenticated, service_role;

create trigger assets_follow_coverage after insert or update or delete on public.assets
  for each row execute function internal.coverage_follow_asset();

-- From scratch, for new population cells and for checking the incremental path.
create function internal.coverage_rebuild()
returns void
language sql volatile
security definer
set search_path = public, extensions
as $$
  delete from internal.coverage_assets;
  insert into internal.coverage_assets (asset_id, geom, targets)
  select id, st_transform(geom, 28992), internal.asset_targets(category, dimensions)
  from public.assets where status = 'published';
  delete from internal.cell_nearest;
  insert into internal.cell_nearest (target, cell_id, distance_m, asset_id)
  select t.target, c.cell_id, nearest.distance_m, nearest.asset_id
  from public.population_cells c
  cross join (select distinct unnest(targets) as target from internal.coverage_assets) t
  cross join lateral internal.nearest_counted_asset(t.target, c.centre) nearest;
$$;
revoke all on function internal.coverage_rebuild() from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- The figures: total, per buurt, gap cells, the curve, and "what if"
------------------------------------------------------------------------------

-- The distance each cell has to a counted asset, with candidate points (GeoJSON
-- Points in WGS84) counted too: "what if" without writing anything.
create function internal.cell_distances(p_target text, p_candidates jsonb default '[]')
returns table (cell_id text, distance_m double precision)
language sql stable
set search_path = public, extensions
as $$
  with candidates as (
    select st_transform(st_setsrid(st_geomfromgeojson(candidate), 4326), 28992) as geom
    from jsonb_array_elements(coalesce(p_candidates, '[]')) candidate
  )
  select c.cell_id,
         least(n.distance_m, (select min(internal.cell_distance(c.centre, k.geom)) from candidates k))
  from public.population_cells c
  left join internal.cell_nearest n on n.cell_id = c.cell_id and n.target = p_target
$$;
revoke all on function internal.cell_distances(text, jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.cell_distances(text, jsonb) to anon, authenticated, service_role;

create function internal.require_distance(p_distance double precision)
returns void
language plpgsql immutable
as $$
begin
  if p_distance is null or p_distance < 0 or p_distance > internal.coverage_max_distance() then
    raise exception using errcode = 'WKARG', message = 'distance must be between 0 and 2000 metres', detail = 'distance';
  end if;
end
$$;
revoke all on function internal.require_distance(double precision) from public, anon, authenticated, service_role;
grant execute on function internal.require_distance(double precision) to anon, authenticated, service_role;

-- Residents (all, and 65+) of the cells, and how many live within p_distance of an
-- asset counted for p_target ('any', 'category:<id>', 'dimension:<dimension>'),
-- optionally with candidate points ("what if", nothing written).
-- Unknown (secret) counts are left out of both and reported as a number of cells.
create function public.coverage(
  p_target text,
  p_distance double precision,
  p_buurt_code text default null,
  p_candidates jsonb default '[]'
)
returns jsonb
language plpgsql stable
set search_path = public
as $$
begin
  perform internal.require_distance(p_distance);
  if coalesce(jsonb_array_length(p_candidates), 0) = 0 then
    -- The fast path the benchmark measures: one aggregate over the kept distances.
    -- The what-if branch below sums the same way; one query for both (a union of the
    -- two sources) measured 7-8 % slower here, so the aggregate is written twice.
    return (
      select jsonb_build_object(
        'target', p_target,
        'distance_m', p_distance,
        'residents', coalesce(sum(c.residents), 0),
        'residents_covered', coalesce(sum(c.residents) filter (where n.distance_m <= p_distance), 0),
        'residents_65plus', coalesce(sum(c.residents_65plus), 0),
        'residents_65plus_covered', coalesce(sum(c.residents_65plus) filter (where n.distance_m <= p_distance), 0),
        'cells', count(*),
        'cells_unknown', count(*) filter (where c.residents is null),
        'cells_unknown_65plus', count(*) filter (where c.residents_65plus is null),
        'cells_estimated', count(*) filter (where c.estimated)
      )
      from public.population_cells c
      left join internal.cell_nearest n on n.cell_id = c.cell_id and n.target = p_target
      where p_buurt_code is null or c.buurt_code = p_buurt_code
    );
  end if;
  return (
    select jsonb_build_object(
      'target', p_target,
      'distance_m', p_distance,
      'residents', coalesce(sum(c.residents), 0),
      'residents_covered', coalesce(sum(c.residents) filter (where d.distance_m <= p_distance), 0),
      'residents_65plus', coalesce(sum(c.residents_65plus), 0),
      'residents_65plus_covered', coalesce(sum(c.residents_65plus) filter (where d.distance_m <= p_distance), 0),
      'cells', count(*),
      'cells_unknown', count(*) filter (where c.residents is null),
      'cells_unknown_65plus', count(*) filter (where c.residents_65plus is null),
      'cells_estimated', count(*) filter (where c.estimated)
    )
    from public.population_cells c
    join internal.cell_distances(p_target, p_candidates) d using (cell_id)
    where p_buurt_code is null or c.buurt_code = p_buurt_code
  );
end
$$;
revoke all on function public.coverage(text, double precision, text, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.coverage(text, double precision, text, jsonb) to anon, authenticated, service_role;

-- Figures per buurt (cells carry their buurt code), for the table and the bars.
-- CBS keeps the 65+ count secret more often than the total, so both are counted.
create function public.coverage_by_buurt(p_target text, p_distance double precision, p_candidates jsonb default '[]')
returns jsonb
language plpgsql stable
set search_path = public
as $$
begin
  perform internal.require_distance(p_distance);
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'buurt_code', buurt_code,
      'residents', residents, 'residents_covered', covered,
      'residents_65plus', residents_65plus, 'residents_65plus_covered', covered_65plus,
      'cells_unknown', unknown, 'cells_unknown_65plus', unknown_65plus, 'cells_estimated', estimated) order by buurt_code)
    from (
      select c.buurt_code,
             coalesce(sum(c.residents), 0) as residents,
             coalesce(sum(c.residents) filter (where d.distance_m <= p_distance), 0) as covered,
             coalesce(sum(c.residents_65plus), 0) as residents_65plus,
             coalesce(sum(c.residents_65plus) filter (where d.distance_m <= p_distance), 0) as covered_65plus,
             count(*) filter (where c.residents is null) as unknown,
             count(*) filter (where c.residents_65plus is null) as unknown_65plus,
             count(*) filter (where c.estimated) as estimated
      from public.population_cells c
      join internal.cell_distances(p_target, p_candidates) d using (cell_id)
      group by c.buurt_code
    ) per_buurt
  ), '[]');
end
$$;
revoke all on function public.coverage_by_buurt(text, double precision, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.coverage_by_buurt(text, double precision, jsonb) to anon, authenticated, service_role;

-- The cells nobody of the target group lives within reach of, as GeoJSON (WGS84) for the map.
create function public.gap_cells(p_target text, p_distance double precision, p_candidates jsonb default '[]')
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
begin
  perform internal.require_distance(p_distance);
  return internal.feature_collection((
    select jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', c.cell_id,
      'geometry', st_asgeojson(st_transform(c.geom, 4326), 6)::jsonb,
      'properties', jsonb_build_object(
        'cell_id', c.cell_id, 'buurt_code', c.buurt_code,
        'residents', c.residents, 'residents_65plus', c.residents_65plus,
        'estimated', c.estimated, 'distance_m', round(d.distance_m::numeric, 1))
    ) order by c.cell_id)
    from public.population_cells c
    join internal.cell_distances(p_target, p_candidates) d using (cell_id)
    where d.distance_m is null or d.distance_m > p_distance
  ));
end
$$;
revoke all on function public.gap_cells(text, double precision, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.gap_cells(text, double precision, jsonb) to anon, authenticated, service_role;

-- Share of residents (and of 65+) within each distance from 0 to 2000 m in steps of p_step.
create function public.coverage_curve(p_target text, p_step double precision default 50, p_candidates jsonb default '[]')
returns jsonb
language plpgsql stable
set search_path = public
as $$
begin
  if p_step is null or p_step < 10 or p_step > 1000 then
    raise exception using errcode = 'WKARG', message = 'step must be between 10 and 1000 metres', detail = 'step';
  end if;
  return (
    with known as (
      select c.residents, c.residents_65plus, d.distance_m
      from public.population_cells c
      join internal.cell_distances(p_target, p_candidates) d using (cell_id)
      where c.residents is not null
    ),
    totals as (
      select nullif(sum(residents), 0) as residents, nullif(sum(residents_65plus), 0) as residents_65plus from known
    ),
    -- Each cell counts from the first step at or beyond its distance: at most 41 buckets to add up per step.
    reached as (
      select ceil(distance_m / p_step) * p_step as reach, sum(residents) as residents, sum(residents_65plus) as residents_65plus
      from known where distance_m is not null
      group by 1
    )
    select jsonb_agg(jsonb_build_object(
      'distance_m', step,
      'share', round(coalesce((select sum(residents) from reached where reach <= step), 0)::numeric / totals.residents, 4),
      'share_65plus', round(coalesce((select sum(residents_65plus) from reached where reach <= step), 0)::numeric / totals.residents_65plus, 4)
    ) order by step)
    from generate_series(0::numeric, internal.coverage_max_distance()::numeric, p_step::numeric) step, totals
  );
end
$$;
revoke all on function public.coverage_curve(text, double precision, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.coverage_curve(text, double precision, jsonb) to anon, authenticated, service_role;

-- ============================================================================
-- supabase/reference/categories.sql
-- ============================================================================

-- Reference data: the kinds of place. Production needs these rows too, so they
-- are part of the baseline migration (not of seed.sql, which is local only).
-- A later change to them comes as a migration and is made here as well;
-- tests/sql/schemaParity compares the rows.

insert into public.categories (id, label_nl, label_en, color, sort_order) values
  ('buurthuis',          'Buurthuis',                'Community centre',        '#d1495b', 10),
  ('ontmoetingsplek',    'Ontmoetingsplek',          'Meeting place',           '#edae49', 20),
  ('sportclub',          'Sportclub',                'Sports club',             '#00798c', 30),
  ('wandelroute',        'Wandelroute',              'Walking route',           '#30638e', 40),
  ('initiatief',         'Bewonersinitiatief',       'Citizen initiative',      '#8e5ca3', 50),
  ('huisartsenpraktijk', 'Huisartsenpraktijk',       'GP practice',             '#003d5b', 60),
  -- Categories that public data (OpenStreetMap) brings in.
  ('zorg_welzijn',       'Zorg en welzijn',          'Care and welfare',        '#6d597a', 65),
  ('apotheek',           'Apotheek',                 'Pharmacy',                '#355070', 66),
  ('bibliotheek',        'Bibliotheek',              'Library',                 '#9c6644', 70),
  ('park',               'Park of groen',            'Park or green space',     '#4f9d3a', 80),
  ('speelplek',          'Speelplek',                'Playground',              '#e56b6f', 85),
  ('cirkel',             'Cirkel met sleutelfiguur', 'Circle with a key person','#c2185b', 90);
