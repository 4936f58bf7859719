-- Moderation and history. Every change to an asset or a story is kept in
-- public.changes (old and new values, what happened, who, when), by triggers,
-- whatever path the change came by. Nothing the app does deletes an asset or a
-- story: archiving and rejecting change a status, and an undo is one more change
-- (a circle whose consent is withdrawn goes, 11_circles.sql).
--
-- Moderation: a contribution is pending until a facilitator of its werkgebied
-- approves it (unless the werkgebied publishes at once, 04_assets_and_stories);
-- anyone signed in can report a published item; after the werkgebied's number
-- of open reports it is hidden until a facilitator looks.
--
-- Neither table is readable or writable by an API role: the functions below
-- are the way in, and never return who did something, only "you", the name a
-- member of the werkgebied chose to show, or "a resident".

------------------------------------------------------------------------------
-- History
------------------------------------------------------------------------------

create table public.changes (
  id bigint generated always as identity primary key,
  item_type text not null check (item_type in ('asset', 'story', 'photo')),
  item_id uuid not null,
  werkgebied_id uuid,
  -- 'withdraw': a circle's consent withdrawn (11_circles.sql); the circle is gone.
  operation text not null check (operation in ('add', 'edit', 'archive', 'restore', 'approve', 'reject', 'hide', 'undo', 'withdraw')),
  -- Only the fields that changed (null for an add: everything is new).
  old_values jsonb,
  new_values jsonb not null,
  changed_by uuid,
  changed_at timestamptz not null default clock_timestamp(),
  undoes bigint references public.changes (id)
);
create index changes_item_idx on public.changes (item_type, item_id, id);
alter table public.changes enable row level security;
revoke all on public.changes from anon, authenticated;
revoke all on sequence public.changes_id_seq from anon, authenticated;
grant all on public.changes to service_role;

-- What history keeps of an asset and of a story: every field a person can change.
-- Geometry as GeoJSON with 15 decimals, so an undo gives back the same shape.
create function internal.asset_snapshot(a public.assets)
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'kind', a.kind, 'category', a.category, 'dimensions', to_jsonb(a.dimensions), 'name', a.name,
    'description', a.description, 'geometry', st_asgeojson(a.geom, 15)::jsonb, 'status', a.status,
    'moderation_note', a.moderation_note, 'source', a.source, 'source_id', a.source_id, 'attribution', a.attribution)
$$;
revoke all on function internal.asset_snapshot(public.assets) from public, anon, authenticated, service_role;

create function internal.story_snapshot(s public.stories)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('body', s.body, 'author_name', s.author_name, 'status', s.status, 'moderation_note', s.moderation_note)
$$;
revoke all on function internal.story_snapshot(public.stories) from public, anon, authenticated, service_role;

-- A photo's file never changes: only what is said about it and its status.
create function internal.photo_snapshot(p public.photos)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('caption', p.caption, 'status', p.status, 'moderation_note', p.moderation_note)
$$;
revoke all on function internal.photo_snapshot(public.photos) from public, anon, authenticated, service_role;

-- What a status change is called in the history.
create function internal.change_operation(p_old public.asset_status, p_new public.asset_status)
returns text
language sql immutable
as $$
  select case
    when p_old is not distinct from p_new then 'edit'
    when p_new = 'archived' then 'archive'
    when p_new = 'rejected' then 'reject'
    when p_new = 'hidden' then 'hide'
    when p_old = 'pending' and p_new = 'published' then 'approve'
    else 'restore'
  end
$$;
revoke all on function internal.change_operation(public.asset_status, public.asset_status) from public, anon, authenticated, service_role;

-- One history row per insert or real change; an undo says which change it undid
-- (internal.undo sets wijkkracht.undoing for its own update).
create function internal.record_change(
  p_item_type text, p_item_id uuid, p_werkgebied uuid, p_old jsonb, p_new jsonb,
  p_old_status public.asset_status, p_new_status public.asset_status
)
returns void
language plpgsql volatile
set search_path = public
as $$
declare
  undoing bigint := nullif(current_setting('wijkkracht.undoing', true), '')::bigint;
  old_values jsonb;
  new_values jsonb;
