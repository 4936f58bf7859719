-- Own target groups: a programme's own people (members of a diabetes health
-- cooperative, say) as counts per postcode area (PC4, or PC6), loaded as a
-- named group of one werkgebied. Private: only that werkgebied's planners,
-- facilitators and admins see that the group exists, and even they never see
-- a count per postcode or per cell. The database gives back only figures that
-- keep people unfindable:
--   * every count is rounded to 5 (as CBS does);
--   * a count below 5 is not given at all, and neither is "within reach" when
--     fewer than 5 are within reach or fewer than 5 are not (either would show
--     a handful of people), so no difference between two given figures pins
--     down fewer than 5 people.
-- Each count is first rounded to 5 at random (import_target_group), then
-- spread over the area's 100 m cells in proportion to the residents already
-- there (members live where residents live), or evenly where none are known;
-- a PC6 without a shape is spread over its PC4. Fractions stay fractions, so
-- each area's cells add up to its rounded count; the werkgebied keeps its own.

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------

create table public.target_groups (
  id uuid primary key default gen_random_uuid(),
  werkgebied_id uuid not null references public.werkgebieden (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 100),
  created_by uuid,
  created_at timestamptz not null default now(),
  -- A new file for the same name replaces the counts.
  updated_at timestamptz not null default now(),
  unique (werkgebied_id, name)
);

-- The members per cell, spread from the postcode counts. No API role reads it.
create table internal.target_group_cells (
  group_id uuid not null references public.target_groups (id) on delete cascade,
  -- No foreign key: a population import that replaces a cell keeps its members.
  cell_id text not null,
  members numeric not null check (members >= 0),
  primary key (group_id, cell_id)
);

alter table public.target_groups enable row level security;
create policy "The werkgebied's staff see its own target groups" on public.target_groups
  for select to authenticated using (internal.has_role(werkgebied_id, '{planner,facilitator}'));
revoke all on public.target_groups from anon, authenticated;
grant select on public.target_groups to authenticated;
grant all on public.target_groups to service_role;

alter table internal.target_group_cells enable row level security;
revoke all on internal.target_group_cells from public, anon, authenticated;

------------------------------------------------------------------------------
-- What may be shown
------------------------------------------------------------------------------

-- Fewer than this many people are never shown.
create function internal.private_count_threshold() returns int
language sql immutable as $$ select 5 $$;
revoke all on function internal.private_count_threshold() from public, anon, authenticated, service_role;

-- A count as it may be shown: rounded to 5, or null below the threshold.
create function internal.shown_count(p_count numeric) returns int
language sql immutable
as $$
  -- To six decimals first: shares that add up to 4.9999… of five people are five.
  select case when round(p_count, 6) >= internal.private_count_threshold() then (round(round(p_count, 6) / 5) * 5)::int end
$$;
revoke all on function internal.shown_count(numeric) from public, anon, authenticated, service_role;

-- Of p_total people, p_covered within reach, as may be shown: the total (shown_count),
-- and within reach only when at least 5 are and at least 5 are not; otherwise
-- `few` says which side is too small ('covered' or 'uncovered'), never how small.
create function internal.shown_coverage(p_total numeric, p_covered numeric) returns jsonb
language sql immutable
as $$
  select case
    when total < internal.private_count_threshold() then jsonb_build_object('total', null, 'covered', null, 'few', 'total')
    when covered < internal.private_count_threshold() then jsonb_build_object('total', internal.shown_count(total), 'covered', null, 'few', 'covered')
    when total - covered < internal.private_count_threshold() then jsonb_build_object('total', internal.shown_count(total), 'covered', null, 'few', 'uncovered')
    else jsonb_build_object('total', internal.shown_count(total), 'covered', internal.shown_count(covered), 'few', null)
  end
  -- To six decimals first, as internal.shown_count.
  from (select round(p_total, 6) as total, round(p_covered, 6) as covered) rounded
$$;
revoke all on function internal.shown_coverage(numeric, numeric) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Loading a group
------------------------------------------------------------------------------

