-- Coverage: who lives how far from which kind of asset. Per target ('any',
-- 'category:<id>', 'dimension:<d>') and population cell, the distance to the
-- nearest counted asset is kept up to date incrementally by a trigger on
-- assets; the public functions are aggregates over it.
--
-- Distances are straight-line metres in RD New (EPSG:28992), the grid CBS
-- publishes its 100 m cells in. They come from one place,
-- internal.cell_distance(). Walking distances are kept beside them
-- (15_walking.sql); coverage_cells gives either.

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
  -- Places an import adds are counted in one statement (internal.coverage_add_assets).
  if tg_op = 'INSERT' and internal.added_in_bulk() then
    return new;
  end if;
  if tg_op = 'UPDATE' and was_counted = is_counted and not is_counted then
    return new;
  end if;
  if tg_op = 'UPDATE' and was_counted and is_counted
     and old.geom is not distinct from new.geom and old.category = new.category and old.dimensions = new.dimensions then
    return new;
  end if;
  -- One upkeep at a time: each one picks new nearest assets from what it sees,
  -- and two at once (archiving neighbours) would each keep the other's asset.
  -- Each statement below reads afresh once the lock is held (read committed).
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
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
  -- Walking (15_walking.sql) the same way: the nodes a place gone was nearest
  -- to look again; a new place searches where it is nearer.
  if was_counted then
    perform internal.walk_remove(old.id);
  end if;
  if is_counted then
    perform internal.walk_add(new.id, rd, internal.asset_targets(new.category, new.dimensions));
  end if;
  return coalesce(new, old);
end
$$;
revoke all on function internal.coverage_follow_asset() from public, anon, authenticated, service_role;

-- The coverage of places added in bulk (internal.added_in_bulk), counted in one
-- insert and then each reaching its cells as the per-row trigger does: all of them
-- in one query would sort every (place, cell, target) of an import in memory,
-- tens of millions of rows for 20 000 places in a town.
create function internal.coverage_add_assets(p_ids uuid[]) returns void
language plpgsql
set search_path = public, extensions
as $$
declare
  counted record;
begin
  -- The same lock as coverage_follow_asset: one upkeep at a time.
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
  for counted in
    insert into internal.coverage_assets (asset_id, geom, targets)
    select a.id, st_transform(a.geom, 28992), internal.asset_targets(a.category, a.dimensions)
    from public.assets a
    where a.id = any (p_ids) and a.status = 'published'
    returning asset_id, geom, targets
  loop
    perform internal.coverage_add(counted.asset_id, counted.geom, counted.targets);
  end loop;
  -- Walking: one search for every target the import touched, not one per place.
  perform internal.walk_recompute(array(
    select distinct t from public.assets a, unnest(internal.asset_targets(a.category, a.dimensions)) t
    where a.id = any (p_ids) and a.status = 'published'));
end
$$;
revoke all on function internal.coverage_add_assets(uuid[]) from public, anon, authenticated, service_role;

create trigger assets_follow_coverage after insert or update or delete on public.assets
  for each row execute function internal.coverage_follow_asset();

-- From scratch, for new population cells and for checking the incremental path.
create function internal.coverage_rebuild()
returns void
language plpgsql volatile
security definer
set search_path = public, extensions
as $$
begin
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
  perform internal.walk_access_cells(null);
  perform internal.walk_recompute(null);
end
$$;
revoke all on function internal.coverage_rebuild() from public, anon, authenticated, service_role;

-- Cells a population import added get their nearest asset per target; the
-- cells it kept keep theirs (a cell id is its square). Before, each import
-- rebuilt every cell's distances, so each file imported slower than the one before.
create function internal.coverage_add_cells(p_cell_ids text[])
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  if coalesce(cardinality(p_cell_ids), 0) = 0 then
    return;
  end if;
  -- The same lock as coverage_follow_asset: one upkeep at a time.
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
  insert into internal.cell_nearest as n (target, cell_id, distance_m, asset_id)
  select t.target, c.cell_id, nearest.distance_m, nearest.asset_id
  from public.population_cells c
  cross join (select distinct unnest(targets) as target from internal.coverage_assets) t
  cross join lateral internal.nearest_counted_asset(t.target, c.centre) nearest
  where c.cell_id = any (p_cell_ids)
  on conflict (target, cell_id) do update set distance_m = excluded.distance_m, asset_id = excluded.asset_id;
  perform internal.walk_access_cells(p_cell_ids);