begin
  if p_old is null then
    insert into public.changes (item_type, item_id, werkgebied_id, operation, new_values, changed_by)
    values (p_item_type, p_item_id, p_werkgebied, 'add', p_new, auth.uid());
    return;
  end if;
  select jsonb_object_agg(k, p_old -> k), jsonb_object_agg(k, p_new -> k)
  into old_values, new_values
  from jsonb_object_keys(p_new) k
  where p_old -> k is distinct from p_new -> k;
  if new_values is null then
    return;
  end if;
  insert into public.changes (item_type, item_id, werkgebied_id, operation, old_values, new_values, changed_by, undoes)
  values (p_item_type, p_item_id, p_werkgebied,
          case when undoing is not null then 'undo' else internal.change_operation(p_old_status, p_new_status) end,
          old_values, new_values, auth.uid(), undoing);
end
$$;
revoke all on function internal.record_change(text, uuid, uuid, jsonb, jsonb, public.asset_status, public.asset_status) from public, anon, authenticated, service_role;

-- Security definer: the history is written whichever role made the change.
create function internal.assets_record_change() returns trigger
language plpgsql
security definer
set search_path = public
as $$
begin
  -- Places an import adds get their history in one statement (internal.record_assets_added).
  if tg_op = 'INSERT' and internal.added_in_bulk() then
    return null;
  end if;
  perform internal.record_change('asset', new.id, new.werkgebied_id,
    case when tg_op = 'UPDATE' then internal.asset_snapshot(old) end, internal.asset_snapshot(new),
    case when tg_op = 'UPDATE' then old.status end, new.status);
  return null;
end
$$;
revoke all on function internal.assets_record_change() from public, anon, authenticated, service_role;

-- The history of places added in bulk (internal.added_in_bulk), in one insert.
create function internal.record_assets_added(p_ids uuid[]) returns void
language plpgsql
set search_path = public
as $$
begin
  insert into public.changes (item_type, item_id, werkgebied_id, operation, new_values, changed_by)
  select 'asset', a.id, a.werkgebied_id, 'add', internal.asset_snapshot(a), auth.uid()
  from unnest(p_ids) with ordinality as added(id, position)
  join public.assets a on a.id = added.id
  order by added.position;
end
$$;
revoke all on function internal.record_assets_added(uuid[]) from public, anon, authenticated, service_role;

create trigger assets_record_change after insert or update on public.assets
  for each row execute function internal.assets_record_change();

create function internal.stories_record_change() returns trigger
language plpgsql
security definer
set search_path = public
as $$
begin
  perform internal.record_change('story', new.id, (select a.werkgebied_id from public.assets a where a.id = new.asset_id),
    case when tg_op = 'UPDATE' then internal.story_snapshot(old) end, internal.story_snapshot(new),
    case when tg_op = 'UPDATE' then old.status end, new.status);
  return null;
end
$$;
revoke all on function internal.stories_record_change() from public, anon, authenticated, service_role;

create trigger stories_record_change after insert or update on public.stories
  for each row execute function internal.stories_record_change();

------------------------------------------------------------------------------
-- Reports
------------------------------------------------------------------------------

create table public.reports (
  id bigint generated always as identity primary key,
  item_type text not null check (item_type in ('asset', 'story', 'photo')),
  item_id uuid not null,
  reported_by uuid not null,
  reason text not null check (length(btrim(reason)) between 1 and 500),
  created_at timestamptz not null default now(),
  -- Set when a facilitator decided (approve, reject, restore).
  resolved_at timestamptz
);
-- One open report per person per item.
create unique index reports_open_idx on public.reports (item_type, item_id, reported_by) where resolved_at is null;
alter table public.reports enable row level security;
revoke all on public.reports from anon, authenticated;
revoke all on sequence public.reports_id_seq from anon, authenticated;
grant all on public.reports to service_role;