create function internal.target_group_row_limit() returns int
language sql immutable as $$ select 20000 $$;
revoke all on function internal.target_group_row_limit() from public, anon, authenticated, service_role;

-- Loads (or, for a name the werkgebied already has, replaces) a group from
-- rows {row, postcode, members, geometry?}: postcode '2311' or '2311AB',
-- members a whole number from 0 to 100 000, geometry the area's shape (GeoJSON,
-- WGS84) where the file has it. Without a shape a PC4 takes the shape of the
-- postcode area already loaded as population (public.area_population), a PC6
-- that of its PC4. A bad postcode or count, a postcode twice, or a PC6 next to
-- its own PC4 refuses the whole file (the report names the rows, never their
-- counts). Areas whose shape is unknown, or with no residents in the
-- werkgebied, are left out and named. A dry run writes nothing.
--
-- Each area's count is first rounded to a multiple of 5, up or down at random
-- in proportion to the remainder (unbiased, as statistics offices round): the
-- database never holds an exact count, so no sum of its figures, however
-- combined, can give one back. The report's totals are rounded to 5 as well.
create function public.import_target_group(p_werkgebied uuid, p_name text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions, pg_temp
set statement_timeout = '60s'
as $$
declare
  group_name text := btrim(coalesce(p_name, ''));
  area geometry;
  problems jsonb;
  report jsonb;
  saved_group uuid;
begin
  area := internal.werkgebied_area_rd(p_werkgebied);
  perform internal.require_role(p_werkgebied, '{planner,facilitator}');
  if length(group_name) not between 1 and 100 then
    raise exception using errcode = 'WKARG', message = 'a name of 1 to 100 characters', detail = 'target_group_name';
  end if;
  perform internal.require_rows(p_rows, internal.target_group_row_limit());

  drop table if exists pg_temp.target_group_areas;
  create temporary table target_group_areas on commit drop as
  select position::int as row_no,
         coalesce((r ->> 'row')::int, position::int) as file_row,
         upper(regexp_replace(coalesce(r ->> 'postcode', ''), '\s', '', 'g')) as postcode,
         btrim(r ->> 'members') as members_text,
         case when jsonb_typeof(r -> 'geometry') = 'object' then r -> 'geometry' end as shape,
         null::numeric as members_in,
         null::numeric as members,
         null::geometry as geom,
         false as by_pc4,
         null::text as placement,
         null::text as problem
  from jsonb_array_elements(p_rows) with ordinality as element(r, position);

  update pg_temp.target_group_areas set problem = 'bad_postcode' where postcode !~ '^[1-9][0-9]{3}([A-Z]{2})?$';
  update pg_temp.target_group_areas set problem = 'bad_members'
  where problem is null and (members_text is null or members_text !~ '^[0-9]{1,6}$' or members_text::int > 100000);
  update pg_temp.target_group_areas
  set members_in = members_text::numeric,
      members = 5 * floor(members_text::numeric / 5)
                + case when random() * 5 < members_text::numeric % 5 then 5 else 0 end
  where problem is null;
  -- Twice the same postcode, or a PC6 next to its own PC4: the same people counted twice.
  update pg_temp.target_group_areas a set problem = 'repeated'
  where problem is null and exists (
    select 1 from pg_temp.target_group_areas b
    where b.row_no <> a.row_no and b.problem is distinct from 'bad_postcode'
      and (b.postcode = a.postcode and b.row_no < a.row_no
           or length(a.postcode) = 6 and b.postcode = left(a.postcode, 4)));
  -- A shape that is not one refuses the file: GeoJSON that PostGIS cannot read says nothing about its row.
  begin
    update pg_temp.target_group_areas
    set geom = st_makevalid(st_transform(st_setsrid(st_geomfromgeojson(shape), 4326), 28992))
    where problem is null and shape is not null;
  exception when others then
    raise exception using errcode = 'WKGEO', message = 'a shape in the file is not a valid GeoJSON area', detail = 'geometry';
  end;
  update pg_temp.target_group_areas a
  set geom = (select st_transform(p.geom, 28992) from public.area_population p
              where p.code = left(a.postcode, 4) order by p.imported_at desc, p.source limit 1),
      by_pc4 = length(a.postcode) = 6
  where problem is null and geom is null;
  update pg_temp.target_group_areas set placement = 'unknown' where problem is null and geom is null;
  update pg_temp.target_group_areas a set placement = 'outside'
  where problem is null and placement is null and not exists (
    select 1 from public.population_cells c where st_intersects(a.geom, c.centre) and st_intersects(area, c.centre));
  update pg_temp.target_group_areas set placement = 'placed' where problem is null and placement is null;

  select coalesce(jsonb_agg(jsonb_build_object('row', file_row, 'postcode', postcode, 'problem', problem) order by row_no), '[]')
    into problems
  from pg_temp.target_group_areas where problem is not null;

  -- Each area over all its cells (inside the werkgebied or not) by their residents; only the cells inside are kept.
  drop table if exists pg_temp.target_group_spread;
  create temporary table target_group_spread on commit drop as
  with placed as (
    select a.row_no, a.members, c.cell_id, coalesce(c.residents, 0)::numeric as residents, st_intersects(area, c.centre) as inside
    from pg_temp.target_group_areas a
    join public.population_cells c on st_intersects(a.geom, c.centre)
    where a.placement = 'placed'
  ),
  weighted as (
    select row_no, members, cell_id, inside,
           case when sum(residents) over (partition by row_no) > 0 then residents / sum(residents) over (partition by row_no)
                else 1.0 / count(*) over (partition by row_no) end as share
    from placed
  )
  select cell_id, sum(members * share) as members from weighted where inside group by cell_id;

  report := jsonb_build_object(
    'dry_run', coalesce(p_dry_run, false),
    'name', group_name,
    'areas', (select count(*) from pg_temp.target_group_areas),
    'areas_placed', (select count(*) from pg_temp.target_group_areas where placement = 'placed'),
    'areas_by_pc4', (select count(*) from pg_temp.target_group_areas where placement = 'placed' and by_pc4),
    'areas_outside', (select count(*) from pg_temp.target_group_areas where placement = 'outside'),
    'unknown_postcodes', (select coalesce(jsonb_agg(postcode order by row_no), '[]') from pg_temp.target_group_areas where placement = 'unknown'),
    'members_in', internal.shown_count((select coalesce(sum(members_in), 0) from pg_temp.target_group_areas where problem is null)),
    'members_placed', internal.shown_count((select coalesce(sum(members), 0) from pg_temp.target_group_spread)),
    'problems', problems,
    'written', false);
  if coalesce(p_dry_run, false) or jsonb_array_length(problems) > 0 then
    return report;
  end if;

  insert into public.target_groups (werkgebied_id, name, created_by)
  values (p_werkgebied, group_name, auth.uid())
  on conflict (werkgebied_id, name) do update set updated_at = now()
  returning id into saved_group;
  delete from internal.target_group_cells c where c.group_id = saved_group;
  insert into internal.target_group_cells (group_id, cell_id, members)
  select saved_group, s.cell_id, s.members from pg_temp.target_group_spread s where s.members > 0;
  return report || jsonb_build_object('written', true, 'id', saved_group);
end
$$;
revoke all on function public.import_target_group(uuid, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_target_group(uuid, text, jsonb, boolean) to authenticated, service_role;

-- The group if the caller may see it; not there and not allowed look the same.
create function internal.visible_target_group(p_id uuid) returns public.target_groups
language plpgsql stable
security definer
set search_path = public
as $$
declare
  g public.target_groups;
begin
  select * into g from public.target_groups t where t.id = p_id;
  if not found or not internal.has_role(g.werkgebied_id, '{planner,facilitator}') then
    raise exception using errcode = 'WK404', message = 'target group not found', detail = 'target_group';
  end if;
  return g;
end
$$;
revoke all on function internal.visible_target_group(uuid) from public, anon, authenticated, service_role;

-- The werkgebied's own groups, each with its members as may be shown.
create function public.list_target_groups(p_werkgebied uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '10s'
as $$
begin
  perform internal.werkgebied_area_rd(p_werkgebied);
  perform internal.require_role(p_werkgebied, '{planner,facilitator}');
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', g.id, 'name', g.name, 'created_at', g.created_at, 'updated_at', g.updated_at,
             'members', internal.shown_count((select coalesce(sum(c.members), 0) from internal.target_group_cells c where c.group_id = g.id)))
           order by g.name)
    from public.target_groups g where g.werkgebied_id = p_werkgebied), '[]');
