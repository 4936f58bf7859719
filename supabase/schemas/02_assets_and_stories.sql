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
