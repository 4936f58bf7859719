-- Workshops: a co-design session in a community centre. A facilitator of a
-- werkgebied opens a session; residents join it with a short code (typed, or
-- read from a QR code on the shared screen), add places, routes and areas,
-- appreciate what others added ("ik waardeer dit"), look at the gaps together
-- and agree on actions. The facilitator moves the session through four phases.
--
-- Who is in a session: its participants (session_participants, written only by
-- join_session) and the facilitators of its werkgebied. Every session table's
-- RLS checks that (internal.is_session_member); nobody writes them directly.
-- Each change a screen should show is broadcast on the private Realtime topic
-- `session:<id>` (realtime.send), carrying only which row changed: a screen then
-- asks session_overview() again, so what it sees stays what RLS lets it see.

create type public.session_phase as enum ('verkennen', 'waarderen', 'gaten_zien', 'acties');

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------

create table public.workshop_sessions (
  id uuid primary key default gen_random_uuid(),
  werkgebied_id uuid not null references public.werkgebieden (id) on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 120),
  held_on date not null,
  -- What the shared screen shows: the werkgebied's extent unless the facilitator chose a part.
  shown_area extensions.geometry(Polygon, 4326) not null check (extensions.st_isvalid(shown_area)),
  -- Six characters without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), read aloud or from a screen.
  join_code text not null unique check (join_code ~ '^[ACDEFGHJKMNPQRTUVWXY34679]{6}$'),
  join_code_expires_at timestamptz not null,
  join_locked boolean not null default false,
  phase public.session_phase not null default 'verkennen',
  -- true: contributions appear at once; false: they wait for a facilitator (moderation_queue).
  publish_at_once boolean not null default true,
  -- Whether participants' first names are shown with what they added.
  show_first_names boolean not null default true,
  -- What "gaten zien" shows: this group of residents, farther than this distance
  -- from these places (the planner's coverage() target: any, category:<id>, dimension:<name>).
  gap_target text not null default 'all' check (gap_target in ('all', 'age65plus')),
  gap_distance_m int not null default 500 check (gap_distance_m between 50 and 5000),
  gap_asset_target text not null default 'any' check (gap_asset_target ~ '^(any|category:[a-z0-9_]{1,60}|dimension:[a-z_]{1,60})$'),
  created_by uuid,
  created_at timestamptz not null default now(),
  -- "Gaten zien" on foot, along the paths (15_walking.sql), rather than in a straight line.
  gap_on_foot boolean not null default false
);
create index workshop_sessions_werkgebied_idx on public.workshop_sessions (werkgebied_id, held_on desc);

create table public.session_participants (
  session_id uuid not null references public.workshop_sessions (id) on delete cascade,
  user_id uuid not null,
  first_name text check (length(btrim(first_name)) between 1 and 40),
  joined_at timestamptz not null default now(),
  primary key (session_id, user_id)
);
create index session_participants_user_idx on public.session_participants (user_id);

-- The session a place, route or area was added in (null: outside any session).
-- Added here rather than in 04 because sessions are defined after assets.
alter table public.assets add column session_id uuid references public.workshop_sessions (id) on delete set null;
create index assets_session_idx on public.assets (session_id) where session_id is not null;

-- "Ik waardeer dit": once per person per place, with an optional reason.
create table public.appreciations (
  asset_id uuid not null references public.assets (id) on delete cascade,
  user_id uuid not null,
  reason text check (length(btrim(reason)) between 1 and 500),
  -- The session it was given in, so that session's screen and summary count it.
  session_id uuid references public.workshop_sessions (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (asset_id, user_id)
);
create index appreciations_session_idx on public.appreciations (session_id) where session_id is not null;

-- An idea or agreement marked on the map in the "acties" phase, and who takes it up.
create table public.session_actions (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.workshop_sessions (id) on delete cascade,
  geom extensions.geometry(Point, 4326) not null,
  body text not null check (length(btrim(body)) between 1 and 280),
  taken_up_by text check (length(btrim(taken_up_by)) between 1 and 100),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index session_actions_session_idx on public.session_actions (session_id, created_at);

-- Failed join attempts per caller, so six characters cannot be guessed by trying.
create table internal.join_attempts (
  user_id uuid not null,
  attempted_at timestamptz not null default now()
);
create index join_attempts_user_idx on internal.join_attempts (user_id, attempted_at);
alter table internal.join_attempts enable row level security;

------------------------------------------------------------------------------
-- Who is in a session
------------------------------------------------------------------------------

-- Facilitators (and admins) of the session's werkgebied run it.
-- Security definer: the policies below call it and must not recurse.
create function internal.is_session_facilitator(p_session uuid)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workshop_sessions s
    where s.id = p_session and internal.has_role(s.werkgebied_id, '{facilitator}')
  )
$$;
revoke all on function internal.is_session_facilitator(uuid) from public, anon, authenticated, service_role;
grant execute on function internal.is_session_facilitator(uuid) to authenticated, service_role;

create function internal.is_session_member(p_session uuid)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.session_participants p where p.session_id = p_session and p.user_id = auth.uid()
  ) or internal.is_session_facilitator(p_session)