------------------------------------------------------------------------------
-- The item a moderation or history call is about
------------------------------------------------------------------------------

-- An asset, a story or a photo, locked for the change about to be made, with what the
-- callers' rights depend on: its werkgebied, author and status.
create function internal.lock_item(
  p_item_type text, p_id uuid,
  out werkgebied_id uuid, out created_by uuid, out status public.asset_status, out version int, out snapshot jsonb,
  p_lock boolean default true
)
language plpgsql volatile
set search_path = public
as $$
begin
  if p_item_type = 'asset' then
    select a.werkgebied_id, a.created_by, a.status, a.version, internal.asset_snapshot(a)
    into werkgebied_id, created_by, status, version, snapshot
    from public.assets a where a.id = p_id;
  elsif p_item_type = 'story' then
    select a.werkgebied_id, s.created_by, s.status, s.version, internal.story_snapshot(s)
    into werkgebied_id, created_by, status, version, snapshot
    from public.stories s join public.assets a on a.id = s.asset_id where s.id = p_id;
  elsif p_item_type = 'photo' then
    select a.werkgebied_id, p.created_by, p.status, p.version, internal.photo_snapshot(p)
    into werkgebied_id, created_by, status, version, snapshot
    from public.photos p join public.assets a on a.id = p.asset_id where p.id = p_id;
  else
    raise exception using errcode = 'WKARG', message = format('unknown item type %L', p_item_type), detail = 'item_type';
  end if;
  if status is null or not internal.asset_visible(status, created_by, werkgebied_id) then
    raise exception using errcode = 'WK404', message = format('%s %s not found', p_item_type, p_id), detail = p_item_type;
  end if;
  -- Locked only once the caller is known to see it, and only for a change (not to read a history).
  if p_lock then
    if p_item_type = 'asset' then
      perform 1 from public.assets a where a.id = p_id for update;
    elsif p_item_type = 'story' then
      perform 1 from public.stories s where s.id = p_id for update;
    else
      perform 1 from public.photos p where p.id = p_id for update;
    end if;
  end if;
end
$$;
revoke all on function internal.lock_item(text, uuid, boolean) from public, anon, authenticated, service_role;

-- Sets an item's fields from a snapshot (only the keys it has), as one change.
create function internal.apply_values(p_item_type text, p_id uuid, p_values jsonb)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  perform internal.allow_status_change(true);
  if p_item_type = 'asset' then
    update public.assets set
      kind = case when p_values ? 'kind' then (p_values ->> 'kind')::public.asset_kind else kind end,
      category = case when p_values ? 'category' then p_values ->> 'category' else category end,
      dimensions = case when p_values ? 'dimensions'
                        then array(select jsonb_array_elements_text(p_values -> 'dimensions'))::public.health_dimension[]
                        else dimensions end,
      name = case when p_values ? 'name' then p_values ->> 'name' else name end,
      description = case when p_values ? 'description' then p_values ->> 'description' else description end,
      geom = case when p_values ? 'geometry' then st_setsrid(st_geomfromgeojson(p_values -> 'geometry'), 4326) else geom end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end,
      source = case when p_values ? 'source' then p_values ->> 'source' else source end,
      source_id = case when p_values ? 'source_id' then p_values ->> 'source_id' else source_id end,
      attribution = case when p_values ? 'attribution' then p_values ->> 'attribution' else attribution end
    where id = p_id;
  elsif p_item_type = 'photo' then
    update public.photos set
      caption = case when p_values ? 'caption' then p_values ->> 'caption' else caption end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end
    where id = p_id;
  else
    update public.stories set
      body = case when p_values ? 'body' then p_values ->> 'body' else body end,
      author_name = case when p_values ? 'author_name' then p_values ->> 'author_name' else author_name end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end
    where id = p_id;
  end if;
  perform internal.allow_status_change(false);
end
$$;
revoke all on function internal.apply_values(text, uuid, jsonb) from public, anon, authenticated, service_role;

