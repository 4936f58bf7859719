-- The planner's cells with their distances, once per question (public.coverage_cells;
-- 09_coverage.sql); and a population import computes distances only for the cells it
-- adds (internal.coverage_add_cells) instead of rebuilding every cell's (08_population.sql).

-- Every cell of the question with its people and its distance to the nearest
-- counted asset, once per question, so the planner answers any distance from
-- what it holds: the slider, the figures, the buurten, the curve and the gap
-- layer follow each step without asking again. Several targets in one call (the
-- radar's six dimensions next to the chosen target); "what if" candidates count
-- for the first target only, as a trial place has no dimensions of its own.
-- Columns, not features: no geometry (a cell id names its 100 m square), so a
-- city of 100 000 cells travels in a few MB instead of the gap layer's tens.
create function public.coverage_cells(
  p_targets jsonb, p_candidates jsonb default '[]', p_werkgebied uuid default null,
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
  targets text[];
begin
  perform internal.require_candidates(p_candidates);
  -- A list as jsonb, as every API function takes one (PostgREST and the embedded RPC send JSON).
  if p_targets is null or jsonb_typeof(p_targets) <> 'array' or jsonb_array_length(p_targets) not between 1 and 8
     or exists (select from jsonb_array_elements(p_targets) t where jsonb_typeof(t) <> 'string' or length(t #>> '{}') > 100) then
    raise exception using errcode = 'WKARG', message = 'targets must be a list of 1 to 8 targets', detail = 'targets';
  end if;
  select array_agg(distinct t) into targets from jsonb_array_elements_text(p_targets) t;
  return (
    with asked_cells as materialized (
      select row_number() over (order by c.cell_id) as n, c.cell_id, c.buurt_code, c.residents, c.residents_65plus, c.estimated
      from public.population_cells c
      where area is null or st_intersects(area, c.centre)
    )
    select jsonb_build_object(
    'targets', to_jsonb(targets),
    'cell_ids', coalesce((select jsonb_agg(cell_id order by n) from asked_cells), '[]'),
    'buurt_codes', coalesce((select jsonb_agg(buurt_code order by n) from asked_cells), '[]'),
    'residents', coalesce((select jsonb_agg(residents order by n) from asked_cells), '[]'),
    'residents_65plus', coalesce((select jsonb_agg(residents_65plus order by n) from asked_cells), '[]'),
    'estimated', coalesce((select jsonb_agg(estimated order by n) from asked_cells), '[]'),
    -- The kept distances where they answer the question (no place left out): reading
    -- them directly is 30x faster on PostgreSQL than through cell_distances.
    'distances', (
      select jsonb_object_agg(t, case
        when coalesce(p_without_stale, false) then (
          select coalesce(jsonb_agg(d.distance_m order by a.n), '[]')
          from asked_cells a
          left join internal.cell_distances(t, '[]', true, area) d using (cell_id))
        else (
          select coalesce(jsonb_agg(k.distance_m order by a.n), '[]')
          from asked_cells a
          left join internal.cell_nearest k on k.cell_id = a.cell_id and k.target = t)
        end)
      from unnest(targets) t),
    'with_candidates', case when coalesce(jsonb_array_length(p_candidates), 0) = 0 then null else (
      select coalesce(jsonb_agg(d.distance_m order by a.n), '[]')
      from asked_cells a
      left join internal.cell_distances(p_targets ->> 0, p_candidates, p_without_stale, area) d using (cell_id)) end
    )
  );
end
$$;
revoke all on function public.coverage_cells(jsonb, jsonb, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.coverage_cells(jsonb, jsonb, uuid, boolean) to anon, authenticated, service_role;

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
end
$$;
revoke all on function internal.coverage_add_cells(text[]) from public, anon, authenticated, service_role;

create or replace function internal.apply_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  residents_in numeric;
  residents_65plus_in numeric;
  report jsonb;
  added_cells text[];
begin
  perform internal.require_admin();
  perform internal.require_rows(p_rows, 20000);
  drop table if exists spread_cells;
  create temporary table spread_cells (cell_id text, geom geometry, residents numeric, residents_65plus numeric) on commit drop;

  with areas as (
    select position as area_no,
           -- Generalised CBS boundaries can be invalid; st_intersection would fail on them.
           st_makevalid(st_transform(st_setsrid(st_geomfromgeojson(r -> 'geometry'), 4326), 28992)) as geom,
           nullif(r ->> 'residents', '')::numeric as residents,
           nullif(r ->> 'residents_65plus', '')::numeric as residents_65plus
    from jsonb_array_elements(p_rows) with ordinality as element(r, position)
  ),
  grid as (
    select a.area_no, a.geom as area_geom, a.residents, a.residents_65plus,
           st_makeenvelope(x, y, x + 100, y + 100, 28992) as cell
    from areas a
    cross join lateral generate_series((floor(st_xmin(a.geom) / 100) * 100)::int, (floor(st_xmax(a.geom) / 100) * 100)::int, 100) x
    cross join lateral generate_series((floor(st_ymin(a.geom) / 100) * 100)::int, (floor(st_ymax(a.geom) / 100) * 100)::int, 100) y
    where st_area(a.geom) > 0
  ),
  shares as (
    select area_no, cell,
           format('E%sN%s', lpad(((st_xmin(cell) / 100)::int)::text, 4, '0'), lpad(((st_ymin(cell) / 100)::int)::text, 4, '0')) as cell_id,
           round(residents) as residents, round(residents_65plus) as residents_65plus,
           st_area(st_intersection(cell, area_geom)) / st_area(area_geom) as share
    from grid
    where st_intersects(cell, area_geom)
  ),
  -- Per area: the whole part of each cell's share, and how many residents are left to hand out.
  portions as (
    select area_no, cell, cell_id,
           residents * share as exact, floor(residents * share) as whole,
           residents - sum(floor(residents * share)) over (partition by area_no) as left_over,
           residents_65plus * share as exact_65plus, floor(residents_65plus * share) as whole_65plus,
           residents_65plus - sum(floor(residents_65plus * share)) over (partition by area_no) as left_over_65plus
    from shares
    where share > 0
  ),
  -- The cells with the largest fractions get one more, until the area's count is reached.
  ranked as (
    select *,
           row_number() over (partition by area_no order by exact - whole desc, cell_id) as turn,
           row_number() over (partition by area_no order by exact_65plus - whole_65plus desc, cell_id) as turn_65plus
    from portions
  )
  insert into spread_cells
  select cell_id, cell,
         sum(whole + case when turn <= left_over then 1 else 0 end),
         sum(whole_65plus + case when turn_65plus <= left_over_65plus then 1 else 0 end)
  from ranked
  group by cell_id, cell;

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
    'residents_spread', (select coalesce(sum(residents), 0) from spread_cells),
    'residents_65plus_spread', (select coalesce(sum(residents_65plus), 0) from spread_cells),
    -- What the cells hold after the import: cells with real grid counts keep theirs.
    'residents_landed', (select coalesce(sum(s.residents), 0) from spread_cells s
                         where not exists (select from public.population_cells p where p.cell_id = s.cell_id and not p.estimated)),
    'residents_65plus_landed', (select coalesce(sum(s.residents_65plus), 0) from spread_cells s
                                where not exists (select from public.population_cells p where p.cell_id = s.cell_id and not p.estimated)),
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

  -- One population import or coverage upkeep at a time, before any row is touched: the cells
  -- new to the table (below) stay new until this commits, and no upkeep waits on our rows.
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
  -- A cell keeps its square, so only the cells new to the table need their distances (below).
  select array_agg(s.cell_id) into added_cells from spread_cells s
  where not exists (select from public.population_cells p where p.cell_id = s.cell_id);
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
  perform internal.coverage_add_cells(added_cells);
  return report;
end
$$;
revoke all on function internal.apply_area_population(text, text, jsonb, boolean) from public, anon, authenticated, service_role;

create or replace function internal.apply_population_cells(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  errors jsonb;
  extent geometry;
  report jsonb;
  added_cells text[];
begin
  perform internal.require_admin();
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

  -- One population import or coverage upkeep at a time, before any row is touched (as above).
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
  delete from public.population_cells p
  where extent is not null and st_intersects(p.centre, extent)
    and (p.estimated or (p.source = p_source and not exists (select from grid_rows g where g.cell_id = p.cell_id)));
  -- The cells deleted just now took their distances with them (on delete cascade); a cell kept keeps its square.
  select array_agg(g.cell_id) into added_cells from grid_rows g
  where not exists (select from public.population_cells p where p.cell_id = g.cell_id);
  insert into public.population_cells as p (cell_id, geom, centre, residents, residents_65plus, estimated, source, attribution)
  select cell_id, geom, st_centroid(geom), residents, residents_65plus, false, p_source, p_attribution
  from grid_rows
  on conflict (cell_id) do update
    set residents = excluded.residents, residents_65plus = excluded.residents_65plus, estimated = false,
        source = excluded.source, attribution = excluded.attribution;

  perform internal.assign_cell_buurten();
  perform internal.coverage_add_cells(added_cells);
  return report;
end
$$;
revoke all on function internal.apply_population_cells(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
