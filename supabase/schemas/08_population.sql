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
  attribution text,
  -- How an estimated cell got its people (null: counted per cell by CBS): 'area' by
  -- areal weighting, 'weights' by the population weights (dasymetric, below).
  spreading text check (spreading in ('area', 'weights'))
);
create index population_cells_centre_idx on public.population_cells using gist (centre);
create index population_cells_buurt_idx on public.population_cells (buurt_code);

alter table public.population_cells enable row level security;
create policy "Everyone can read population cells" on public.population_cells
  for select to anon, authenticated using (true);
revoke all on public.population_cells from anon, authenticated;
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
revoke all on public.area_population from anon, authenticated;
grant select on public.area_population to anon, authenticated;
grant all on public.area_population to service_role;

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


-- Rows: [{row, code, name, geometry (WGS84 Polygon/MultiPolygon), residents, residents_65plus, age_bands?}].
-- The rows are kept in area_population; each area's counts are spread over
-- the 100 m cells it covers, in proportion to the part of the area in each
-- cell; those cells are marked `estimated`.
-- Cells with real grid counts (estimated = false) are left as they are.
-- Whole residents per cell, and per area exactly its count: each area's
-- count is split over its cells by largest remainder (every cell gets the
-- whole part of its share, the cells with the largest fractions one more
-- until the area's count is reached), then a cell adds up what it got from
-- each area. Rounding each cell on its own added 1 804 residents (+1.8 %)
-- and 1 937 aged 65+ (+10.4 %) in Deventer, and gave a sparse area nobody.
-- The report gives the counts that came in and those that landed in cells
-- (less where cells with real grid counts keep theirs), side by side.
create function internal.apply_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
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
           -- A point in one cell only: one on a grid line belongs to the cell east or north of it.
           coalesce((select sum(w.weight) from public.population_weights w
                     where st_intersects(w.geom, p.piece) and geometrytype(w.geom) = 'POINT'
                       and st_x(w.geom) >= st_xmin(p.cell) and st_x(w.geom) < st_xmax(p.cell)
                       and st_y(w.geom) >= st_ymin(p.cell) and st_y(w.geom) < st_ymax(p.cell)), 0)
           + coalesce((select sum(w.weight / nullif(st_area(w.geom), 0)) from public.population_weights w
                       where st_intersects(w.geom, p.inside) and geometrytype(w.geom) <> 'POINT'), 0) * st_area(p.piece) as weight
    -- A piece without area (the area only touches the cell) holds nobody.
    from (select pieces.*, st_pointonsurface(piece) as inside from pieces where st_area(piece) > 0) p
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

-- A CBS wijk or buurt file with key figures (kerncijfers wijken en buurten):
-- the areas and their residents in one transaction. The boundaries are written
-- as import_areas writes them, the residents spread as import_area_population
-- spreads them; a refused row refuses both. A dry run writes both and rolls
-- back, so its report is what the write would say. The report's rows and
-- counts are the areas'; the residents in, spread and landed are the
-- population's, with the cells it adds and changes beside them.
create function public.import_areas_with_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  areas jsonb;
  population jsonb;
  report jsonb;
  dry_run_report text;
begin
  perform internal.require_admin();
  begin
    areas := internal.apply_area_import(p_source, p_attribution, p_rows, false);
    population := internal.apply_area_population(p_source, p_attribution, p_rows, false);
    report := (population - 'rows') || jsonb_build_object(
      'dry_run', coalesce(p_dry_run, false),
      -- The other key figures (18_key_figures.sql), for the map.
      'key_figures', internal.apply_area_key_figures(p_source, p_attribution, p_rows),
      'rows', areas -> 'rows',
      'added', areas -> 'added',
      'updated', areas -> 'updated',
      'unchanged', areas -> 'unchanged',
      'skipped', areas -> 'skipped',
      'cells_added', population -> 'added',
      'cells_updated', population -> 'updated',
      'cells_unchanged', population -> 'unchanged');
    if coalesce(p_dry_run, false) then
      raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
    end if;
    return report;
  exception when sqlstate 'WKDRY' then
    -- Leaving the block by this exception rolls back what it wrote.
    get stacked diagnostics dry_run_report = pg_exception_detail;
    return dry_run_report::jsonb;
  end;
end
$$;
revoke all on function public.import_areas_with_population(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_areas_with_population(text, text, jsonb, boolean) to authenticated, service_role;

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
  -- `is not true`: a row without a weight or a shape is refused too, not let through as null.
  if exists (select 1 from jsonb_array_elements(p_rows) r
             where (jsonb_typeof(r -> 'weight') = 'number' and (r ->> 'weight')::numeric between 0 and 1000000
                    and jsonb_typeof(r -> 'geometry') = 'object'
                    and r -> 'geometry' ->> 'type' in ('Point', 'Polygon', 'MultiPolygon')) is not true) then
    raise exception using errcode = 'WKARG', message = 'every row needs a point or area and a weight from 0 to 1 000 000', detail = 'weights';
  end if;
  if exists (select 1 from jsonb_array_elements(p_rows) r where st_npoints(st_geomfromgeojson(r -> 'geometry')) > 20000) then
    raise exception using errcode = 'WKARG', message = 'an area of more than 20 000 points', detail = 'weights';
  end if;
  select coalesce(sum(residents), 0) into residents_before from public.population_cells;
  -- What the spreading again must keep: which cells exist (a CBS grid left its empty squares out,
  -- and an area spread again must not fill them) and when each area came (the order decides
  -- which area a shared cell follows, and a target group's postcodes read it).
  drop table if exists pg_temp.cells_before, pg_temp.areas_before;
  create temporary table cells_before on commit drop as select cell_id from public.population_cells;
  create temporary table areas_before on commit drop as select source, code, imported_at from public.area_population;

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

  -- Each import as it came (one source and moment), in the order it came: a wijken file and a
  -- buurten file under one source were two imports, and spread together they would add up.
  for area_source in
    select source, imported_at, min(attribution) as attribution,
           jsonb_agg(jsonb_build_object('code', code, 'name', name, 'geometry', st_asgeojson(geom)::jsonb,
                                        'residents', residents, 'residents_65plus', residents_65plus, 'age_bands', age_bands)) as rows
    from public.area_population group by source, imported_at order by imported_at, source
  loop
    perform internal.apply_area_population(area_source.source, area_source.attribution, area_source.rows, false);
    respread := respread + 1;
  end loop;
  update public.area_population a set imported_at = b.imported_at
  from pg_temp.areas_before b where b.source = a.source and b.code = a.code;
  delete from public.population_cells c
  where c.estimated and not exists (select from pg_temp.cells_before b where b.cell_id = c.cell_id);

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


create function public.population_summary()
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
revoke all on function public.population_summary() from public, anon, authenticated, service_role;
grant execute on function public.population_summary() to anon, authenticated, service_role;