end
$$;
revoke all on function public.list_target_groups(uuid) from public, anon, authenticated, service_role;
grant execute on function public.list_target_groups(uuid) to authenticated, service_role;

create function public.delete_target_group(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '10s'
as $$
begin
  perform internal.visible_target_group(p_id);
  delete from public.target_groups g where g.id = p_id;
  return jsonb_build_object('id', p_id);
end
$$;
revoke all on function public.delete_target_group(uuid) from public, anon, authenticated, service_role;
grant execute on function public.delete_target_group(uuid) to authenticated, service_role;

-- How many of the group live within each 50 m step (0 … 2000 m) of p_target, in
-- a straight line or on foot, for the whole werkgebied and per buurt, as may be
-- shown (internal.shown_coverage per step). Security definer: it reads the
-- members per cell, which no caller may.
create function public.target_group_coverage(p_group uuid, p_target text, p_on_foot boolean default false)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '15s'
as $$
declare
  g public.target_groups := internal.visible_target_group(p_group);
  area geometry := internal.werkgebied_area_rd(g.werkgebied_id);
  on_foot boolean := coalesce(p_on_foot, false);
begin
  -- The same check as the snapshots' (16_snapshots.sql).
  perform internal.require_snapshot_target(p_target);
  return (
    -- Every cell of the werkgebied, members or not: a buurt is listed whether or not anyone of the group lives there.
    with cells as (
      select coalesce(c.buurt_code, '') as buurt_code, coalesce(m.members, 0) as members,
             case when on_foot then internal.walk_distance(k.distance_m, acc.access_m, r.distance_m) else k.distance_m end as distance_m
      from public.population_cells c
      left join internal.target_group_cells m on m.group_id = p_group and m.cell_id = c.cell_id
      left join internal.cell_nearest k on k.cell_id = c.cell_id and k.target = p_target
      left join internal.walk_cell_access acc on on_foot and acc.cell_id = c.cell_id
      left join internal.walk_reach r on on_foot and r.target = p_target and r.node_id = acc.node_id
      where st_intersects(area, c.centre)
    ),
    per_step as (
      select grouping(buurt_code) = 1 as whole, buurt_code, s.step,
             sum(members) as total, coalesce(sum(members) filter (where distance_m <= s.step * 50), 0) as covered
      from cells cross join generate_series(0, 40) s(step)
      group by grouping sets ((buurt_code, s.step), (s.step))
    ),
    shown as (
      select whole, buurt_code,
             jsonb_agg(internal.shown_coverage(total, covered) order by step) as steps
      from per_step group by whole, buurt_code
    )
    select jsonb_build_object(
      'id', g.id, 'name', g.name, 'target', p_target, 'on_foot', on_foot, 'step_m', 50,
      'threshold', internal.private_count_threshold(),
      'werkgebied', coalesce((select steps from shown where whole), (select jsonb_agg(internal.shown_coverage(0, 0)) from generate_series(0, 40))),
      'buurten', coalesce((select jsonb_agg(jsonb_build_object('buurt_code', buurt_code, 'steps', steps) order by buurt_code)
                           from shown where not whole), '[]'))
  );
end
$$;
revoke all on function public.target_group_coverage(uuid, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.target_group_coverage(uuid, text, boolean) to authenticated, service_role;
