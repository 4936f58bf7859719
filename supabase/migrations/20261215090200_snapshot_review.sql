-- After a review of the snapshots (16_snapshots.sql): a month is the Dutch
-- calendar's, not UTC's; the scheduler runs as its owner (the service role may
-- call it), leaves a werkgebied being taken to its taker and skips one that
-- fails instead of losing all.

-- The month a moment falls in, as the Dutch calendar has it (the database may run in UTC).
create function internal.month_in_the_netherlands(p_at timestamptz) returns date
language sql stable
as $$ select date_trunc('month', p_at at time zone 'Europe/Amsterdam')::date $$;
revoke all on function internal.month_in_the_netherlands(timestamptz) from public, anon, authenticated, service_role;

-- This month's snapshot of a werkgebied, taken if there is none yet: the app
-- calls it when staff open the planner. Null when this month's was there.
create or replace function public.keep_monthly_snapshot(p_werkgebied uuid)
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
create or replace function internal.take_monthly_snapshots(p_on date default (now() at time zone 'Europe/Amsterdam')::date)
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