create function internal.item_json(p_item_type text, p_id uuid)
returns jsonb
language sql stable
set search_path = public
as $$
  select case p_item_type
    when 'asset' then (select internal.asset_feature(a) from public.assets a where a.id = p_id)
    when 'photo' then (select internal.photo_json(p) from public.photos p where p.id = p_id)
    else (select internal.story_json(s) from public.stories s where s.id = p_id)
  end
$$;
revoke all on function internal.item_json(text, uuid) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Moderation: for facilitators of the item's werkgebied
------------------------------------------------------------------------------

-- The decisions an item in this status allows, for moderate() and for the queue
-- (so the app offers exactly these): approve pending or hidden items, or keep a
-- reported published one as it is; reject (with a reason for the author)
-- pending, hidden or published ones; restore archived, rejected or hidden ones.
create function internal.moderation_decisions(p_status public.asset_status)
returns text[]
language sql immutable
as $$
  select array_remove(array[
    case when p_status in ('pending', 'hidden', 'published') then 'approve' end,
    case when p_status in ('pending', 'hidden', 'published') then 'reject' end,
    case when p_status in ('archived', 'rejected', 'hidden') then 'restore' end
  ], null)
$$;
revoke all on function internal.moderation_decisions(public.asset_status) from public, anon, authenticated, service_role;

