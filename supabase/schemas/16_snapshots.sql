-- Change over time ("Meten = Weten"): dated snapshots of a werkgebied. A
-- snapshot keeps, per buurt, how many residents (all, 65+) live within each
-- distance of each target, in a straight line and on foot, and how many places,
-- stories and appreciations there were per kind, category and dimension. A
-- planner takes one by hand (with a note: "before the meeting place opened");
-- the app keeps one per month by itself (keep_monthly_snapshot, called when
-- staff open the planner; on Supabase pg_cron may call
-- internal.take_monthly_snapshots as well). Snapshots are the werkgebied's
-- staff's: planners, facilitators and admins read them; nobody edits one.
--
-- Distances are kept in steps of 50 m from 0 to the 2 km coverage reaches
-- (41 steps), so a trend at any slider distance reads the step at or below it.

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------

create table public.snapshots (
  id uuid primary key default gen_random_uuid(),
  werkgebied_id uuid not null references public.werkgebieden (id) on delete cascade,
  taken_at timestamptz not null default now(),
  -- 'manual': a planner's; 'monthly': kept by the app, one per month.
  kind text not null check (kind in ('manual', 'monthly')),
  -- The first day of the month a monthly snapshot stands for.
  month date check ((kind = 'monthly') = (month is not null)),
  note text check (length(note) <= 200),
  taken_by uuid,
  -- How the figures were made: population sources and spreading, distance steps,
  -- the footway networks and detour factor (src/coverage/snapshotFigures.ts reads it).
  method jsonb not null,
  -- Places, stories and appreciations: total, by_kind, by_category, by_dimension.
  counts jsonb not null
);
create unique index snapshots_monthly_idx on public.snapshots (werkgebied_id, month) where kind = 'monthly';
create index snapshots_werkgebied_idx on public.snapshots (werkgebied_id, taken_at);

-- Per buurt ('' for cells in none): who lived there when it was taken.
create table public.snapshot_buurten (
  snapshot_id uuid not null references public.snapshots (id) on delete cascade,
  buurt_code text not null,
  residents int not null,
  residents_65plus int not null,
  cells int not null,
  cells_unknown int not null,
  cells_unknown_65plus int not null,
  -- Spread from area totals, not counted per cell by CBS.
  cells_estimated int not null,
  -- Not on the footway network: on foot their distance is the straight line times the detour factor.
  cells_off_network int not null,
  primary key (snapshot_id, buurt_code)
);

-- Per buurt, target and way of measuring: residents within 0, 50, …, 2000 m
-- (element i, 1-based, is (i - 1) × 50 m). Only where anyone was within 2 km.
create table public.snapshot_coverage (
  snapshot_id uuid not null,
  buurt_code text not null,
  target text not null,
  on_foot boolean not null,
  covered int[] not null check (cardinality(covered) = 41),
  covered_65plus int[] not null check (cardinality(covered_65plus) = 41),
  primary key (snapshot_id, buurt_code, target, on_foot),
  foreign key (snapshot_id, buurt_code) references public.snapshot_buurten (snapshot_id, buurt_code) on delete cascade
);

-- The werkgebied's staff read; nobody writes but the functions below.
alter table public.snapshots enable row level security;
alter table public.snapshot_buurten enable row level security;
alter table public.snapshot_coverage enable row level security;
create policy "The werkgebied's staff read its snapshots" on public.snapshots
  for select to authenticated using (internal.has_role(werkgebied_id, '{planner,facilitator}'));
create policy "Figures of a snapshot the reader may see" on public.snapshot_buurten
  for select to authenticated using (exists (select 1 from public.snapshots s where s.id = snapshot_id));
create policy "Coverage of a snapshot the reader may see" on public.snapshot_coverage
  for select to authenticated using (exists (select 1 from public.snapshots s where s.id = snapshot_id));
