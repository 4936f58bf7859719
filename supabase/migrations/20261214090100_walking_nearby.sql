-- "Wat is er in de buurt?" on foot (public.assets_on_foot, 15_walking.sql), with
-- internal.walk_spread taking a bound, so a search from a spot goes only as far
-- as asked. After a review: a cell on the network that no place reaches within
-- 2 km on foot is farther than coverage reaches, no longer the straight line
-- × 1.4 (only cells off the network are); walk_estimated says only that; a loop
-- makes no node; a removed place's re-seeding looks only at places near its nodes.

drop function internal.walk_spread(boolean);


-- A bounded multi-source shortest-path search, set-based: the temporary table
-- walk_found holds the seeds (target, node, distance, source asset) and ends
-- holding every node within reach at its shortest distance per target, with
-- the asset it comes from. Each round relaxes the
-- edges of the nodes that improved in the round before, in one statement, so a
-- search costs as many statements as the longest path within reach has edges.
-- Only nodes that improve go on, so it ends; a distance found is the minimum
-- over every path of edges, as Bellman–Ford's. With p_beyond_kept, a node the
-- kept distances (walk_reach) already reach as near is not entered: nothing
-- past it can come nearer through it, so one new place searches only the
-- stretch it is nearest to (a town's new place: 1 of 300, not the whole 2 km).
-- p_bound: how far to search (default: as far as coverage reaches).
create function internal.walk_spread(p_beyond_kept boolean default false, p_bound double precision default null)
returns int
language plpgsql volatile
set search_path = public, extensions
-- The frontier is a temporary table without statistics: PostgreSQL guesses it
-- large, the round's cost passes jit_above_cost, and each of some 80 rounds
-- spent 130 ms compiling a plan that ran in 0.2 ms (1.5 s for one new place in
-- a town, against 63 ms on PGlite, which has no JIT).
set jit = off
as $$
declare
  rounds int := 0;
  improved int;
begin
  create temporary table if not exists walk_frontier (target text, node_id bigint, distance_m double precision, asset_id uuid) on commit drop;
  create temporary table if not exists walk_next (target text, node_id bigint, distance_m double precision, asset_id uuid) on commit drop;
  delete from walk_frontier;
  insert into walk_frontier select target, node_id, distance_m, asset_id from walk_found;
  loop
    delete from walk_next;
    with relaxed as (
      -- Per node the nearest offer, with the asset it comes from.
      select distinct on (f.target, e.to_node) f.target, e.to_node as node_id, f.distance_m + e.length_m as distance_m, f.asset_id
      from walk_frontier f
      join internal.walk_edges e on e.from_node = f.node_id
      where f.distance_m + e.length_m <= coalesce(p_bound, internal.coverage_max_distance())
        and not (p_beyond_kept and exists (
          select from internal.walk_reach r
          where r.target = f.target and r.node_id = e.to_node and r.distance_m <= f.distance_m + e.length_m))
      order by f.target, e.to_node, f.distance_m + e.length_m
    ),
    kept as (
      insert into walk_found as w (target, node_id, distance_m, asset_id)
      select target, node_id, distance_m, asset_id from relaxed
      on conflict (target, node_id) do update set distance_m = excluded.distance_m, asset_id = excluded.asset_id
        where excluded.distance_m < w.distance_m
      returning w.target, w.node_id, w.distance_m, w.asset_id
    )
    insert into walk_next select target, node_id, distance_m, asset_id from kept;
    get diagnostics improved = row_count;
    exit when improved = 0;
    rounds := rounds + 1;
    delete from walk_frontier;
    insert into walk_frontier select target, node_id, distance_m, asset_id from walk_next;
  end loop;
  return rounds;
end
$$;
revoke all on function internal.walk_spread(boolean, double precision) from public, anon, authenticated, service_role;

-- A cell's walking distance from what is kept: the straight line to the nearest
-- place, the cell's access stretch, and its access node's network distance. Off
-- the network (no access node): the straight line times the detour factor. On
-- it, but no place within reach on foot: null. Farther than coverage reaches is
-- null, as in the straight-line figures.
create or replace function internal.walk_distance(p_straight double precision, p_access double precision, p_network double precision)
returns double precision
language sql immutable
as $$
  select case when walked <= internal.coverage_max_distance() then walked end
  from (select case
    when p_straight is null then null
    when p_access is null then round((p_straight * internal.walk_detour_factor())::numeric, 2)::double precision
    when p_network is null then null
    else greatest(p_straight, round((p_network + p_access)::numeric, 2)::double precision)
  end as walked) w
$$;
revoke all on function internal.walk_distance(double precision, double precision, double precision) from public, anon, authenticated, service_role;
grant execute on function internal.walk_distance(double precision, double precision, double precision) to anon, authenticated, service_role;

-- Rows: [{row, line: [[lon, lat], …]}], each a stretch between two places where
-- lines meet or end. Nodes are made at both ends (the same position to the
-- centimetre is the same node), edges both ways with the line's length in RD New.
-- A network adds to what is there; the distances are then found again for every
-- cell and target, in the same transaction, under the coverage upkeep lock.
create or replace function internal.apply_walk_network(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  errors jsonb;
  report jsonb;
begin
  perform internal.require_admin();
  perform internal.require_rows(p_rows, 200000);
  if p_source is null or length(p_source) not between 1 and 200 or length(p_attribution) > 500 then
    raise exception using errcode = 'WKARG', message = 'a source of 1 to 200 characters and an attribution of at most 500', detail = 'source';
  end if;
  drop table if exists walk_rows;
  create temporary table walk_rows on commit drop as
  select coalesce((r ->> 'row')::int, position::int) as row_no, r -> 'line' as line
  from jsonb_array_elements(p_rows) with ordinality as element(r, position);

  select jsonb_agg(internal.row_error(row_no, 'WKGEO', 'a line needs 2 to 5000 positions [longitude, latitude] in range', null) order by row_no)
    into errors
  from walk_rows
  -- CASE, not OR: PostgreSQL may evaluate either side of an OR first.
  where case
    when jsonb_typeof(line) is distinct from 'array' then true
    when jsonb_array_length(line) not between 2 and 5000 then true
    else exists (select from jsonb_array_elements(line) p where case
      when jsonb_typeof(p) <> 'array' then true
      when jsonb_array_length(p) < 2 or jsonb_typeof(p -> 0) <> 'number' or jsonb_typeof(p -> 1) <> 'number' then true
      else abs((p ->> 0)::numeric) > 180 or abs((p ->> 1)::numeric) > 90 end)
  end;
  perform internal.finish_import(coalesce(errors, '[]'), jsonb_array_length(p_rows), '{}', false);

  alter table walk_rows add column geom geometry, add column from_x bigint, add column from_y bigint,
    add column to_x bigint, add column to_y bigint, add column length_m double precision;
  update walk_rows set geom = st_transform(st_setsrid(st_makeline(array(
    select st_makepoint((p ->> 0)::double precision, (p ->> 1)::double precision)
    from jsonb_array_elements(line) with ordinality as v(p, i) order by i)), 4326), 28992);
  update walk_rows set from_x = round(st_x(st_startpoint(geom)) * 100), from_y = round(st_y(st_startpoint(geom)) * 100),
                       to_x = round(st_x(st_endpoint(geom)) * 100), to_y = round(st_y(st_endpoint(geom)) * 100),
                       length_m = round(st_length(geom)::numeric, 2)::double precision;

  report := internal.import_report((
    select coalesce(jsonb_agg(jsonb_build_object('row', w.row_no, 'action',
             case when (w.from_x, w.from_y) = (w.to_x, w.to_y) then 'skip_loop'
                  when e.length_m is not null and e.length_m <= w.length_m then 'unchanged'
                  when e.length_m is not null then 'update'
                  else 'add' end) order by w.row_no), '[]')
    from walk_rows w
    left join internal.walk_nodes a on (a.x_cm, a.y_cm) = (w.from_x, w.from_y)
    left join internal.walk_nodes b on (b.x_cm, b.y_cm) = (w.to_x, w.to_y)
    left join internal.walk_edges e on e.from_node = a.node_id and e.to_node = b.node_id), p_dry_run)
    || jsonb_build_object('network_km', (select round((coalesce(sum(length_m), 0) / 1000)::numeric, 2) from walk_rows));
  if p_dry_run then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
  end if;

  -- One import or coverage upkeep at a time, before any row is touched.
  perform pg_advisory_xact_lock(hashtext('wijkkracht.coverage_upkeep'));
  -- A loop (both ends one spot) makes no node: alone, it could become a cell's access to nowhere.
  insert into internal.walk_nodes (x_cm, y_cm, geom)
  select distinct x, y, st_setsrid(st_makepoint(x / 100.0, y / 100.0), 28992)
  from walk_rows, lateral (values (from_x, from_y), (to_x, to_y)) as ends(x, y)
  where (from_x, from_y) <> (to_x, to_y)
  on conflict (x_cm, y_cm) do nothing;
  -- Two lines between the same two nodes: the shorter is the way anyone walks.
  insert into internal.walk_edges as e (from_node, to_node, length_m)
  select a, b, min(length_m) from (
    select a.node_id as a, b.node_id as b, w.length_m
    from walk_rows w
    join internal.walk_nodes a on (a.x_cm, a.y_cm) = (w.from_x, w.from_y)
    join internal.walk_nodes b on (b.x_cm, b.y_cm) = (w.to_x, w.to_y)
    where a.node_id <> b.node_id
    union all
    select b.node_id, a.node_id, w.length_m
    from walk_rows w
    join internal.walk_nodes a on (a.x_cm, a.y_cm) = (w.from_x, w.from_y)
    join internal.walk_nodes b on (b.x_cm, b.y_cm) = (w.to_x, w.to_y)
    where a.node_id <> b.node_id) both_ways
  group by a, b
  on conflict (from_node, to_node) do update set length_m = excluded.length_m where excluded.length_m < e.length_m;
  insert into public.walk_networks as n (source, attribution, lines)
  values (p_source, p_attribution, jsonb_array_length(p_rows))
  on conflict (source) do update set attribution = excluded.attribution, lines = excluded.lines, imported_at = now();

  perform internal.walk_access_cells(null);
  perform internal.walk_recompute(null);
  return report;
end
$$;
revoke all on function internal.apply_walk_network(text, text, jsonb, boolean) from public, anon, authenticated, service_role;

-- An asset no longer counted (archived, moved, another kind): the nodes it was
-- nearest to look again. Every other node keeps its distance, which came from a
-- place still counted. A search runs into the orphaned nodes only: from the
-- kept nodes next to them, and from the seeds of places still counted that lie
-- among them. Whatever the new nearest path to an orphaned node is, its last
-- stretch enters the orphaned nodes from one of those.
create or replace function internal.walk_remove(p_asset_id uuid)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  if not exists (select from internal.walk_nodes) then
    return;
  end if;
  create temporary table if not exists walk_orphans (target text, node_id bigint, primary key (target, node_id)) on commit drop;
  delete from walk_orphans;
  with gone as (delete from internal.walk_reach where asset_id = p_asset_id returning target, node_id)
  insert into walk_orphans select target, node_id from gone;
  if not found then
    return;
  end if;
  perform internal.walk_start_search();
  insert into walk_found (target, node_id, distance_m, asset_id)
  select distinct on (r.target, r.node_id) r.target, r.node_id, r.distance_m, r.asset_id
  from walk_orphans o
  join internal.walk_edges e on e.to_node = o.node_id
  join internal.walk_reach r on r.target = o.target and r.node_id = e.from_node
  order by r.target, r.node_id;
  -- Only places near the orphaned nodes can join the network among them: a seed
  -- lies within the access radius, or counts its stretch times the detour factor
  -- within reach (2 000 / 1.4 m). Without this, every place of the town looked.
  insert into walk_found as w (target, node_id, distance_m, asset_id)
  select distinct on (t.target, s.node_id) t.target, s.node_id, s.distance_m, a.asset_id
  from internal.coverage_assets a
  cross join lateral unnest(a.targets) as t(target)
  cross join lateral internal.walk_seeds(a.geom) s
  join walk_orphans o on o.target = t.target and o.node_id = s.node_id
  where a.asset_id <> p_asset_id and t.target in (select target from walk_orphans)
    and st_dwithin(a.geom, (select st_convexhull(st_collect(n.geom))
                            from internal.walk_nodes n where n.node_id in (select node_id from walk_orphans)),
                   greatest(internal.walk_access_radius(), internal.coverage_max_distance() / internal.walk_detour_factor()))
    and s.distance_m <= internal.coverage_max_distance()
  order by t.target, s.node_id, s.distance_m
  on conflict (target, node_id) do update set distance_m = excluded.distance_m, asset_id = excluded.asset_id
    where excluded.distance_m < w.distance_m;
  perform internal.walk_spread(true);
  perform internal.walk_keep_found();
end
$$;
revoke all on function internal.walk_remove(uuid) from public, anon, authenticated, service_role;

-- The places within a walk of p_meters from a spot, nearest first, as
-- assets_within gives them in a straight line (the same visibility), each with
-- its walking distance (distance_m), its straight one (straight_m), and whether
-- the walk is the straight line times the detour factor (walk_estimated: no
-- network loaded). One search from the spot, as far as asked.
-- Volatile: the search writes a temporary table.
create function public.assets_on_foot(
  p_lon double precision, p_lat double precision, p_meters double precision,
  p_category text default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '10s'
set jit = off
as $$
declare
  here geometry := st_transform(internal.point(p_lon, p_lat), 28992);
  here_geography geography := internal.point(p_lon, p_lat)::geography;
  -- Without a network every walk is the straight line times the detour factor;
  -- with one, a place the search did not reach is farther than asked.
  has_network boolean := exists (select from internal.walk_nodes);
begin
  if p_meters is null or p_meters <= 0 or p_meters > internal.coverage_max_distance() then
    raise exception using errcode = 'WKARG', message = 'distance on foot must be between 0 and 2000 metres', detail = 'meters';
  end if;
  perform internal.walk_start_search();
  insert into walk_found (target, node_id, distance_m)
  select 'spot', s.node_id, s.distance_m from internal.walk_seeds(here) s where s.distance_m <= p_meters;
  perform internal.walk_spread(false, p_meters);
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a, jsonb_build_object(
             'distance_m', round(w.walked::numeric, 1), 'straight_m', round(w.straight::numeric, 1), 'walk_estimated', w.estimated))
           order by w.walked, a.id)
    from public.assets a
    cross join lateral (select st_transform(a.geom, 28992) as rd) shape
    cross join lateral (
      select st_distance(shape.rd, here) as straight,
             (select min(f.distance_m + s.distance_m)
              from internal.walk_seeds(shape.rd) s join walk_found f on f.node_id = s.node_id) as network) d
    cross join lateral (
      select d.straight,
             case when d.network is not null then greatest(d.straight, d.network)
                  when not has_network then d.straight * internal.walk_detour_factor() end as walked,
             d.network is null as estimated) w
    where st_dwithin(a.geom::geography, here_geography, p_meters)
      and a.status <> 'archived'
      and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
      and (p_category is null or a.category = p_category)
      and w.walked <= p_meters
  ));
end
$$;
revoke all on function public.assets_on_foot(double precision, double precision, double precision, text) from public, anon, authenticated, service_role;
grant execute on function public.assets_on_foot(double precision, double precision, double precision, text) to anon, authenticated, service_role;

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
             acc.node_id, acc.access_m
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