-- Approve and restore publish, reject needs a reason; open reports are resolved by each.
create function public.moderate(p_item_type text, p_id uuid, p_decision text, p_reason text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  item record;
  target public.asset_status;
  note text;
begin
  perform internal.require_signed_in();
  select * into item from internal.lock_item(p_item_type, p_id);
  perform internal.require_role(item.werkgebied_id, '{facilitator}');
  case p_decision
    when 'approve', 'restore' then target := 'published';
    when 'reject' then target := 'rejected';
      note := internal.required_text(p_reason, 'reason', 500);
    else
      raise exception using errcode = 'WKARG', message = format('unknown decision %L', p_decision), detail = 'decision';
  end case;
  if not p_decision = any (internal.moderation_decisions(item.status)) then
    raise exception using errcode = 'WKARG',
      message = format('cannot %s an item that is %s', p_decision, item.status), detail = 'status';
  end if;
  perform internal.apply_values(p_item_type, p_id, jsonb_build_object('status', target, 'moderation_note', note));
  update public.reports set resolved_at = now()
  where item_type = p_item_type and item_id = p_id and resolved_at is null;
  return internal.item_json(p_item_type, p_id);
end
$$;
revoke all on function public.moderate(text, uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.moderate(text, uuid, text, text) to authenticated, service_role;

-- Anyone signed in may report a published item once (until a facilitator has
-- decided on it). At the werkgebied's threshold the item is hidden.
create function public.report_item(p_item_type text, p_id uuid, p_reason text)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  item record;
  open_reports int;
  threshold int;
begin
  perform internal.require_signed_in();
  select * into item from internal.lock_item(p_item_type, p_id);
  if item.status <> 'published' then
    raise exception using errcode = 'WKARG', message = 'only items on the map can be reported', detail = 'status';
  end if;
  begin
    insert into public.reports (item_type, item_id, reported_by, reason)
    values (p_item_type, p_id, auth.uid(), internal.required_text(p_reason, 'reason', 500));
  exception when unique_violation then
    raise exception using errcode = 'WKDUP', message = 'you reported this already', detail = 'report';
  end;
  select count(*) into open_reports from public.reports
  where item_type = p_item_type and item_id = p_id and resolved_at is null;
  select coalesce((select w.report_threshold from public.werkgebieden w where w.id = item.werkgebied_id), 3) into threshold;
  if open_reports >= threshold then
    perform internal.apply_values(p_item_type, p_id, jsonb_build_object('status', 'hidden'));
  end if;
  return jsonb_build_object('reports', open_reports, 'hidden', open_reports >= threshold);
end
$$;
revoke all on function public.report_item(text, uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.report_item(text, uuid, text) to authenticated, service_role;

-- What waits for the caller: pending and hidden items, and published ones with
-- open reports, in the werkgebieden where the caller facilitates (one, or all).
create function public.moderation_queue(p_werkgebied uuid default null)
returns jsonb
language sql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
  with items as (
    select 'asset' as item_type, a.id, a.id as asset_id, a.werkgebied_id, a.status, a.version, a.created_at,
           a.name, null::text as body, null::text as author_name, a.kind::text as kind, a.category, a.geom,
           null::jsonb as photo
    from public.assets a
    union all
    select 'story', s.id, s.asset_id, a.werkgebied_id, s.status, s.version, s.created_at,
           a.name, s.body, s.author_name, a.kind::text, a.category, a.geom, null::jsonb
    from public.stories s join public.assets a on a.id = s.asset_id
    union all
    -- A photo waits only once its file is there (14_photos.sql); its caption is its text.
    select 'photo', p.id, p.asset_id, a.werkgebied_id, p.status, p.version, p.created_at,
           a.name, p.caption, null::text, a.kind::text, a.category, a.geom, internal.photo_json(p)
    from public.photos p join public.assets a on a.id = p.asset_id
    where p.uploaded_at is not null
  ),
  open_reports as (
    select r.item_type, r.item_id, jsonb_agg(jsonb_build_object('reason', r.reason, 'created_at', r.created_at)
                                             order by r.created_at) as reports
    from public.reports r where r.resolved_at is null
    group by r.item_type, r.item_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'item_type', i.item_type, 'id', i.id, 'asset_id', i.asset_id, 'werkgebied_id', i.werkgebied_id,
      'werkgebied_name', w.name, 'status', i.status, 'version', i.version, 'created_at', i.created_at,
      'name', i.name, 'body', i.body, 'author_name', i.author_name, 'kind', i.kind, 'category', i.category,
      'geometry', st_asgeojson(st_pointonsurface(i.geom), 7)::jsonb,
      'reports', coalesce(r.reports, '[]'), 'photo', i.photo,
      'decisions', to_jsonb(internal.moderation_decisions(i.status))
    ) order by i.created_at, i.id), '[]')
  from (
    select * from items i
    where (i.status in ('pending', 'hidden')
           or (i.status = 'published' and exists (select 1 from open_reports r where r.item_type = i.item_type and r.item_id = i.id)))
      and (p_werkgebied is null or i.werkgebied_id = p_werkgebied)
      and internal.has_role(i.werkgebied_id, '{facilitator}')
    order by i.created_at, i.id
    limit 500
  ) i
  left join public.werkgebieden w on w.id = i.werkgebied_id
  left join open_reports r on r.item_type = i.item_type and r.item_id = i.id
$$;
revoke all on function public.moderation_queue(uuid) from public, anon, authenticated, service_role;
grant execute on function public.moderation_queue(uuid) to authenticated, service_role;

------------------------------------------------------------------------------
-- History and undo: for the item's author and the werkgebied's facilitators
------------------------------------------------------------------------------

-- May the caller undo this change: facilitators of the werkgebied any change;
-- the item's author only their own adds, edits, archives, restores and undos
-- (not a moderator's decision, nor the hiding their report set off).
create function internal.may_undo(c public.changes, p_item_author uuid)
returns boolean
language sql stable
as $$
  select internal.has_role(c.werkgebied_id, '{facilitator}')
    or (c.changed_by = auth.uid() and p_item_author = auth.uid()
        and c.operation in ('add', 'edit', 'archive', 'restore', 'undo'))
$$;
revoke all on function internal.may_undo(public.changes, uuid) from public, anon, authenticated, service_role;

create function public.item_history(p_item_type text, p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  item record;
begin
  perform internal.require_signed_in();
  select * into item from internal.lock_item(p_item_type, p_id, p_lock => false);
  if not (item.created_by = auth.uid() or internal.has_role(item.werkgebied_id, '{facilitator}')) then
    raise exception using errcode = '42501', message = 'only its author and facilitators see an item''s history';
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', c.id, 'operation', c.operation, 'changed_at', c.changed_at, 'undoes', c.undoes,
      -- A shape can hold 20 000 vertices: the history says that it changed, not how.
      'fields', (select jsonb_agg(k order by k) from jsonb_object_keys(c.new_values) k),
      'old_values', c.old_values - 'geometry', 'new_values', c.new_values - 'geometry',
      'who', case when c.changed_by = auth.uid() then 'you'
                  when m.display_name is not null then 'member'
                  else 'resident' end,
      'who_name', m.display_name,
      'can_undo', internal.may_undo(c, item.created_by)
    ) order by c.id)
    from public.changes c
    left join lateral (
      select wm.display_name from public.werkgebied_members wm
      where wm.user_id = c.changed_by and wm.werkgebied_id = c.werkgebied_id and wm.display_name is not null
      order by wm.role limit 1
    ) m on true
    where c.item_type = p_item_type and c.item_id = p_id
  ), '[]');