$$;
revoke all on function internal.is_session_member(uuid) from public, anon, authenticated, service_role;
grant execute on function internal.is_session_member(uuid) to authenticated, service_role;

create function internal.require_session_member(p_session uuid)
returns void
language plpgsql stable
as $$
begin
  if not internal.is_session_member(p_session) then
    -- The same refusal for a session that does not exist: ids are not to be probed.
    raise exception using errcode = '42501', message = 'join this session first';
  end if;
end
$$;
revoke all on function internal.require_session_member(uuid) from public, anon, authenticated, service_role;

create function internal.require_session_facilitator(p_session uuid)
returns void
language plpgsql stable
as $$
begin
  if not internal.is_session_facilitator(p_session) then
    raise exception using errcode = '42501', message = 'only the facilitators of this session may do this';
  end if;
end
$$;
revoke all on function internal.require_session_facilitator(uuid) from public, anon, authenticated, service_role;

alter table public.workshop_sessions enable row level security;
create policy "Members see their session" on public.workshop_sessions
  for select to authenticated using (internal.is_session_member(id));
revoke all on public.workshop_sessions from anon, authenticated;
grant select (id, werkgebied_id, title, held_on, shown_area, join_code, join_code_expires_at, join_locked, phase,
              publish_at_once, show_first_names, gap_target, gap_distance_m, gap_asset_target, gap_on_foot, created_at)
  on public.workshop_sessions to authenticated;
grant all on public.workshop_sessions to service_role;

-- A participant sees their own row; the facilitators see everyone's.
alter table public.session_participants enable row level security;
create policy "Participants see themselves, facilitators everyone" on public.session_participants
  for select to authenticated using (user_id = auth.uid() or internal.is_session_facilitator(session_id));
revoke all on public.session_participants from anon, authenticated;
grant select on public.session_participants to authenticated;
grant all on public.session_participants to service_role;

-- Who appreciated what is nobody's business: the functions return counts, reasons and "mine".
alter table public.appreciations enable row level security;
revoke all on public.appreciations from anon, authenticated;
grant all on public.appreciations to service_role;

alter table public.session_actions enable row level security;
create policy "Members see their session's actions" on public.session_actions
  for select to authenticated using (internal.is_session_member(session_id));
revoke all on public.session_actions from anon, authenticated;
grant select (id, session_id, geom, body, taken_up_by, created_at, updated_at) on public.session_actions to authenticated;
grant all on public.session_actions to service_role;

------------------------------------------------------------------------------
-- Broadcasts: one Realtime message per change, to the session's private topic
------------------------------------------------------------------------------

-- Who may listen to a topic: a session's members to `session:<id>`.
create function internal.may_receive_topic(p_topic text)
returns boolean
language plpgsql stable
as $$
declare
  session_id uuid;
begin
  if p_topic is null or p_topic !~ '^session:[0-9a-f-]{36}$' then
    return false;
  end if;
  session_id := substring(p_topic from 9)::uuid;
  return internal.is_session_member(session_id);
exception when invalid_text_representation then
  return false;
end
$$;
revoke all on function internal.may_receive_topic(text) from public, anon, authenticated, service_role;
grant execute on function internal.may_receive_topic(text) to authenticated, service_role;

-- Realtime checks this policy when a client subscribes to a private channel.
-- Nobody but the triggers sends: there is no insert policy.
create policy "Session members receive their session's broadcasts" on realtime.messages
  for select to authenticated
  using (realtime.messages.extension = 'broadcast' and internal.may_receive_topic(realtime.topic()));

