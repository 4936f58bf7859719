-- Dasymetric spreading (08_population.sql): population weights (dwellings,
-- buildings, addresses) that an area's residents follow instead of its area, and
-- each estimated cell says how it was spread.

alter table public.population_cells add column spreading text check (spreading in ('area', 'weights'));
-- Every estimated cell so far was spread by area.
update public.population_cells set spreading = 'area' where estimated;

-- What people's homes follow, where it is known: dwellings per wijk from CBS's
-- key figures, buildings or addresses from OpenStreetMap or the BAG. A weight
-- is a polygon's (spread over it evenly) or a point's. An area's residents go
-- to its cells in proportion to the weight in each (dasymetric); an area with no
-- weight in it is spread by area as before. Public data, like the areas.
create table public.population_weights (
  id bigint generated always as identity primary key,
  source text not null check (length(source) between 1 and 200),
  geom extensions.geometry(Geometry, 28992) not null
    check (extensions.geometrytype(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON')),
  weight numeric not null check (weight >= 0),
  attribution text check (length(attribution) <= 300)
);
create index population_weights_geom_idx on public.population_weights using gist (geom);
alter table public.population_weights enable row level security;
create policy "Everyone can read population weights" on public.population_weights
  for select to anon, authenticated using (true);
revoke all on public.population_weights from anon, authenticated;
grant select on public.population_weights to anon, authenticated;
revoke all on sequence public.population_weights_id_seq from anon, authenticated;
grant all on public.population_weights to service_role;

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
  create temporary table spread_cells (cell_id text, geom geometry, residents numeric, residents_65plus numeric, by_weight boolean) on commit drop;

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
  pieces as (
    select area_no, cell, area_geom, residents, residents_65plus, st_intersection(cell, area_geom) as piece
    from grid
    where st_intersects(cell, area_geom)
  ),
  -- The weight in each piece of the area: a point's whole; a polygon's by its density (weight per m²)
  -- at a point inside the piece, times the piece's area (a piece across a polygon's edge takes the
  -- density of one side: at 100 m that is what the weights can say).
  weighted as (
    select p.area_no, p.cell, p.area_geom, p.residents, p.residents_65plus, p.piece,
           -- Two plain st_intersects, so each uses the weights' spatial index.
           coalesce((select sum(w.weight) from public.population_weights w
                     where st_intersects(w.geom, p.piece) and geometrytype(w.geom) = 'POINT'), 0)
           + coalesce((select sum(w.weight / nullif(st_area(w.geom), 0)) from public.population_weights w
                       where st_intersects(w.geom, p.inside) and geometrytype(w.geom) <> 'POINT'), 0) * st_area(p.piece) as weight
    from (select pieces.*, st_pointonsurface(piece) as inside from pieces) p
  ),
  shares as (
    select area_no, cell,
           format('E%sN%s', lpad(((st_xmin(cell) / 100)::int)::text, 4, '0'), lpad(((st_ymin(cell) / 100)::int)::text, 4, '0')) as cell_id,
           round(residents) as residents, round(residents_65plus) as residents_65plus,
           -- By weight where the area holds any; by area where it holds none.
           case when sum(weight) over (partition by area_no) > 0 then weight / sum(weight) over (partition by area_no)
                else st_area(piece) / st_area(area_geom) end as share,
           sum(weight) over (partition by area_no) > 0 as by_weight
    from weighted
  ),
  -- Per area: the whole part of each cell's share, and how many residents are left to hand out.
  portions as (
    select area_no, cell, cell_id, by_weight,
           residents * share as exact, floor(residents * share) as whole,
           residents - sum(floor(residents * share)) over (partition by area_no) as left_over,
           residents_65plus * share as exact_65plus, floor(residents_65plus * share) as whole_65plus,
           residents_65plus - sum(floor(residents_65plus * share)) over (partition by area_no) as left_over_65plus
    from shares
    -- By weight, every cell of the area, also one its weights give nobody: spread again, it must lose what it had.
    where share > 0 or by_weight
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
         sum(whole_65plus + case when turn_65plus <= left_over_65plus then 1 else 0 end),
         bool_or(by_weight)
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
  insert into public.population_cells as p (cell_id, geom, centre, residents, residents_65plus, estimated, spreading, source, attribution)
  select cell_id, geom, st_centroid(geom), round(residents)::int, round(residents_65plus)::int, true,
         case when by_weight then 'weights' else 'area' end, p_source, p_attribution
  from spread_cells
  on conflict (cell_id) do update
    set residents = excluded.residents, residents_65plus = excluded.residents_65plus, spreading = excluded.spreading,
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

-- Population weights (dwellings, buildings, addresses) from rows {row, geometry
-- (WGS84 GeoJSON point or polygon), weight}: those of p_source are replaced,
-- and every area loaded as population is spread again from what was published
-- (public.area_population), in the order it came, so its cells follow the
-- weights at once. Administrators only; a dry run writes nothing.
create function public.import_population_weights(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '120s'
as $$
declare
  report jsonb;
  area_source record;
  residents_before bigint;
  respread int := 0;
  dry_run_report text;
begin
  perform internal.require_admin();
  perform internal.require_rows(p_rows, 200000);
  if p_source is null or length(p_source) not between 1 and 200 then
    raise exception using errcode = 'WKARG', message = 'a source of 1 to 200 characters', detail = 'source';
  end if;
  if exists (select 1 from jsonb_array_elements(p_rows) r
             where jsonb_typeof(r -> 'weight') <> 'number' or (r ->> 'weight')::numeric < 0
                or jsonb_typeof(r -> 'geometry') <> 'object'
                or r -> 'geometry' ->> 'type' not in ('Point', 'Polygon', 'MultiPolygon')) then
    raise exception using errcode = 'WKARG', message = 'every row needs a point or area and a weight of 0 or more', detail = 'weights';
  end if;
  select coalesce(sum(residents), 0) into residents_before from public.population_cells;

  delete from public.population_weights w where w.source = p_source;
  insert into public.population_weights (source, geom, weight, attribution)
  -- An area is kept as its polygons only: repairing a broken ring may leave lines or points beside them.
  -- One smaller than a 100 m cell (a building) is kept as a point inside it: the spreading reads a
  -- polygon's density at one point of each piece of a cell, which would miss most buildings.
  select p_source,
         case when r -> 'geometry' ->> 'type' = 'Point' then g
              when st_area(g) < 10000 then st_pointonsurface(st_makevalid(g))
              else st_multi(st_collectionextract(st_makevalid(g), 3)) end,
         (r ->> 'weight')::numeric,
         internal.optional_text(p_attribution, 'attribution', 300)
  from jsonb_array_elements(p_rows) r,
       lateral (select st_transform(st_setsrid(st_geomfromgeojson(r -> 'geometry'), 4326), 28992) as g) shape;

  for area_source in
    select source, min(attribution) as attribution, min(imported_at) as first_imported,
           jsonb_agg(jsonb_build_object('code', code, 'name', name, 'geometry', st_asgeojson(geom)::jsonb,
                                        'residents', residents, 'residents_65plus', residents_65plus, 'age_bands', age_bands)) as rows
    from public.area_population group by source order by min(imported_at), source
  loop
    perform internal.apply_area_population(area_source.source, area_source.attribution, area_source.rows, false);
    respread := respread + 1;
  end loop;

  -- An import report (added: the weights), with what the spreading did beside it.
  report := jsonb_build_object(
    'dry_run', coalesce(p_dry_run, false),
    'added', jsonb_array_length(p_rows), 'updated', 0, 'unchanged', 0, 'skipped', 0,
    'rows', coalesce((select jsonb_agg(jsonb_build_object('row', r -> 'row', 'action', 'add')) from jsonb_array_elements(p_rows) r), '[]'),
    'weight_total', (select coalesce(sum(weight), 0) from public.population_weights w where w.source = p_source),
    'sources_respread', respread,
    'cells_by_weights', (select count(*) from public.population_cells where spreading = 'weights'),
    'residents_before', residents_before,
    'residents_after', (select coalesce(sum(residents), 0) from public.population_cells));
  if coalesce(p_dry_run, false) then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
  end if;
  return report;
exception when sqlstate 'WKDRY' then
  -- The block's writes are undone; its report is what the write would say.
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_population_weights(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_population_weights(text, text, jsonb, boolean) to authenticated, service_role;

create or replace function public.population_summary()
returns jsonb
language sql stable
set search_path = public
set statement_timeout = '5s'
as $$
  select jsonb_build_object(
    'cells', count(*),
    'cells_estimated', count(*) filter (where estimated),
    'cells_by_weights', count(*) filter (where spreading = 'weights'),
    'cells_unknown', count(*) filter (where residents is null),
    'residents', coalesce(sum(residents), 0),
    'residents_65plus', coalesce(sum(residents_65plus), 0),
    'attributions', coalesce((select jsonb_agg(distinct attribution) from public.population_cells where attribution is not null), '[]')
  )
  from public.population_cells
$$;

-- Snapshots name the spreading too (16_snapshots.sql).
-- How the figures were made, for the dashboard's note and the export.
create or replace function internal.snapshot_method(p_area extensions.geometry) returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'step_m', 50,
    'max_m', internal.coverage_max_distance(),
    -- Straight: from a cell's centre to the nearest published place. On foot: along the networks below.
    'places', 'published',
    'population', coalesce((
      select jsonb_agg(jsonb_build_object('source', source, 'attribution', attribution,
                                          'spreading', case when spreading = 'weights' then 'dasymetric'
                                                            when estimated then 'areal_weighting' else 'cbs_cells' end,
                                          'cells', cells) order by source, estimated, spreading)
      from (select c.source, c.attribution, c.estimated, c.spreading, count(*) as cells
            from public.population_cells c where st_intersects(p_area, c.centre)
            group by c.source, c.attribution, c.estimated, c.spreading) sources), '[]'),
    'walking', jsonb_build_object(
      'detour_factor', internal.walk_detour_factor(),
      'networks', coalesce((select jsonb_agg(jsonb_build_object('source', n.source, 'attribution', n.attribution, 'imported_at', n.imported_at)
                                             order by n.source) from public.walk_networks n), '[]'))
  )
$$;


-- The planner says how many of its cells follow the weights (09_coverage.sql).
create or replace function public.coverage_cells(
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