end
$$;
revoke all on function public.item_history(text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.item_history(text, uuid) to authenticated, service_role;

-- Undoes one change: the fields it changed get their old values back, if they
-- still hold what that change left (else WKVER: undo the later change first).
-- Undoing an add archives the item. The undo is a change of its own.
create function public.undo_change(p_change_id bigint)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  c public.changes;
  item record;
  k text;
begin
  perform internal.require_signed_in();
  select * into c from public.changes where id = p_change_id;
  if not found then
    raise exception using errcode = 'WK404', message = format('change %s not found', p_change_id), detail = 'change';
  end if;
  select * into item from internal.lock_item(c.item_type, c.item_id);
  if not internal.may_undo(c, item.created_by) then
    raise exception using errcode = '42501', message = 'you may not undo this change';
  end if;
  if c.operation = 'add' then
    if item.status = 'archived' then
      raise exception using errcode = 'WKARG', message = 'this item is archived already', detail = 'status';
    end if;
  else
    for k in select jsonb_object_keys(c.new_values) loop
      if item.snapshot -> k is distinct from c.new_values -> k then
        raise exception using errcode = 'WKVER', message = 'this was changed again since; undo the later change first',
          detail = item.version::text;
      end if;
    end loop;
  end if;
  perform set_config('wijkkracht.undoing', c.id::text, true);
  perform internal.apply_values(c.item_type, c.item_id,
    case when c.operation = 'add' then jsonb_build_object('status', 'archived') else c.old_values end);
  perform set_config('wijkkracht.undoing', '', true);
  return internal.item_json(c.item_type, c.item_id);
end
$$;
revoke all on function public.undo_change(bigint) from public, anon, authenticated, service_role;
grant execute on function public.undo_change(bigint) to authenticated, service_role;

-- Puts an archived asset back: its author gets back the status it had before
-- it was archived (a pending place stays pending); a facilitator publishes it.
create function public.restore_asset(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  item record;
  before_archive public.asset_status;
begin
  perform internal.require_signed_in();
  select * into item from internal.lock_item('asset', p_id);
  if internal.has_role(item.werkgebied_id, '{facilitator}') then
    return public.moderate('asset', p_id, 'restore');
  end if;
  if item.created_by is distinct from auth.uid() then
    raise exception using errcode = '42501', message = format('you may not change asset %s', p_id);
  end if;
  if item.status <> 'archived' then
    raise exception using errcode = 'WKARG', message = 'only an archived place can be restored', detail = 'status';
  end if;
  select (c.old_values ->> 'status')::public.asset_status into before_archive
  from public.changes c
  where c.item_type = 'asset' and c.item_id = p_id and c.new_values ->> 'status' = 'archived'
  order by c.id desc limit 1;
  perform internal.apply_values('asset', p_id, jsonb_build_object('status', coalesce(before_archive, 'pending')));
  return internal.item_json('asset', p_id);
end
$$;
revoke all on function public.restore_asset(uuid) from public, anon, authenticated, service_role;
grant execute on function public.restore_asset(uuid) to authenticated, service_role;