-- TG_ARGV[0] names the column holding the session id; 'asset_id' means "the
-- session of that asset" (stories). The payload says which row changed, no more.
create function internal.broadcast_session_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  session_id uuid;
begin
  if tg_argv[0] = 'asset_id' then
    select a.session_id into session_id from public.assets a where a.id = (changed ->> 'asset_id')::uuid;
  else
    session_id := (changed ->> tg_argv[0])::uuid;
  end if;
  if session_id is not null then
    perform realtime.send(
      jsonb_build_object('table', tg_table_name, 'op', lower(tg_op), 'id', coalesce(changed -> 'id', changed -> 'asset_id')),
      tg_table_name, 'session:' || session_id, true);
  end if;
  return null;
end
$$;
revoke all on function internal.broadcast_session_change() from public, anon, authenticated, service_role;

create trigger workshop_sessions_broadcast after update on public.workshop_sessions
  for each row execute function internal.broadcast_session_change('id');
create trigger session_participants_broadcast after insert or update on public.session_participants
  for each row execute function internal.broadcast_session_change('session_id');
create trigger assets_broadcast after insert or update on public.assets
  for each row when (new.session_id is not null) execute function internal.broadcast_session_change('session_id');
create trigger stories_broadcast after insert or update on public.stories
  for each row execute function internal.broadcast_session_change('asset_id');
create trigger appreciations_broadcast after insert or update or delete on public.appreciations
  for each row execute function internal.broadcast_session_change('session_id');
create trigger session_actions_broadcast after insert or update or delete on public.session_actions
  for each row execute function internal.broadcast_session_change('session_id');

------------------------------------------------------------------------------
-- Shapes the functions return
------------------------------------------------------------------------------

create function internal.session_json(s public.workshop_sessions)
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
revoke all on function internal.session_json(public.workshop_sessions) from public, anon, authenticated, service_role;

create function internal.action_json(a public.session_actions)
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'id', a.id, 'session_id', a.session_id, 'body', a.body, 'taken_up_by', a.taken_up_by,
    'lon', round(st_x(a.geom)::numeric, 7), 'lat', round(st_y(a.geom)::numeric, 7),
    'mine', coalesce(a.created_by = auth.uid(), false), 'created_at', a.created_at
  )
$$;
revoke all on function internal.action_json(public.session_actions) from public, anon, authenticated, service_role;

-- Six random characters from the code alphabet, not in use by another session.
create function internal.new_join_code()
returns text
language plpgsql volatile
set search_path = public
as $$
declare
  alphabet constant text := 'ACDEFGHJKMNPQRTUVWXY34679';
  code text;
  bytes bytea;
begin
  loop
    bytes := uuid_send(gen_random_uuid());
    code := '';
    for i in 0..5 loop
      -- Bytes 6 and 8 of a v4 UUID carry its version and variant; bytes 0-5 are random.
      code := code || substr(alphabet, get_byte(bytes, i) % length(alphabet) + 1, 1);
    end loop;
    exit when not exists (select 1 from public.workshop_sessions s where s.join_code = code);
  end loop;
  return code;
end
$$;
revoke all on function internal.new_join_code() from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Running a session (facilitators)
------------------------------------------------------------------------------

