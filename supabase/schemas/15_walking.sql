-- Walking distance: coverage along the footway network instead of in a straight line.
--
-- A network is imported as lines (OpenStreetMap ways, split where they meet; see
-- src/import/formats/walkNetwork.ts). Their ends become nodes, keyed by their
-- position in RD New to the centimetre, so lines from two files that meet join.
-- Per target and node, the walking distance to the nearest counted asset is kept
-- (internal.walk_reach), found by one bounded multi-source search over the
-- edges (internal.walk_spread), and kept up to date when a place is added,
-- moved or archived, as the straight-line distances of 09_coverage.sql are.
--
-- A cell is reached through its access node, the node nearest its centre within
-- 150 m: walking distance = the node's distance + the straight stretch to the
-- centre, never less than the straight line. A cell with no node that near is
-- off the network: the straight line times the detour factor counts, and it says
-- so (estimated). A cell on the network whose node no place reaches within 2 km
-- on foot is farther than coverage reaches, however near in a straight line
-- (across water without a bridge, say).
--
-- Why one set-based search in SQL for both engines, not pgRouting: PGlite has no
-- pgRouting, and a search that relaxes a whole frontier per statement runs a few
-- dozen statements for a town's network (measured in bench/walkingSearch.ts).

------------------------------------------------------------------------------
-- Definitions
------------------------------------------------------------------------------

-- The stated detour factor: a straight stretch off the network counts this many
-- times its length. The median walking detour in central Amsterdam is 1.3–1.5.
create function internal.walk_detour_factor() returns double precision
language sql immutable as $$ select 1.4::double precision $$;
revoke all on function internal.walk_detour_factor() from public, anon, authenticated, service_role;
grant execute on function internal.walk_detour_factor() to anon, authenticated, service_role;

-- A cell centre farther than this from every node is off the network.
create function internal.walk_access_radius() returns double precision
language sql immutable as $$ select 150::double precision $$;
revoke all on function internal.walk_access_radius() from public, anon, authenticated, service_role;
grant execute on function internal.walk_access_radius() to anon, authenticated, service_role;

-- A cell's walking distance from what is kept: the straight line to the nearest
-- place, the cell's access stretch, and its access node's network distance. Off
-- the network (no access node): the straight line times the detour factor. On
-- it, but no place within reach on foot: null. Farther than coverage reaches is
-- null, as in the straight-line figures.
create function internal.walk_distance(p_straight double precision, p_access double precision, p_network double precision)
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

------------------------------------------------------------------------------
-- The network and what is kept about it
------------------------------------------------------------------------------

-- Which networks were imported, for the credit (OpenStreetMap is ODbL) and the planner's note.
create table public.walk_networks (
  source text primary key check (length(source) between 1 and 200),
  attribution text check (length(attribution) <= 500),
  lines int not null check (lines >= 0),
  imported_at timestamptz not null default now()
);
alter table public.walk_networks enable row level security;
create policy "Everyone can read which networks there are" on public.walk_networks
  for select to anon, authenticated using (true);
revoke all on public.walk_networks from anon, authenticated;
grant select on public.walk_networks to anon, authenticated;
grant all on public.walk_networks to service_role;

-- Where lines end or meet, keyed by the position in RD New to the centimetre.
create table internal.walk_nodes (
  node_id bigint generated always as identity primary key,
  x_cm bigint not null,
  y_cm bigint not null,
  geom extensions.geometry(Point, 28992) not null,
  unique (x_cm, y_cm)
);
create index walk_nodes_geom_idx on internal.walk_nodes using gist (geom);

-- Both directions of every line: on foot a one-way street is two-way.
create table internal.walk_edges (
  from_node bigint not null references internal.walk_nodes (node_id) on delete cascade,
  to_node bigint not null references internal.walk_nodes (node_id) on delete cascade,
  length_m double precision not null check (length_m >= 0),
  primary key (from_node, to_node)
);

-- Per target and node within reach: the walking distance to the nearest counted
-- asset, and which one, so that when it goes only its nodes look again.
create table internal.walk_reach (
  target text not null,
  node_id bigint not null references internal.walk_nodes (node_id) on delete cascade,
  distance_m double precision not null,
  asset_id uuid not null,
  primary key (target, node_id)
);
create index walk_reach_asset_idx on internal.walk_reach (asset_id);

-- Per cell on the network: its access node and the straight stretch to its centre.
create table internal.walk_cell_access (
  cell_id text primary key references public.population_cells (cell_id) on delete cascade,
  node_id bigint not null references internal.walk_nodes (node_id) on delete cascade,
  access_m double precision not null
);

-- As cell_nearest: the kept distances are derived from public data, so the
-- invoker-rights coverage_cells reads them; nodes and edges no API role reads.
alter table internal.walk_nodes enable row level security;
alter table internal.walk_edges enable row level security;
alter table internal.walk_reach enable row level security;
alter table internal.walk_cell_access enable row level security;
create policy "Everyone can read the kept walking distances" on internal.walk_reach
  for select to anon, authenticated using (true);
