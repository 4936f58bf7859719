-- A population import by area (PC4, buurt, wijk) puts whole residents in the
-- 100 m cells and per area exactly its count (largest remainder), instead of
-- rounding each cell on its own; the report also says what landed in cells.
-- Same as supabase/schemas/08_population.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

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
create or replace function internal.apply_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  residents_in numeric;
  residents_65plus_in numeric;
  report jsonb;
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