create function public.create_session(
  p_werkgebied uuid,
  p_title text,
  p_held_on date default null,
  p_publish_at_once boolean default true,
  p_show_first_names boolean default true,
  p_shown_area jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '5s'
as $$
declare
  w public.werkgebieden;
  area geometry;
  held date := coalesce(p_held_on, current_date);
  s public.workshop_sessions;
begin
  perform internal.require_signed_in();
  select * into w from public.werkgebieden where id = p_werkgebied;
  if not found then
    raise exception using errcode = 'WK404', message = 'werkgebied not found', detail = 'werkgebied';
  end if;
  perform internal.require_role(w.id, '{facilitator}');
  if held not between current_date - 366 and current_date + 366 then
    raise exception using errcode = 'WKARG', message = 'a session is held within a year from today', detail = 'held_on';
  end if;
  if p_shown_area is null then
    area := st_envelope(w.geom);
  else
    area := st_envelope(internal.geometry_from_geojson(p_shown_area, 'area'));
    if not st_intersects(area, w.geom) then
      raise exception using errcode = 'WKGEO', message = 'the area shown must overlap the werkgebied', detail = 'outside_werkgebied';
    end if;
  end if;
  insert into public.workshop_sessions (werkgebied_id, title, held_on, shown_area, join_code, join_code_expires_at,
                                        publish_at_once, show_first_names, created_by)
  values (w.id, internal.required_text(p_title, 'title', 120), held, area, internal.new_join_code(),
          -- Valid until the end of the day after the session.
          greatest(now(), (held + 2)::timestamptz),
          coalesce(p_publish_at_once, true), coalesce(p_show_first_names, true), auth.uid())
  returning * into s;
  return internal.session_json(s);
end
$$;
revoke all on function public.create_session(uuid, text, date, boolean, boolean, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.create_session(uuid, text, date, boolean, boolean, jsonb) to authenticated, service_role;

-- Moves the session to another phase; every screen in the session follows.
create function public.set_session_phase(p_session uuid, p_phase text)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  s public.workshop_sessions;
  next_phase public.session_phase;
begin
  perform internal.require_signed_in();
  perform internal.require_session_facilitator(p_session);
  begin
    next_phase := p_phase::public.session_phase;
  exception when invalid_text_representation then
    raise exception using errcode = 'WKARG', message = format('unknown phase %L', p_phase), detail = 'phase';
  end;
  if next_phase is null then
    raise exception using errcode = 'WKARG', message = 'phase is required', detail = 'phase';
  end if;
  update public.workshop_sessions set phase = next_phase where id = p_session returning * into s;
  return internal.session_json(s);
end
$$;
revoke all on function public.set_session_phase(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.set_session_phase(uuid, text) to authenticated, service_role;

-- Changes the given settings (null = keep). A new join code replaces the old one
-- and is valid for a day from now; locking keeps everyone out who has not joined.
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

------------------------------------------------------------------------------
-- Joining and taking part (everyone in the session)
------------------------------------------------------------------------------

-- The only way into a session. Answers {joined: true, session} or {joined:
-- false, reason}: unknown_code, expired, locked or too_many_attempts. A refusal
-- is an answer, not an error, so that the failed attempt is kept (an error would
-- roll it back) and counted: ten wrong codes in ten minutes, and the caller waits.
-- Joining again changes only the first name.
create function public.join_session(p_code text, p_first_name text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  caller uuid := internal.require_signed_in();
  code text := upper(regexp_replace(coalesce(p_code, ''), '[^A-Za-z0-9]', '', 'g'));
  first_name text := internal.optional_text(p_first_name, 'first_name', 40);
  s public.workshop_sessions;
  refusal text;
begin
  if (select count(*) from internal.join_attempts a
      where a.user_id = caller and a.attempted_at > now() - interval '10 minutes') >= 10 then
    return jsonb_build_object('joined', false, 'reason', 'too_many_attempts');
  end if;
  select * into s from public.workshop_sessions x where x.join_code = code;
  refusal := case
    when not found then 'unknown_code'
    when s.join_code_expires_at < now() then 'expired'
    when s.join_locked and not exists (select 1 from public.session_participants p
                                       where p.session_id = s.id and p.user_id = caller) then 'locked'
  end;
  if refusal is not null then
    insert into internal.join_attempts (user_id) values (caller);
    delete from internal.join_attempts a where a.attempted_at < now() - interval '1 day';
    return jsonb_build_object('joined', false, 'reason', refusal);
  end if;
  insert into public.session_participants (session_id, user_id, first_name)
  values (s.id, caller, first_name)
  on conflict (session_id, user_id) do update set first_name = coalesce(excluded.first_name, session_participants.first_name);
  return jsonb_build_object('joined', true, 'session', internal.session_json(s));
end
$$;
revoke all on function public.join_session(text, text) from public, anon, authenticated, service_role;
grant execute on function public.join_session(text, text) to authenticated, service_role;

create function public.get_session(p_session uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  s public.workshop_sessions;
begin
  perform internal.require_session_member(p_session);
  select * into s from public.workshop_sessions where id = p_session;
  return internal.session_json(s);
end
$$;
revoke all on function public.get_session(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_session(uuid) to authenticated, service_role;

-- The sessions the caller takes part in or runs, newest first.
create function public.list_my_sessions()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
  select coalesce(jsonb_agg(internal.session_json(s) order by s.held_on desc, s.created_at desc), '[]')
  from (
    select * from public.workshop_sessions x
    where internal.is_session_member(x.id)
    order by x.held_on desc, x.created_at desc
    limit 100
  ) s
$$;
revoke all on function public.list_my_sessions() from public, anon, authenticated, service_role;
grant execute on function public.list_my_sessions() to authenticated, service_role;

-- How many appreciate a place, and whether the caller does; never who.
create function internal.appreciation_json(p_asset uuid)
returns jsonb
language sql stable
set search_path = public
as $$
  select jsonb_build_object(
    'asset_id', p_asset,
    'count', (select count(*) from public.appreciations ap where ap.asset_id = p_asset),
    'mine', exists (select 1 from public.appreciations ap where ap.asset_id = p_asset and ap.user_id = auth.uid())
  )
$$;
revoke all on function internal.appreciation_json(uuid) from public, anon, authenticated, service_role;

-- "Ik waardeer dit": once per person per place (again: the reason is updated,
-- the count is not). Any place or route the caller can see; in a session, only
-- as a member of it.
create function public.appreciate(p_asset uuid, p_reason text default null, p_session uuid default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  caller uuid := internal.require_signed_in();
  reason text := internal.optional_text(p_reason, 'reason', 500);
begin
  if not exists (select 1 from public.assets a
                 where a.id = p_asset and a.status not in ('archived', 'rejected')
                   and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)) then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_asset), detail = 'asset';
  end if;
  if p_session is not null then
    perform internal.require_session_member(p_session);
  end if;
  insert into public.appreciations (asset_id, user_id, reason, session_id)
  values (p_asset, caller, reason, p_session)
  on conflict (asset_id, user_id) do update
    set reason = coalesce(excluded.reason, appreciations.reason),
        session_id = coalesce(appreciations.session_id, excluded.session_id);
  return internal.appreciation_json(p_asset);
end
$$;
revoke all on function public.appreciate(uuid, text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.appreciate(uuid, text, uuid) to authenticated, service_role;

create function public.withdraw_appreciation(p_asset uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
begin
  delete from public.appreciations where asset_id = p_asset and user_id = internal.require_signed_in();
  return internal.appreciation_json(p_asset);
end
$$;
revoke all on function public.withdraw_appreciation(uuid) from public, anon, authenticated, service_role;
grant execute on function public.withdraw_appreciation(uuid) to authenticated, service_role;

-- Marks an idea or agreement on the map; anyone in the session may, in any phase.
create function public.add_session_action(
  p_session uuid,
  p_lon double precision,
  p_lat double precision,
  p_body text,
  p_taken_up_by text default null,
  p_idempotency_key uuid default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.session_actions;
  prior uuid;
begin
  perform internal.require_signed_in();
  perform internal.require_session_member(p_session);
  prior := internal.claim_idempotency_key(p_idempotency_key, 'add_session_action');
  if prior is not null then
    select * into a from public.session_actions where id = prior;
    return internal.action_json(a);
  end if;
  insert into public.session_actions (session_id, geom, body, taken_up_by, created_by)
  values (p_session, internal.point(p_lon, p_lat), internal.required_text(p_body, 'action', 280),
          internal.optional_text(p_taken_up_by, 'taken_up_by', 100), auth.uid())
  returning * into a;
  perform internal.remember_idempotent_write(p_idempotency_key, a.id);
  return internal.action_json(a);
end
$$;
revoke all on function public.add_session_action(uuid, double precision, double precision, text, text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.add_session_action(uuid, double precision, double precision, text, text, uuid) to authenticated, service_role;

-- Who takes an action up is often agreed later: its author and the facilitators may say.
create function public.update_session_action(p_action uuid, p_body text default null, p_taken_up_by text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.session_actions;
begin
  perform internal.require_signed_in();
  select * into a from public.session_actions x where x.id = p_action and internal.is_session_member(x.session_id);
  if not found then
    raise exception using errcode = 'WK404', message = 'action not found', detail = 'action';
  end if;
  if a.created_by is distinct from auth.uid() and not internal.is_session_facilitator(a.session_id) then
    raise exception using errcode = '42501', message = 'only its author and the facilitators may change an action';
  end if;
  update public.session_actions x set
    body = coalesce(internal.optional_text(p_body, 'action', 280), x.body),
    taken_up_by = case when p_taken_up_by is null then x.taken_up_by else internal.optional_text(p_taken_up_by, 'taken_up_by', 100) end,
    updated_at = now()
  where x.id = p_action
  returning * into a;
  return internal.action_json(a);
end
$$;
revoke all on function public.update_session_action(uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.update_session_action(uuid, text, text) to authenticated, service_role;

------------------------------------------------------------------------------
-- What the screens and the summary show
------------------------------------------------------------------------------

-- Everything a session's screens show, as visible as RLS would allow the caller:
-- the contributions made in it (each with its appreciations and stories), the
-- newest stories, the appreciations given in it, the actions, and counts per
-- kind, category and Positive Health dimension. Names are first names given on
-- joining, and only when the session shows them.
create function public.session_overview(p_session uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
declare
  s public.workshop_sessions;
begin
  perform internal.require_session_member(p_session);
  select * into s from public.workshop_sessions where id = p_session;
  return (
    with contributed as (
      select a as asset, a.id, a.kind, a.category, a.dimensions, a.status, a.name, a.werkgebied_id, a.created_at, p.first_name
      from public.assets a
      -- Never who added a circle: its key person stays unnamed (11_circles.sql).
      left join public.session_participants p
        on s.show_first_names and a.category <> 'cirkel' and p.session_id = s.id and p.user_id = a.created_by
      where a.session_id = s.id and a.status in ('published', 'pending')
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    ),
    told as (
      select st.*, a.name as asset_name
      from public.stories st join contributed a on a.id = st.asset_id
      where st.status in ('published', 'pending') and internal.asset_visible(st.status, st.created_by, a.werkgebied_id)
    ),
    appreciated as (
      select ap.asset_id, ap.reason, ap.created_at, a.name as asset_name
      from public.appreciations ap join public.assets a on a.id = ap.asset_id
      where ap.session_id = s.id and a.status in ('published', 'pending')
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    )
    select jsonb_build_object(
      'session', internal.session_json(s),
      'contributions', internal.feature_collection((
        select jsonb_agg(internal.asset_feature(c.asset, jsonb_build_object(
          'first_name', c.first_name,
          'appreciations', (select count(*) from public.appreciations ap where ap.asset_id = c.id),
          'stories', (select count(*) from told t where t.asset_id = c.id)
        )) order by c.created_at, c.id)
        from contributed c
      )),
      'stories', coalesce((
        select jsonb_agg(jsonb_build_object('id', t.id, 'asset_id', t.asset_id, 'asset_name', t.asset_name, 'body', t.body,
                                            'author_name', case when s.show_first_names then t.author_name end,
                                            'created_at', t.created_at) order by t.created_at desc, t.id)
        from told t
      ), '[]'),
      'appreciations', coalesce((
        select jsonb_agg(jsonb_build_object('asset_id', g.asset_id, 'asset_name', g.asset_name, 'count', g.n,
                                            'reasons', g.reasons) order by g.n desc, g.asset_name)
        from (select asset_id, asset_name, count(*) as n,
                     coalesce(jsonb_agg(reason order by created_at) filter (where reason is not null), '[]') as reasons
              from appreciated group by asset_id, asset_name) g
      ), '[]'),
      'actions', coalesce((
        select jsonb_agg(internal.action_json(x) order by x.created_at, x.id)
        from public.session_actions x where x.session_id = s.id
      ), '[]'),
      'counts', jsonb_build_object(
        'contributions', (select count(*) from contributed),
        'by_kind', (select coalesce(jsonb_object_agg(kind, n), '{}') from (select kind, count(*) n from contributed group by kind) k),
        'by_category', (select coalesce(jsonb_object_agg(category, n), '{}') from (select category, count(*) n from contributed group by category) k),
        'by_dimension', (select coalesce(jsonb_object_agg(d, n), '{}')
                         from (select d, count(*) n from contributed, unnest(dimensions) d group by d) k),
        'stories', (select count(*) from told),
        'appreciations', (select count(*) from appreciated),
        'actions', (select count(*) from public.session_actions x where x.session_id = s.id),
        'participants', (select count(*) from public.session_participants p where p.session_id = s.id),
        'pending', (select count(*) from contributed where status = 'pending')
      )
    )
  );
end
$$;
revoke all on function public.session_overview(uuid) from public, anon, authenticated, service_role;
grant execute on function public.session_overview(uuid) to authenticated, service_role;