create policy "Everyone can read the cells' access to the network" on internal.walk_cell_access
  for select to anon, authenticated using (true);
revoke all on internal.walk_nodes, internal.walk_edges, internal.walk_reach, internal.walk_cell_access
  from public, anon, authenticated;
grant select on internal.walk_reach, internal.walk_cell_access to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- The search
------------------------------------------------------------------------------

-- Where a place joins the network: every node within 30 m of it (a park's
-- paths, a route's own nodes), else its nearest node; a stretch longer than
-- the access radius counts times the detour factor.
create function internal.walk_seeds(p_geom extensions.geometry)
returns table (node_id bigint, distance_m double precision)
language sql stable
set search_path = public, extensions
as $$
  with near as (
    select n.node_id, st_distance(n.geom, p_geom) as d
    from internal.walk_nodes n where st_dwithin(n.geom, p_geom, 30)
  ),
  joined as (
    select near.node_id, near.d from near
    union all
    select * from (
      select n.node_id, st_distance(n.geom, p_geom) as d
      from internal.walk_nodes n
      where not exists (select from near)
      order by n.geom <-> p_geom
      limit 1) nearest
  )
  select joined.node_id,
         case when joined.d <= internal.walk_access_radius() then joined.d
              else joined.d * internal.walk_detour_factor() end
  from joined
$$;
revoke all on function internal.walk_seeds(extensions.geometry) from public, anon, authenticated, service_role;

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

-- An empty walk_found to put seeds in.
create function internal.walk_start_search()
returns void
language plpgsql volatile
as $$
begin
  create temporary table if not exists walk_found (
    target text, node_id bigint, distance_m double precision, asset_id uuid, primary key (target, node_id)
  ) on commit drop;
  delete from walk_found;
end
$$;
revoke all on function internal.walk_start_search() from public, anon, authenticated, service_role;

-- Seeds for the counted assets of some targets (each at its nearest node's best distance).
create function internal.walk_seed_assets(p_targets text[], p_without_stale boolean)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  insert into walk_found (target, node_id, distance_m, asset_id)
  select distinct on (t.target, s.node_id) t.target, s.node_id, s.distance_m, a.asset_id
  from internal.coverage_assets a
  cross join lateral unnest(a.targets) as t(target)
  cross join lateral internal.walk_seeds(a.geom) s
  where t.target = any (p_targets)
    and (not coalesce(p_without_stale, false) or not exists (
      select from public.assets pa
      left join public.werkgebieden w on w.id = pa.werkgebied_id
      where pa.id = a.asset_id and internal.is_stale(pa.confirmed_at, w.stale_after_months)))
    and s.distance_m <= internal.coverage_max_distance()
  order by t.target, s.node_id, s.distance_m
  on conflict (target, node_id) do update set distance_m = excluded.distance_m, asset_id = excluded.asset_id
    where excluded.distance_m < walk_found.distance_m;
end
$$;
revoke all on function internal.walk_seed_assets(text[], boolean) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Keeping the distances up to date
------------------------------------------------------------------------------

-- Every target's distances from scratch, or some targets' (after an import's
-- places, one search for all of them).
create function internal.walk_recompute(p_targets text[] default null)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  targets text[] := coalesce(p_targets, array(select distinct unnest(targets) from internal.coverage_assets));
begin
  if not exists (select from internal.walk_nodes) then
    return;
  end if;
  delete from internal.walk_reach where p_targets is null or target = any (targets);
  perform internal.walk_start_search();
  perform internal.walk_seed_assets(targets, false);
  perform internal.walk_spread();
  insert into internal.walk_reach (target, node_id, distance_m, asset_id)
  select target, node_id, distance_m, asset_id from walk_found;
end
$$;
revoke all on function internal.walk_recompute(text[]) from public, anon, authenticated, service_role;

-- A newly counted asset: a search from it alone, kept where it is nearer than
-- what was kept (the nearest of a set is the nearer of the old set's and the new one's).
create function internal.walk_add(p_asset_id uuid, p_geom extensions.geometry, p_targets text[])
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  if not exists (select from internal.walk_nodes) then
    return;
  end if;
  perform internal.walk_start_search();
  insert into walk_found (target, node_id, distance_m, asset_id)
  select t.target, s.node_id, s.distance_m, p_asset_id
  from internal.walk_seeds(p_geom) s cross join unnest(p_targets) as t(target)
  where s.distance_m <= internal.coverage_max_distance()
    and not exists (select from internal.walk_reach r
                    where r.target = t.target and r.node_id = s.node_id and r.distance_m <= s.distance_m);
  perform internal.walk_spread(true);
  perform internal.walk_keep_found();
end
$$;
revoke all on function internal.walk_add(uuid, extensions.geometry, text[]) from public, anon, authenticated, service_role;

-- What a search found, kept where it is nearer than what was kept.
-- PL/pgSQL: a SQL function's body is checked when it is made, before walk_found exists.
create function internal.walk_keep_found()
returns void
language plpgsql volatile
as $$
begin
  insert into internal.walk_reach as r (target, node_id, distance_m, asset_id)
  select target, node_id, distance_m, asset_id from walk_found
  on conflict (target, node_id) do update set distance_m = excluded.distance_m, asset_id = excluded.asset_id
    where excluded.distance_m < r.distance_m;
end
$$;
revoke all on function internal.walk_keep_found() from public, anon, authenticated, service_role;

-- An asset no longer counted (archived, moved, another kind): the nodes it was
-- nearest to look again. Every other node keeps its distance, which came from a
-- place still counted. A search runs into the orphaned nodes only: from the
-- kept nodes next to them, and from the seeds of places still counted that lie
-- among them. Whatever the new nearest path to an orphaned node is, its last
-- stretch enters the orphaned nodes from one of those.
create function internal.walk_remove(p_asset_id uuid)
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

-- Cells' access nodes: those given, or every cell's (null) after a network import.
create function internal.walk_access_cells(p_cell_ids text[] default null)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  if not exists (select from internal.walk_nodes) then
    return;
  end if;
  insert into internal.walk_cell_access as w (cell_id, node_id, access_m)
  select c.cell_id, nearest.node_id, round(nearest.d::numeric, 2)::double precision
  from public.population_cells c
  cross join lateral (
    select n.node_id, st_distance(n.geom, c.centre) as d
    from internal.walk_nodes n
    where st_dwithin(n.geom, c.centre, internal.walk_access_radius())
    order by n.geom <-> c.centre
    limit 1) nearest
  where p_cell_ids is null or c.cell_id = any (p_cell_ids)
  on conflict (cell_id) do update set node_id = excluded.node_id, access_m = excluded.access_m;
end
$$;
revoke all on function internal.walk_access_cells(text[]) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- A question the kept distances do not answer
------------------------------------------------------------------------------

-- Node distances for a question with "what if" candidates (target '_candidates',
-- the candidates alone) or without the places possibly gone (each target, from
-- its fresh places): searched now, nothing kept. Security definer because no API
-- role reads the network itself; it returns distances only.
create function internal.walk_search_question(p_targets text[], p_candidates jsonb, p_without_stale boolean)
returns table (target text, node_id bigint, distance_m double precision)
language plpgsql volatile
security definer
set search_path = public, extensions
as $$
begin
  if not exists (select from internal.walk_nodes) then
    return;
  end if;
  perform internal.walk_start_search();
  if coalesce(p_without_stale, false) then
    perform internal.walk_seed_assets(p_targets, true);
  end if;
  insert into walk_found (target, node_id, distance_m)
  select '_candidates', s.node_id, min(s.distance_m)
  from jsonb_array_elements(coalesce(p_candidates, '[]')) candidate
  cross join lateral internal.walk_seeds(st_transform(st_setsrid(st_geomfromgeojson(candidate), 4326), 28992)) s
  where s.distance_m <= internal.coverage_max_distance()
  group by s.node_id;
  perform internal.walk_spread();
  return query select f.target, f.node_id, f.distance_m from walk_found f;
end
$$;
revoke all on function internal.walk_search_question(text[], jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.walk_search_question(text[], jsonb, boolean) to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Import
------------------------------------------------------------------------------

-- Rows: [{row, line: [[lon, lat], …]}], each a stretch between two places where
-- lines meet or end. Nodes are made at both ends (the same position to the
-- centimetre is the same node), edges both ways with the line's length in RD New.
-- A network adds to what is there; the distances are then found again for every
-- cell and target, in the same transaction, under the coverage upkeep lock.
create function internal.apply_walk_network(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
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

create function public.import_walk_network(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
-- A city's network is tens of thousands of lines, and every distance is found again.
set statement_timeout = '300s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_walk_network(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_walk_network(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_walk_network(text, text, jsonb, boolean) to authenticated, service_role;

-- What the planner says about walking: whether there is a network, and whose.
create function public.walk_network_summary()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
  select jsonb_build_object(
    'nodes', (select count(*) from internal.walk_nodes),
    'edges', (select count(*) / 2 from internal.walk_edges),
    'network_km', (select round((coalesce(sum(length_m), 0) / 2000)::numeric, 2) from internal.walk_edges),
    'cells_on_network', (select count(*) from internal.walk_cell_access),
    'attributions', coalesce((select jsonb_agg(distinct attribution) from public.walk_networks where attribution is not null), '[]'),
    'detour_factor', internal.walk_detour_factor(),
    'access_radius_m', internal.walk_access_radius()
  )
$$;
revoke all on function public.walk_network_summary() from public, anon, authenticated, service_role;
grant execute on function public.walk_network_summary() to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- "Wat is er in de buurt?" on foot
------------------------------------------------------------------------------

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
