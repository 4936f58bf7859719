-- After a review of the dasymetric spreading and the key figures (08_population.sql,
-- 18_key_figures.sql):
-- - weights spread each import again as it came (source and moment), keep when each area
--   came, and add no cell a CBS grid left out;
-- - a point weight counts in one cell only, a piece without area holds nobody;
-- - a row without a weight or shape is refused, a weight is at most 1 000 000, an area at
--   most 20 000 points;
-- - key figures are 0 or more (CBS's secret codes are unknown, null).
alter table public.area_key_figures drop constraint area_key_figures_value_check;
alter table public.area_key_figures add constraint area_key_figures_value_check check (value between 0 and 1e12);

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

create or replace function public.import_population_weights(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
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

create or replace function internal.apply_area_key_figures(p_source text, p_attribution text, p_rows jsonb)
returns int
language plpgsql volatile
set search_path = public
as $$
declare
  bad record;
  written int;
begin
  perform internal.require_admin();
  select coalesce((r ->> 'row')::int, position::int) as row_no, figure.key as figure
    into bad
  from jsonb_array_elements(p_rows) with ordinality as element(r, position)
  cross join lateral jsonb_each(case when jsonb_typeof(r -> 'key_figures') = 'object' then r -> 'key_figures' else '{}' end) figure
  where not (figure.key = any (internal.key_figure_names()))
     or jsonb_typeof(figure.value) not in ('number', 'null')
     -- None of the figures is below 0: CBS's codes for secret values (-99997) are unknown, null.
     or (jsonb_typeof(figure.value) = 'number' and (figure.value #>> '{}')::numeric not between 0 and 1e12)
  limit 1;
  if found then
    raise exception using errcode = 'WKARG', message = format('row %s: key figure %s is unknown or not a number', bad.row_no, bad.figure),
      detail = 'key_figures';
  end if;
  if exists (select from jsonb_array_elements(p_rows) r
             where r ? 'key_figures' and jsonb_typeof(r -> 'key_figures') not in ('object', 'null')) then
    raise exception using errcode = 'WKARG', message = 'key figures must be an object per row', detail = 'key_figures';
  end if;

  delete from public.area_key_figures k
  using jsonb_array_elements(p_rows) r
  where jsonb_typeof(r -> 'key_figures') = 'object' and k.area_code = r ->> 'code';
  insert into public.area_key_figures (area_code, figure, value, source, attribution)
  select r ->> 'code', figure.key, (figure.value #>> '{}')::numeric,
         internal.required_text(p_source, 'source', 100), internal.optional_text(p_attribution, 'attribution', 300)
  from jsonb_array_elements(p_rows) r
  cross join lateral jsonb_each(r -> 'key_figures') figure
  where jsonb_typeof(r -> 'key_figures') = 'object'
    and exists (select from public.areas a where a.code = r ->> 'code');
  get diagnostics written = row_count;
  return written;
end
$$;
