-- "Gaten zien" on foot (10_workshops.sql): a session can ask its gaps along the
-- paths, as the planner can.
alter table public.workshop_sessions add column gap_on_foot boolean not null default false;
grant select (gap_on_foot) on public.workshop_sessions to authenticated;

create or replace function internal.session_json(s public.workshop_sessions)
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'id', s.id, 'werkgebied_id', s.werkgebied_id,
    'werkgebied_name', (select w.name from public.werkgebieden w where w.id = s.werkgebied_id),
    'title', s.title, 'held_on', s.held_on,
    'bbox', jsonb_build_array(round(st_xmin(s.shown_area)::numeric, 6), round(st_ymin(s.shown_area)::numeric, 6),
                              round(st_xmax(s.shown_area)::numeric, 6), round(st_ymax(s.shown_area)::numeric, 6)),
    'join_code', s.join_code, 'join_code_expires_at', s.join_code_expires_at, 'join_locked', s.join_locked,
    'phase', s.phase, 'publish_at_once', s.publish_at_once, 'show_first_names', s.show_first_names,
    'gap_target', s.gap_target, 'gap_distance_m', s.gap_distance_m, 'gap_asset_target', s.gap_asset_target,
    'gap_on_foot', s.gap_on_foot,
    'i_facilitate', internal.is_session_facilitator(s.id),
    'participant_count', (select count(*) from public.session_participants p where p.session_id = s.id)
  )
$$;

-- One argument more: a new signature, so the old one goes.
drop function public.update_session(uuid, text, boolean, boolean, boolean, boolean, text, int, text);
create function public.update_session(
  p_session uuid,
  p_title text default null,
  p_join_locked boolean default null,
  p_new_join_code boolean default false,
  p_publish_at_once boolean default null,
  p_show_first_names boolean default null,
  p_gap_target text default null,
  p_gap_distance_m int default null,
  p_gap_asset_target text default null,
  p_gap_on_foot boolean default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  s public.workshop_sessions;
begin
  perform internal.require_signed_in();
  perform internal.require_session_facilitator(p_session);
  if p_gap_target is not null and p_gap_target not in ('all', 'age65plus') then
    raise exception using errcode = 'WKARG', message = format('unknown target group %L', p_gap_target), detail = 'gap_target';
  end if;
  if p_gap_distance_m is not null and p_gap_distance_m not between 50 and 5000 then
    raise exception using errcode = 'WKARG', message = 'distance must be between 50 and 5000 metres', detail = 'gap_distance_m';
  end if;
  if p_gap_asset_target is not null and p_gap_asset_target !~ '^(any|category:[a-z0-9_]{1,60}|dimension:[a-z_]{1,60})$' then
    raise exception using errcode = 'WKARG', message = format('unknown kind of place %L', p_gap_asset_target), detail = 'gap_asset_target';
  end if;
  update public.workshop_sessions x set
    title = coalesce(internal.optional_text(p_title, 'title', 120), x.title),
    join_locked = coalesce(p_join_locked, x.join_locked),
    join_code = case when p_new_join_code then internal.new_join_code() else x.join_code end,
    join_code_expires_at = case when p_new_join_code then now() + interval '1 day' else x.join_code_expires_at end,
    publish_at_once = coalesce(p_publish_at_once, x.publish_at_once),
    show_first_names = coalesce(p_show_first_names, x.show_first_names),
    gap_target = coalesce(p_gap_target, x.gap_target),
    gap_distance_m = coalesce(p_gap_distance_m, x.gap_distance_m),
    gap_asset_target = coalesce(p_gap_asset_target, x.gap_asset_target),
    gap_on_foot = coalesce(p_gap_on_foot, x.gap_on_foot)
  where x.id = p_session
  returning * into s;
  return internal.session_json(s);
end
$$;
revoke all on function public.update_session(uuid, text, boolean, boolean, boolean, boolean, text, int, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.update_session(uuid, text, boolean, boolean, boolean, boolean, text, int, text, boolean) to authenticated, service_role;