revoke all on public.snapshots, public.snapshot_buurten, public.snapshot_coverage from anon, authenticated;
-- taken_by (a staff member's id) is read only by the werkgebied's staff, who see its members anyway.
grant select on public.snapshots, public.snapshot_buurten, public.snapshot_coverage to authenticated;
grant all on public.snapshots, public.snapshot_buurten, public.snapshot_coverage to service_role;

------------------------------------------------------------------------------
-- Taking one
------------------------------------------------------------------------------

-- The step a distance falls in: covered at step s (s × 50 m) when step <= s.
create function internal.snapshot_step(p_distance double precision) returns int
language sql immutable
as $$ select ceil(p_distance / 50)::int $$;
revoke all on function internal.snapshot_step(double precision) from public, anon, authenticated, service_role;

-- Published places of the werkgebied, their published stories and their
-- appreciations: in total and per kind, category and dimension (a place with
-- two dimensions counts in both).
create function internal.snapshot_counts(p_werkgebied uuid) returns jsonb
language sql stable
set search_path = public
as $$
  with placed as (
    select a.id, a.kind::text as kind, a.category, a.dimensions,
           (select count(*) from public.stories s where s.asset_id = a.id and s.status = 'published') as stories,
           (select count(*) from public.appreciations ap where ap.asset_id = a.id) as appreciations
    from public.assets a
    where a.werkgebied_id = p_werkgebied and a.status = 'published'
  ),
  grouped as (
    select 'by_kind' as grouping, kind as key, count(*) as assets, sum(stories) as stories, sum(appreciations) as appreciations
    from placed group by kind
    union all
    select 'by_category', category, count(*), sum(stories), sum(appreciations) from placed group by category
    union all
    select 'by_dimension', d::text, count(*), sum(stories), sum(appreciations) from placed, unnest(dimensions) d group by d
  )
  select jsonb_build_object(
    'total', (select jsonb_build_object('assets', count(*), 'stories', coalesce(sum(stories), 0), 'appreciations', coalesce(sum(appreciations), 0)) from placed),
    'by_kind', coalesce((select jsonb_object_agg(key, jsonb_build_object('assets', assets, 'stories', stories, 'appreciations', appreciations)) from grouped where grouping = 'by_kind'), '{}'),
    'by_category', coalesce((select jsonb_object_agg(key, jsonb_build_object('assets', assets, 'stories', stories, 'appreciations', appreciations)) from grouped where grouping = 'by_category'), '{}'),
    'by_dimension', coalesce((select jsonb_object_agg(key, jsonb_build_object('assets', assets, 'stories', stories, 'appreciations', appreciations)) from grouped where grouping = 'by_dimension'), '{}')
  )
$$;
revoke all on function internal.snapshot_counts(uuid) from public, anon, authenticated, service_role;

-- How the figures were made, for the dashboard's note and the export.
create function internal.snapshot_method(p_area extensions.geometry) returns jsonb
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
revoke all on function internal.snapshot_method(extensions.geometry) from public, anon, authenticated, service_role;

-- Writes a snapshot of p_werkgebied now and returns its id. The figures come
-- from the kept distances (internal.cell_nearest, internal.walk_reach), so a
-- snapshot costs one pass over the werkgebied's cells and targets.
create function internal.take_snapshot(p_werkgebied uuid, p_kind text, p_month date, p_note text, p_by uuid)
returns uuid
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  area geometry := internal.werkgebied_area_rd(p_werkgebied);
  snapshot uuid;
begin
  insert into public.snapshots (werkgebied_id, kind, month, note, taken_by, method, counts)
  values (p_werkgebied, p_kind, p_month, p_note, p_by, internal.snapshot_method(area), internal.snapshot_counts(p_werkgebied))
  returning id into snapshot;

  insert into public.snapshot_buurten
  select snapshot, coalesce(c.buurt_code, ''),
         coalesce(sum(c.residents), 0), coalesce(sum(c.residents_65plus), 0), count(*),
         count(*) filter (where c.residents is null), count(*) filter (where c.residents_65plus is null),
         count(*) filter (where c.estimated), count(*) filter (where acc.cell_id is null)
  from public.population_cells c
  left join internal.walk_cell_access acc on acc.cell_id = c.cell_id
  where st_intersects(area, c.centre)
  group by coalesce(c.buurt_code, '');

  insert into public.snapshot_coverage
  with cells as materialized (
    select c.cell_id, coalesce(c.buurt_code, '') as buurt_code, c.residents, c.residents_65plus, acc.node_id, acc.access_m
    from public.population_cells c
    left join internal.walk_cell_access acc on acc.cell_id = c.cell_id
    where st_intersects(area, c.centre)
  ),
  -- The same distances the planner reads (public.coverage_cells), both ways.
  measured as (
    select cl.buurt_code, k.target, false as on_foot, k.distance_m, cl.residents, cl.residents_65plus
    from cells cl join internal.cell_nearest k on k.cell_id = cl.cell_id
    union all
    select cl.buurt_code, k.target, true, internal.walk_distance(k.distance_m, cl.access_m, r.distance_m), cl.residents, cl.residents_65plus
    from cells cl
    join internal.cell_nearest k on k.cell_id = cl.cell_id
    left join internal.walk_reach r on r.target = k.target and r.node_id = cl.node_id
  ),
  binned as (
    select buurt_code, target, on_foot, internal.snapshot_step(distance_m) as step,
           coalesce(sum(residents), 0) as residents, coalesce(sum(residents_65plus), 0) as residents_65plus
    from measured
    where distance_m is not null and distance_m <= internal.coverage_max_distance()
    group by 1, 2, 3, 4
  ),
  cumulative as (
    select b.buurt_code, b.target, b.on_foot, s.step,
           coalesce(sum(b.residents) filter (where b.step <= s.step), 0)::int as covered,
           coalesce(sum(b.residents_65plus) filter (where b.step <= s.step), 0)::int as covered_65plus
    from binned b cross join generate_series(0, 40) s(step)
    group by 1, 2, 3, 4
  )
  select snapshot, buurt_code, target, on_foot, array_agg(covered order by step), array_agg(covered_65plus order by step)
  from cumulative
  group by buurt_code, target, on_foot;

  return snapshot;
end
$$;
revoke all on function internal.take_snapshot(uuid, text, date, text, uuid) from public, anon, authenticated, service_role;

-- A snapshot's heading: what the list, the trend and the comparison show of it.
create function internal.snapshot_json(s public.snapshots) returns jsonb
language sql stable
set search_path = public
as $$
  select jsonb_build_object(
    'id', s.id, 'werkgebied_id', s.werkgebied_id, 'taken_at', s.taken_at, 'kind', s.kind, 'month', s.month,
    'note', s.note, 'method', s.method, 'counts', s.counts,
    'residents', coalesce((select sum(b.residents) from public.snapshot_buurten b where b.snapshot_id = s.id), 0),
    'residents_65plus', coalesce((select sum(b.residents_65plus) from public.snapshot_buurten b where b.snapshot_id = s.id), 0))
$$;
revoke all on function internal.snapshot_json(public.snapshots) from public, anon, authenticated, service_role;
grant execute on function internal.snapshot_json(public.snapshots) to authenticated, service_role;

-- More than this many by hand per werkgebied is a mistake (a loop, a stuck button).
create function internal.snapshot_manual_limit() returns int
language sql immutable as $$ select 500 $$;
revoke all on function internal.snapshot_manual_limit() from public, anon, authenticated, service_role;

-- A planner's (or facilitator's) snapshot now, with an optional note of at most 200 characters.
create function public.take_snapshot(p_werkgebied uuid, p_note text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  asked_note text := internal.optional_text(p_note, 'snapshot_note', 200);
  taken uuid;
  s public.snapshots;
begin
  perform internal.werkgebied_area_rd(p_werkgebied);
  perform internal.require_role(p_werkgebied, '{planner,facilitator}');
  -- One at a time per werkgebied, so the limit holds under double clicks.
  perform pg_advisory_xact_lock(hashtext('wijkkracht.snapshot:' || p_werkgebied::text));
  if (select count(*) from public.snapshots x where x.werkgebied_id = p_werkgebied and x.kind = 'manual')
     >= internal.snapshot_manual_limit() then
    raise exception using errcode = 'WKARG', detail = 'snapshot_limit',
      message = format('a werkgebied keeps at most %s snapshots taken by hand', internal.snapshot_manual_limit());
  end if;
  -- Apart: a volatile call in the WHERE clause would run once per row.
  taken := internal.take_snapshot(p_werkgebied, 'manual', null, asked_note, auth.uid());
  select * into s from public.snapshots x where x.id = taken;
  return internal.snapshot_json(s);
end
$$;
revoke all on function public.take_snapshot(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.take_snapshot(uuid, text) to authenticated, service_role;

-- The month a moment falls in, as the Dutch calendar has it (the database may run in UTC).
create function internal.month_in_the_netherlands(p_at timestamptz) returns date
language sql stable
as $$ select date_trunc('month', p_at at time zone 'Europe/Amsterdam')::date $$;
revoke all on function internal.month_in_the_netherlands(timestamptz) from public, anon, authenticated, service_role;

-- This month's snapshot of a werkgebied, taken if there is none yet: the app
-- calls it when staff open the planner. Null when this month's was there.
create function public.keep_monthly_snapshot(p_werkgebied uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  this_month date := internal.month_in_the_netherlands(now());
  taken uuid;
  s public.snapshots;
begin
  perform internal.werkgebied_area_rd(p_werkgebied);
  perform internal.require_role(p_werkgebied, '{planner,facilitator}');
  perform pg_advisory_xact_lock(hashtext('wijkkracht.snapshot:' || p_werkgebied::text));
  if exists (select 1 from public.snapshots x where x.werkgebied_id = p_werkgebied and x.kind = 'monthly' and x.month = this_month) then
    return null;
  end if;
  taken := internal.take_snapshot(p_werkgebied, 'monthly', this_month, null, null);
  select * into s from public.snapshots x where x.id = taken;
  return internal.snapshot_json(s);
end
$$;
revoke all on function public.keep_monthly_snapshot(uuid) from public, anon, authenticated, service_role;
grant execute on function public.keep_monthly_snapshot(uuid) to authenticated, service_role;

-- Every werkgebied's snapshot for the month of p_on, where missing; returns how
-- many it took. For a scheduler (pg_cron on Supabase, as postgres or the service
-- role), not for API callers. A werkgebied whose snapshot is being taken right
-- then (a planner opened the panel) is left to that; one that fails is skipped
-- with a warning, and the others are still taken.
create function internal.take_monthly_snapshots(p_on date default (now() at time zone 'Europe/Amsterdam')::date)
returns int
language plpgsql volatile
security definer
set search_path = public
as $$
declare
  month_start date := date_trunc('month', p_on)::date;
  w uuid;
  taken int := 0;
begin
  for w in select id from public.werkgebieden order by name loop
    begin
      if pg_try_advisory_xact_lock(hashtext('wijkkracht.snapshot:' || w::text))
         and not exists (select 1 from public.snapshots x where x.werkgebied_id = w and x.kind = 'monthly' and x.month = month_start) then
        perform internal.take_snapshot(w, 'monthly', month_start, null, null);
        taken := taken + 1;
      end if;
    exception when others then
      raise warning 'monthly snapshot of werkgebied % not taken: %', w, sqlerrm;
    end;
  end loop;
  return taken;
end
$$;
revoke all on function internal.take_monthly_snapshots(date) from public, anon, authenticated, service_role;
grant execute on function internal.take_monthly_snapshots(date) to service_role;

-- A snapshot taken by hand goes again (a mistake); the monthly ones are the record and stay.
create function public.delete_snapshot(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '10s'
as $$
declare
  s public.snapshots;
begin
  select * into s from public.snapshots x where x.id = p_id;
  if not found or not internal.has_role(s.werkgebied_id, '{planner,facilitator}') then
    raise exception using errcode = 'WK404', message = format('snapshot %s not found', p_id), detail = 'snapshot';
  end if;
  if s.kind <> 'manual' then
    raise exception using errcode = 'WKARG', message = 'a monthly snapshot is kept', detail = 'snapshot_monthly';
  end if;
  delete from public.snapshots x where x.id = p_id;
  return jsonb_build_object('id', p_id);
end
$$;
revoke all on function public.delete_snapshot(uuid) from public, anon, authenticated, service_role;
grant execute on function public.delete_snapshot(uuid) to authenticated, service_role;

------------------------------------------------------------------------------
-- Reading them (as the caller: the policies above decide, the role check says why)
------------------------------------------------------------------------------

create function internal.require_snapshot_reader(p_werkgebied uuid) returns void
language plpgsql stable
as $$
begin
  perform internal.werkgebied_area_rd(p_werkgebied);
  perform internal.require_role(p_werkgebied, '{planner,facilitator}');
end
$$;
revoke all on function internal.require_snapshot_reader(uuid) from public, anon, authenticated, service_role;
grant execute on function internal.require_snapshot_reader(uuid) to authenticated, service_role;

create function internal.require_snapshot_target(p_target text) returns void
language plpgsql immutable
as $$
begin
  if p_target is null or length(p_target) not between 1 and 100 then
    raise exception using errcode = 'WKARG', message = 'a target of 1 to 100 characters', detail = 'target';
  end if;
end
$$;
revoke all on function internal.require_snapshot_target(text) from public, anon, authenticated, service_role;
grant execute on function internal.require_snapshot_target(text) to authenticated, service_role;

-- The werkgebied's snapshots, oldest first.
create function public.list_snapshots(p_werkgebied uuid)
returns jsonb
language plpgsql stable
set search_path = public
set statement_timeout = '10s'
as $$
begin
  perform internal.require_snapshot_reader(p_werkgebied);
  return coalesce((select jsonb_agg(internal.snapshot_json(s) order by s.taken_at, s.id)
                   from public.snapshots s where s.werkgebied_id = p_werkgebied), '[]');
end
$$;
revoke all on function public.list_snapshots(uuid) from public, anon, authenticated, service_role;
grant execute on function public.list_snapshots(uuid) to authenticated, service_role;

-- The trend: per snapshot, the whole werkgebied's residents within each step
-- of p_target (straight or on foot), summed over its buurten.
create function public.snapshot_trend(p_werkgebied uuid, p_target text, p_on_foot boolean default false)
returns jsonb
language plpgsql stable
set search_path = public
set statement_timeout = '10s'
as $$
begin
  perform internal.require_snapshot_reader(p_werkgebied);
  perform internal.require_snapshot_target(p_target);
  return coalesce((
    select jsonb_agg(internal.snapshot_json(s) || jsonb_build_object(
             'covered', (select internal.sum_steps(array_agg(c.covered)) from public.snapshot_coverage c
                         where c.snapshot_id = s.id and c.target = p_target and c.on_foot = coalesce(p_on_foot, false)),
             'covered_65plus', (select internal.sum_steps(array_agg(c.covered_65plus)) from public.snapshot_coverage c
                                where c.snapshot_id = s.id and c.target = p_target and c.on_foot = coalesce(p_on_foot, false)))
           order by s.taken_at, s.id)
    from public.snapshots s where s.werkgebied_id = p_werkgebied), '[]');
end
$$;
revoke all on function public.snapshot_trend(uuid, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.snapshot_trend(uuid, text, boolean) to authenticated, service_role;

-- Element-wise sum of equally long step arrays (41 zeros when there are none).
create function internal.sum_steps(p_rows int[]) returns jsonb
language sql immutable
as $$
  select coalesce(jsonb_agg(total order by i), (select jsonb_agg(0) from generate_series(1, 41)))
  from (select i, sum(p_rows[r][i]) as total
        from generate_subscripts(p_rows, 1) r, generate_series(1, 41) i
        group by i) per_step
$$;
revoke all on function internal.sum_steps(int[]) from public, anon, authenticated, service_role;
grant execute on function internal.sum_steps(int[]) to authenticated, service_role;

-- Two snapshots of one werkgebied side by side, per buurt.
create function public.compare_snapshots(p_first uuid, p_second uuid, p_target text, p_on_foot boolean default false)
returns jsonb
language plpgsql stable
set search_path = public
set statement_timeout = '10s'
as $$
declare
  first_one public.snapshots;
  second_one public.snapshots;
begin
  perform internal.require_snapshot_target(p_target);
  select * into first_one from public.snapshots s where s.id = p_first;
  select * into second_one from public.snapshots s where s.id = p_second;
  -- Not readable and not there look the same.
  if first_one.id is null or second_one.id is null then
    raise exception using errcode = 'WK404', message = 'snapshot not found', detail = 'snapshot';
  end if;
  if first_one.werkgebied_id <> second_one.werkgebied_id then
    raise exception using errcode = 'WKARG', message = 'two snapshots of one werkgebied', detail = 'snapshot_werkgebied';
  end if;
  return jsonb_build_object(
    'first', internal.snapshot_json(first_one),
    'second', internal.snapshot_json(second_one),
    'target', p_target,
    'on_foot', coalesce(p_on_foot, false),
    'buurten', coalesce((
      select jsonb_agg(jsonb_build_object('buurt_code', code, 'first', internal.snapshot_buurt_json(p_first, code, p_target, p_on_foot),
                                          'second', internal.snapshot_buurt_json(p_second, code, p_target, p_on_foot)) order by code)
      from (select b.buurt_code as code from public.snapshot_buurten b where b.snapshot_id in (p_first, p_second)
            group by b.buurt_code) codes), '[]'));
end
$$;
revoke all on function public.compare_snapshots(uuid, uuid, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.compare_snapshots(uuid, uuid, text, boolean) to authenticated, service_role;

-- One buurt of one snapshot (null when the buurt had no cells then).
create function internal.snapshot_buurt_json(p_snapshot uuid, p_buurt text, p_target text, p_on_foot boolean) returns jsonb
language sql stable
set search_path = public
as $$
  select jsonb_build_object(
    'residents', b.residents, 'residents_65plus', b.residents_65plus,
    'cells_unknown', b.cells_unknown, 'cells_unknown_65plus', b.cells_unknown_65plus,
    'covered', coalesce(to_jsonb(c.covered), (select jsonb_agg(0) from generate_series(1, 41))),
    'covered_65plus', coalesce(to_jsonb(c.covered_65plus), (select jsonb_agg(0) from generate_series(1, 41))))
  from public.snapshot_buurten b
  left join public.snapshot_coverage c
    on c.snapshot_id = b.snapshot_id and c.buurt_code = b.buurt_code and c.target = p_target and c.on_foot = coalesce(p_on_foot, false)
  where b.snapshot_id = p_snapshot and b.buurt_code = p_buurt
$$;
revoke all on function internal.snapshot_buurt_json(uuid, text, text, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.snapshot_buurt_json(uuid, text, text, boolean) to authenticated, service_role;
