-- Fresh places. Each place keeps when someone last said it still exists
-- (assets.confirmed_at; when it was added, to begin with). Anyone signed in
-- can say "bestaat nog", which confirms it, or "bestaat niet meer", which is a
-- report with that reason and so goes to the facilitators' queue. A place not
-- confirmed for its werkgebied's stale_after_months (12 unless set,
-- 03_werkgebieden.sql) shows as possibly gone; the app fades it. API roles
-- write no table directly, so confirm_asset is the only way to confirm.

alter table public.assets add column confirmed_at timestamptz not null default now();
-- Readable directly too, like the other columns a person may see (04_assets_and_stories.sql).
grant select (confirmed_at) on public.assets to anon, authenticated;

create function public.confirm_asset(p_id uuid, p_still_exists boolean, p_reason text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.assets;
begin
  perform internal.require_signed_in();
  if p_still_exists is null then
    raise exception using errcode = 'WKARG', message = 'say whether it still exists', detail = 'still_exists';
  end if;
  select * into a from public.assets x where x.id = p_id and internal.asset_visible(x.status, x.created_by, x.werkgebied_id);
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  if a.status <> 'published' then
    raise exception using errcode = 'WKARG', message = 'only places on the map are confirmed', detail = 'status';
  end if;
  if not p_still_exists then
    -- A report like any other: the werkgebied's facilitators decide, and enough of them hide it.
    return public.report_item('asset', p_id,
      'Bestaat niet meer' || coalesce(': ' || internal.optional_text(p_reason, 'reason', 400), ''));
  end if;
  -- Not a change of the place: no new version, no line in its history (confirmed_at is in neither).
  update public.assets x set confirmed_at = now() where x.id = p_id returning * into a;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.confirm_asset(uuid, boolean, text) from public, anon, authenticated, service_role;
grant execute on function public.confirm_asset(uuid, boolean, text) to authenticated, service_role;

------------------------------------------------------------------------------
-- The planner's figures without the places possibly gone
------------------------------------------------------------------------------

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
