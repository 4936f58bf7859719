-- The planner's figures can leave out the places possibly gone (not confirmed
-- for their werkgebied's months): coverage, coverage_by_buurt, gap_cells and
-- coverage_curve take p_without_stale; internal.cell_distances moves to
-- 13_freshness.sql with it. The signatures change, so the functions are
-- dropped and made again (the API has no overloads).
-- Same as supabase/schemas/09_coverage.sql and 13_freshness.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

drop function public.coverage(text, double precision, text, jsonb, uuid);
drop function public.coverage_by_buurt(text, double precision, jsonb, uuid);
drop function public.gap_cells(text, double precision, jsonb, uuid);
drop function public.coverage_curve(text, double precision, jsonb, uuid);
drop function internal.cell_distances(text, jsonb);

-- Whether a place confirmed at p_confirmed_at is possibly gone in a werkgebied
-- that allows p_stale_after_months (12 outside any werkgebied); the app's rule
-- is the same (src/domain/freshness.ts).
create function internal.is_stale(p_confirmed_at timestamptz, p_stale_after_months int)
returns boolean
language sql stable
as $$ select p_confirmed_at < now() - make_interval(months => coalesce(p_stale_after_months, 12)) $$;
revoke all on function internal.is_stale(timestamptz, int) from public, anon, authenticated, service_role;
grant execute on function internal.is_stale(timestamptz, int) to service_role;



-- Whether any counted place for p_target is not possibly gone; where none is,
-- a cell whose kept nearest place is stale need not look further.
create function internal.has_fresh_counted(p_target text)
returns boolean
language sql stable
security definer
set search_path = public, extensions
as $$
  select exists (
    select 1 from internal.coverage_assets k
    join public.assets a on a.id = k.asset_id
    left join public.werkgebieden w on w.id = a.werkgebied_id
    where p_target = any (k.targets) and not internal.is_stale(a.confirmed_at, w.stale_after_months)
  )
$$;
revoke all on function internal.has_fresh_counted(text) from public, anon, authenticated, service_role;
grant execute on function internal.has_fresh_counted(text) to service_role;

-- The distance each cell (of p_area, in RD New; null: every cell) has to a
-- counted asset (09_coverage.sql keeps the nearest per cell and target), with
-- candidate points (GeoJSON Points in WGS84) counted too: "what if" without
-- writing anything. With p_without_stale, a cell whose kept nearest place is
-- possibly gone looks again among the places that are not (the stale ones are
-- listed once, and where every place is stale nobody looks); the other cells
-- keep their kept distance. Possibly gone is a matter of time, not of a
-- write, so it is asked, not kept. The coverage functions that call this plan
-- each call afresh (plan_cache_mode): a generic plan, blind to
-- p_without_stale, was 60 times slower. Security definer: it reads the counted
-- places in RD New (internal.coverage_assets), which no API role reads, and
-- returns only distances per cell, as the readable kept distances do.
create function internal.cell_distances(
  p_target text, p_candidates jsonb default '[]', p_without_stale boolean default false, p_area extensions.geometry default null
)
returns table (cell_id text, distance_m double precision)
language sql stable
security definer
set search_path = public, extensions
as $$
  with candidates as (
    select st_transform(st_setsrid(st_geomfromgeojson(candidate), 4326), 28992) as geom
    from jsonb_array_elements(coalesce(p_candidates, '[]')) candidate
  ),
  stale as materialized (
    select a.id from public.assets a
    left join public.werkgebieden w on w.id = a.werkgebied_id
    where coalesce(p_without_stale, false) and a.status = 'published'
      and internal.is_stale(a.confirmed_at, w.stale_after_months)
  ),
  fresh_left as materialized (
    select internal.has_fresh_counted(p_target) as yes where coalesce(p_without_stale, false)
  )
  select c.cell_id,
         least(
           case
             when s.id is null then n.distance_m
             when (select yes from fresh_left) then (
               select internal.cell_distance(c.centre, k.geom)
               from internal.coverage_assets k
               join public.assets a on a.id = k.asset_id
               left join public.werkgebieden w on w.id = a.werkgebied_id
               where p_target = any (k.targets)
                 and st_dwithin(c.centre, k.geom, internal.coverage_max_distance())
                 and not internal.is_stale(a.confirmed_at, w.stale_after_months)
               order by k.geom <-> c.centre
               limit 1)
           end,
           (select min(internal.cell_distance(c.centre, k.geom)) from candidates k))
  from public.population_cells c
  left join internal.cell_nearest n on n.cell_id = c.cell_id and n.target = p_target
  left join stale s on s.id = n.asset_id
  where p_area is null or st_intersects(p_area, c.centre)
$$;
revoke all on function internal.cell_distances(text, jsonb, boolean, extensions.geometry) from public, anon, authenticated, service_role;
grant execute on function internal.cell_distances(text, jsonb, boolean, extensions.geometry) to anon, authenticated, service_role;

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