end
$$;
revoke all on function internal.coverage_add_cells(text[]) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- The figures: total, per buurt, gap cells, the curve, and "what if"
------------------------------------------------------------------------------

-- internal.cell_distances (each cell's distance to a counted asset, with "what
-- if" candidates, and without the places possibly gone when asked) is in
-- 13_freshness.sql, because it reads when a place was last confirmed.

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

-- "What if" candidates: at most 20 GeoJSON Points in longitude/latitude. Without
-- a bound, 2 000 candidates on a city's cells ran 85 s for an anonymous caller.
create function internal.require_candidates(p_candidates jsonb)
returns void
language plpgsql immutable
as $$
begin
  if p_candidates is null or p_candidates = '[]'::jsonb then
    return;
  end if;
  if jsonb_typeof(p_candidates) <> 'array' or jsonb_array_length(p_candidates) > 20 then
    raise exception using errcode = 'WKARG', message = 'candidates must be a list of at most 20 points', detail = 'candidates';
  end if;
  if exists (
    select 1 from jsonb_array_elements(p_candidates) c
    where jsonb_typeof(c) <> 'object' or c ->> 'type' is distinct from 'Point'
       or jsonb_typeof(c -> 'coordinates') <> 'array' or jsonb_array_length(c -> 'coordinates') <> 2
       or jsonb_typeof(c -> 'coordinates' -> 0) <> 'number' or jsonb_typeof(c -> 'coordinates' -> 1) <> 'number'
       or abs((c -> 'coordinates' ->> 0)::double precision) > 180 or abs((c -> 'coordinates' ->> 1)::double precision) > 90
  ) then
    raise exception using errcode = 'WKARG', message = 'each candidate must be a GeoJSON Point in longitude/latitude',
      detail = 'candidates';
  end if;
end
$$;
revoke all on function internal.require_candidates(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.require_candidates(jsonb) to anon, authenticated, service_role;

-- A werkgebied's outline in RD New, to count only its cells; null: all cells.
create function internal.werkgebied_area_rd(p_werkgebied uuid)
returns extensions.geometry
language plpgsql stable
set search_path = public, extensions
as $$
declare
  area geometry;
begin
  if p_werkgebied is null then
    return null;
  end if;
  select st_transform(w.geom, 28992) into area from public.werkgebieden w where w.id = p_werkgebied;
  if area is null then
    raise exception using errcode = 'WK404', message = format('werkgebied %s not found', p_werkgebied), detail = 'werkgebied';
  end if;
  return area;
end
$$;
revoke all on function internal.werkgebied_area_rd(uuid) from public, anon, authenticated, service_role;
grant execute on function internal.werkgebied_area_rd(uuid) to anon, authenticated, service_role;

-- Residents (all, and 65+) of the cells, and how many live within p_distance of an
-- asset counted for p_target ('any', 'category:<id>', 'dimension:<dimension>'),
-- optionally with candidate points ("what if", nothing written), for all cells or
-- those of one werkgebied (p_werkgebied: the planner compares field labs).
-- Unknown (secret) counts are left out of both and reported as a number of cells.
create function public.coverage(
  p_target text,
  p_distance double precision,
  p_buurt_code text default null,
  p_candidates jsonb default '[]',
  p_werkgebied uuid default null,
  -- Leave out the places not confirmed for their werkgebied's months (13_freshness.sql).
  p_without_stale boolean default false
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
set plan_cache_mode = force_custom_plan
set statement_timeout = '10s'
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
begin
  perform internal.require_candidates(p_candidates);
  perform internal.require_distance(p_distance);
  if coalesce(jsonb_array_length(p_candidates), 0) = 0 and not coalesce(p_without_stale, false) then
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
      where (p_buurt_code is null or c.buurt_code = p_buurt_code) and (area is null or st_intersects(area, c.centre))
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
    join internal.cell_distances(p_target, p_candidates, p_without_stale, area) d using (cell_id)
    where (p_buurt_code is null or c.buurt_code = p_buurt_code) and (area is null or st_intersects(area, c.centre))
  );
end
$$;
revoke all on function public.coverage(text, double precision, text, jsonb, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.coverage(text, double precision, text, jsonb, uuid, boolean) to anon, authenticated, service_role;

-- Figures per buurt (cells carry their buurt code), for the table and the bars.
-- CBS keeps the 65+ count secret more often than the total, so both are counted.
create function public.coverage_by_buurt(
  p_target text, p_distance double precision, p_candidates jsonb default '[]', p_werkgebied uuid default null,
  p_without_stale boolean default false
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
set plan_cache_mode = force_custom_plan
set statement_timeout = '10s'
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
begin
  perform internal.require_candidates(p_candidates);
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
      join internal.cell_distances(p_target, p_candidates, p_without_stale, area) d using (cell_id)
      where (area is null or st_intersects(area, c.centre))
      group by c.buurt_code
    ) per_buurt
  ), '[]');
end
$$;
revoke all on function public.coverage_by_buurt(text, double precision, jsonb, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.coverage_by_buurt(text, double precision, jsonb, uuid, boolean) to anon, authenticated, service_role;

-- The cells nobody of the target group lives within reach of, as GeoJSON (WGS84) for the map.
create function public.gap_cells(
  p_target text, p_distance double precision, p_candidates jsonb default '[]', p_werkgebied uuid default null,
  p_without_stale boolean default false
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
set plan_cache_mode = force_custom_plan
set statement_timeout = '15s'
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
begin
  perform internal.require_candidates(p_candidates);
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
    join internal.cell_distances(p_target, p_candidates, p_without_stale, area) d using (cell_id)
    where (d.distance_m is null or d.distance_m > p_distance) and (area is null or st_intersects(area, c.centre))
  ));
end
$$;
revoke all on function public.gap_cells(text, double precision, jsonb, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.gap_cells(text, double precision, jsonb, uuid, boolean) to anon, authenticated, service_role;

-- Share of residents (and of 65+) within each distance from 0 to 2000 m in steps of p_step.
create function public.coverage_curve(
  p_target text, p_step double precision default 50, p_candidates jsonb default '[]', p_werkgebied uuid default null,
  p_without_stale boolean default false
)
returns jsonb
language plpgsql stable
set search_path = public, extensions
set plan_cache_mode = force_custom_plan
set statement_timeout = '15s'
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
begin
  perform internal.require_candidates(p_candidates);
  if p_step is null or p_step < 10 or p_step > 1000 then
    raise exception using errcode = 'WKARG', message = 'step must be between 10 and 1000 metres', detail = 'step';
  end if;
  return (
    with known as (
      select c.residents, c.residents_65plus, d.distance_m
      from public.population_cells c
      join internal.cell_distances(p_target, p_candidates, p_without_stale, area) d using (cell_id)
      where c.residents is not null and (area is null or st_intersects(area, c.centre))
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
revoke all on function public.coverage_curve(text, double precision, jsonb, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.coverage_curve(text, double precision, jsonb, uuid, boolean) to anon, authenticated, service_role;

-- Every cell of the question with its people and its distance to the nearest
-- counted asset, once per question, so the planner answers any distance from
-- what it holds: the slider, the figures, the buurten, the curve and the gap
-- layer follow each step without asking again. Several targets in one call (the
-- radar's six dimensions next to the chosen target); "what if" candidates count
-- for the first target only, as a trial place has no dimensions of its own.
-- Columns, not features: no geometry (a cell id names its 100 m square), so a
-- city of 100 000 cells travels in a few MB instead of the gap layer's tens.
-- p_on_foot: walking distances (15_walking.sql) instead of straight lines, and
-- per cell whether its walking distance is the straight line times the detour
-- factor because it lies off the network (walk_estimated). Volatile, because a walking
-- question with candidates or without stale places searches the network in a
-- temporary table, which a read-only transaction may not create.
create function public.coverage_cells(
  p_targets jsonb, p_candidates jsonb default '[]', p_werkgebied uuid default null,
  p_without_stale boolean default false, p_on_foot boolean default false
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
set plan_cache_mode = force_custom_plan
set statement_timeout = '15s'
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
  targets text[];
  on_foot boolean := coalesce(p_on_foot, false);
  without_stale boolean := coalesce(p_without_stale, false);
  has_candidates boolean;
begin
  perform internal.require_candidates(p_candidates);
  has_candidates := coalesce(jsonb_array_length(p_candidates), 0) > 0;
  -- A list as jsonb, as every API function takes one (PostgREST and the embedded RPC send JSON).
  if p_targets is null or jsonb_typeof(p_targets) <> 'array' or jsonb_array_length(p_targets) not between 1 and 8
     or exists (select from jsonb_array_elements(p_targets) t where jsonb_typeof(t) <> 'string' or length(t #>> '{}') > 100) then
    raise exception using errcode = 'WKARG', message = 'targets must be a list of 1 to 8 targets', detail = 'targets';
  end if;
  select array_agg(distinct t) into targets from jsonb_array_elements_text(p_targets) t;
  return (
    with asked_cells as materialized (
      select row_number() over (order by c.cell_id) as n, c.cell_id, c.buurt_code, c.residents, c.residents_65plus, c.estimated,
             c.spreading, acc.node_id, acc.access_m
      from public.population_cells c
      left join internal.walk_cell_access acc on on_foot and acc.cell_id = c.cell_id
      where area is null or st_intersects(area, c.centre)
    ),
    -- Node distances the kept ones do not give: without stale places, or with candidates.
    searched as materialized (
      select s.target, s.node_id, s.distance_m
      from internal.walk_search_question(targets, p_candidates, without_stale) s
      where on_foot and (without_stale or has_candidates)
    )
    select jsonb_build_object(
    'targets', to_jsonb(targets),
    'on_foot', on_foot,
    'cell_ids', coalesce((select jsonb_agg(cell_id order by n) from asked_cells), '[]'),
    'buurt_codes', coalesce((select jsonb_agg(buurt_code order by n) from asked_cells), '[]'),
    'residents', coalesce((select jsonb_agg(residents order by n) from asked_cells), '[]'),
    'residents_65plus', coalesce((select jsonb_agg(residents_65plus order by n) from asked_cells), '[]'),
    'estimated', coalesce((select jsonb_agg(estimated order by n) from asked_cells), '[]'),
    -- How many of the estimated cells follow population weights (dwellings, buildings), for the planner's note.
    'cells_by_weights', (select count(*) from asked_cells where spreading = 'weights'),
    -- The kept distances where they answer the question (no place left out): reading
    -- them directly is 30x faster on PostgreSQL than through cell_distances.
    'distances', (
      select jsonb_object_agg(t, case
        when without_stale then (
          select coalesce(jsonb_agg(case when on_foot then internal.walk_distance(d.distance_m, a.access_m, s.distance_m)
                                         else d.distance_m end order by a.n), '[]')
          from asked_cells a
          left join internal.cell_distances(t, '[]', true, area) d using (cell_id)
          left join searched s on s.target = t and s.node_id = a.node_id)
        else (
          select coalesce(jsonb_agg(case when on_foot then internal.walk_distance(k.distance_m, a.access_m, r.distance_m)
                                         else k.distance_m end order by a.n), '[]')
          from asked_cells a
          left join internal.cell_nearest k on k.cell_id = a.cell_id and k.target = t
          left join internal.walk_reach r on on_foot and r.target = t and r.node_id = a.node_id)
        end)
      from unnest(targets) t),
    'with_candidates', case when not has_candidates then null else (
      select coalesce(jsonb_agg(case
          when on_foot then internal.walk_distance(d.distance_m, a.access_m, least(r.distance_m, s.distance_m, c.distance_m))
          else d.distance_m end order by a.n), '[]')
      from asked_cells a
      left join internal.cell_distances(p_targets ->> 0, p_candidates, without_stale, area) d using (cell_id)
      left join internal.walk_reach r on on_foot and not without_stale and r.target = p_targets ->> 0 and r.node_id = a.node_id
      left join searched s on s.target = p_targets ->> 0 and s.node_id = a.node_id
      left join searched c on c.target = '_candidates' and c.node_id = a.node_id) end,
    -- Cells off the network with a place of the first target within reach in a
    -- straight line: their walking distance is that line times the detour factor.
    'walk_estimated', case when on_foot then (
      select coalesce(jsonb_agg(k.distance_m is not null and a.node_id is null order by a.n), '[]')
      from asked_cells a
      left join internal.cell_nearest k on k.cell_id = a.cell_id and k.target = p_targets ->> 0) end
    )
  );
end
$$;
revoke all on function public.coverage_cells(jsonb, jsonb, uuid, boolean, boolean) from public, anon, authenticated, service_role;
grant execute on function public.coverage_cells(jsonb, jsonb, uuid, boolean, boolean) to anon, authenticated, service_role;
