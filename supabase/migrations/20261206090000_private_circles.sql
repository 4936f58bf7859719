-- Circles stay private. A circle (category 'cirkel') is shown to the public at
-- its buurt or its 100 m cell, never at its exact place, which only its key
-- person and the werkgebied's facilitators read (get_asset); it is added only
-- with its key person's consent (add_asset's new p_circle_consent), which they
-- can withdraw (withdraw_circle: the circle goes, its history keeps no
-- details); its name and description hold no phone number or e-mail address.
-- Same as supabase/schemas/04_assets_and_stories.sql, 05_asset_api.sql,
-- 06_moderation_and_history.sql and 11_circles.sql; tests/sql/schemaParity
-- checks both.

set search_path = public, extensions;

alter table public.changes drop constraint changes_operation_check;
alter table public.changes add constraint changes_operation_check
  check (operation in ('add', 'edit', 'archive', 'restore', 'approve', 'reject', 'hide', 'undo', 'withdraw'));

create table internal.circle_locations (
  -- Deferred: the rules trigger writes this row before its asset row exists.
  asset_id uuid primary key references public.assets (id) on delete cascade deferrable initially deferred,
  exact_geom extensions.geometry(Geometry, 4326) not null,
  -- Where the public sees it: 'buurt' (a point in its buurt) or 'cell' (its 100 m cell's centre).
  shown_at text not null check (shown_at in ('buurt', 'cell')),
  consent_at timestamptz not null default now()
);
alter table internal.circle_locations enable row level security;
revoke all on internal.circle_locations from public, anon, authenticated, service_role;

-- The point the public sees for an exact shape, and what it stands for.
create function internal.circle_public_place(p_exact extensions.geometry, out geom extensions.geometry, out shown_at text)
language plpgsql stable
set search_path = public, extensions
as $$
declare
  inside extensions.geometry := st_pointonsurface(p_exact);
  rd extensions.geometry := st_transform(inside, 28992);
begin
  select st_pointonsurface(a.geom) into geom
  from public.areas a
  where a.level = 'buurt' and st_intersects(a.geom, inside)
  order by a.code
  limit 1;
  if geom is not null then
    shown_at := 'buurt';
    return;
  end if;
  geom := st_transform(st_setsrid(st_makepoint(floor(st_x(rd) / 100) * 100 + 50, floor(st_y(rd) / 100) * 100 + 50), 28992), 4326);
  shown_at := 'cell';
end
$$;
revoke all on function internal.circle_public_place(extensions.geometry) from public, anon, authenticated, service_role;
grant execute on function internal.circle_public_place(extensions.geometry) to service_role;

-- Whether the write adding a circle carries its key person's consent: add_asset
-- says so for its one insert; the service role and the database's own logins
-- write on their own authority.
create function internal.circle_consent_given()
returns boolean
language sql stable
as $$
  select coalesce(current_setting('wijkkracht.circle_consent', true), '') = 'on'
    or auth.role() not in ('anon', 'authenticated')
$$;
revoke all on function internal.circle_consent_given() from public, anon, authenticated, service_role;
grant execute on function internal.circle_consent_given() to service_role;

-- A phone number (Dutch or international) or an e-mail address in a text.
create function internal.has_contact_details(p_text text)
returns boolean
language sql immutable
as $$
  select p_text ~* '[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}'
    or p_text ~ '(\+|00)[1-9][0-9 ()-]{7,}[0-9]'
    or p_text ~ '(^|[^0-9])0[1-9]([ -]?[0-9]){8}($|[^0-9])'
$$;
revoke all on function internal.has_contact_details(text) from public, anon, authenticated, service_role;
grant execute on function internal.has_contact_details(text) to service_role;

-- Called by the rules trigger for every written row that is a circle.
create function internal.keep_circle_private(a public.assets, p_shape_changed boolean)
returns extensions.geometry
language plpgsql
-- The service role writing directly runs the trigger too, and may not read or write circle_locations itself.
security definer
set search_path = public, extensions
as $$
declare
  place record;
begin
  if a.kind not in ('place', 'group') then
    raise exception using errcode = 'WKARG', message = 'a circle is a place or a group', detail = 'circle_kind';
  end if;
  if internal.has_contact_details(a.name) or internal.has_contact_details(a.description) then
    raise exception using errcode = 'WKARG', message = 'a circle shows no phone number or e-mail address',
      detail = 'contact_details';
  end if;
  if not p_shape_changed then
    return a.geom;
  end if;
  place := internal.circle_public_place(a.geom);
  insert into internal.circle_locations as c (asset_id, exact_geom, shown_at)
  values (a.id, a.geom, place.shown_at)
  on conflict (asset_id) do update set exact_geom = excluded.exact_geom, shown_at = excluded.shown_at;
  return place.geom;
end
$$;
revoke all on function internal.keep_circle_private(public.assets, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.keep_circle_private(public.assets, boolean) to service_role;

-- What get_asset says about a circle: where the public sees it, and for its key
-- person and the werkgebied's facilitators the exact shape and that they may
-- withdraw it. Null for anything that is not a circle.
create function internal.circle_json(a public.assets)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
as $$
declare
  c internal.circle_locations;
  insider boolean;
begin
  if a.category <> 'cirkel' then
    return null;
  end if;
  select * into c from internal.circle_locations x where x.asset_id = a.id;
  insider := coalesce(a.created_by = auth.uid(), false) or coalesce(internal.has_role(a.werkgebied_id, '{facilitator}'), false);
  return jsonb_build_object(
    'shown_at', coalesce(c.shown_at, 'cell'),
    'exact_geometry', case when insider and c.asset_id is not null then st_asgeojson(c.exact_geom, 7)::jsonb end,
    'may_withdraw', insider
  );
end
$$;
revoke all on function internal.circle_json(public.assets) from public, anon, authenticated, service_role;

-- The key person (or a facilitator for them) withdraws the consent: the circle
-- goes, with its stories, appreciations and open reports, and its history and
-- that of its stories keep only what happened and when.
create function public.withdraw_circle(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.assets;
  story_ids uuid[];
begin
  perform internal.require_signed_in();
  select * into a from public.assets x where x.id = p_id for update;
  if not found or not internal.asset_visible(a.status, a.created_by, a.werkgebied_id) then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  if a.category <> 'cirkel' then
    raise exception using errcode = 'WKARG', message = 'only a circle is withdrawn this way', detail = 'not_a_circle';
  end if;
  if not ((a.created_by is not null and a.created_by = auth.uid()) or coalesce(internal.has_role(a.werkgebied_id, '{facilitator}'), false)) then
    raise exception using errcode = '42501', message = 'only the key person or a facilitator withdraws a circle';
  end if;
  select coalesce(array_agg(s.id), '{}') into story_ids from public.stories s where s.asset_id = p_id;
  delete from public.reports r
  where (r.item_type = 'asset' and r.item_id = p_id) or (r.item_type = 'story' and r.item_id = any (story_ids));
  update public.changes c set old_values = null, new_values = '{}', changed_by = null
  where (c.item_type = 'asset' and c.item_id = p_id) or (c.item_type = 'story' and c.item_id = any (story_ids));
  delete from public.assets x where x.id = p_id;
  insert into public.changes (item_type, item_id, werkgebied_id, operation, new_values)
  values ('asset', p_id, a.werkgebied_id, 'withdraw', '{}');
  return jsonb_build_object('id', p_id, 'withdrawn', true);
end
$$;
revoke all on function public.withdraw_circle(uuid) from public, anon, authenticated, service_role;
grant execute on function public.withdraw_circle(uuid) to authenticated, service_role;

-- The rules trigger keeps circles private and asks for consent (04_assets_and_stories.sql).
create or replace function internal.asset_rules() returns trigger
language plpgsql
set search_path = public, extensions
as $$
declare
  moderator boolean;
  -- Looked up only for someone who is not a moderator here: only their writes depend on it.
  review_first boolean;
  -- A session's own setting (10_workshops.sql); null outside a session.
  session_publishes boolean;
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := now();
    new.updated_at := now();
    new.created_by := auth.uid();
    new.moderation_note := null;
    if new.session_id is not null then
      if not internal.is_session_member(new.session_id) then
        raise exception using errcode = '42501', message = 'join this session first';
      end if;
      select s.publish_at_once into session_publishes from public.workshop_sessions s where s.id = new.session_id;
    end if;
  else
    new.id := old.id;
    new.created_by := old.created_by;
    new.created_at := old.created_at;
    new.session_id := old.session_id;
  end if;
  if tg_op = 'INSERT' or new.geom is distinct from old.geom then
    new.werkgebied_id := internal.werkgebied_at(new.geom);
  end if;
  moderator := internal.has_role(new.werkgebied_id, '{facilitator}');
  if moderator is not true and new.werkgebied_id is not null then
    select w.review_first into review_first from public.werkgebieden w where w.id = new.werkgebied_id;
  end if;

  -- Provenance is a claim about the data ("this is OSM node 42, credit OSM"):
  -- only importers may make it, or a resident could put a false credit on the map.
  -- A moderator here is an importer (internal.may_import), so only others are asked.
  if ((tg_op = 'INSERT' and (new.source is not null or new.source_id is not null or new.attribution is not null))
      or (tg_op = 'UPDATE' and (new.source, new.source_id, new.attribution) is distinct from (old.source, old.source_id, old.attribution)))
     and not moderator and not internal.may_import() then
    raise exception using errcode = '42501', message = 'only importers may say where an asset came from';
  end if;
  if ((new.kind = 'group' and (tg_op = 'INSERT' or old.kind <> 'group'))
      or (new.category = 'cirkel' and (tg_op = 'INSERT' or old.category <> 'cirkel')))
     and not internal.has_role(new.werkgebied_id, '{key_person,facilitator}') then
    raise exception using errcode = '42501', message = 'only key persons and facilitators of this werkgebied may add a circle';
  end if;
  -- A circle's key person consents when it is added (11_circles.sql); an import or an edit cannot.
  if new.category = 'cirkel' and (tg_op = 'INSERT' or old.category <> 'cirkel') and not internal.circle_consent_given() then
    raise exception using errcode = 'WKARG', message = 'a circle needs its key person''s consent', detail = 'circle_consent';
  end if;
  -- Nested, so a moderator's write does not run the query for the werkgebied's shape.
  if not moderator and (tg_op = 'INSERT' or new.geom is distinct from old.geom) then
    if not internal.shape_fits(new.geom, (select w.geom from public.werkgebieden w where w.id = new.werkgebied_id)) then
      raise exception using errcode = 'WKGEO', message = 'the shape is larger than its werkgebied allows', detail = 'too_large';
    end if;
  end if;
  -- The public gets a circle's buurt or 100 m cell, never its exact place (11_circles.sql).
  if new.category = 'cirkel' then
    new.geom := internal.keep_circle_private(new, tg_op = 'INSERT' or new.geom is distinct from old.geom or old.category <> 'cirkel');
  end if;

  if tg_op = 'INSERT' then
    -- In a session its own setting decides; elsewhere the werkgebied's.
    new.status := case
      when moderator then 'published'
      when session_publishes is not null then case when session_publishes then 'published' else 'pending' end
      when review_first = false then 'published'
      else 'pending'
    end::public.asset_status;
    return new;
  end if;
  if new.status is distinct from old.status and not internal.status_change_allowed() then
    raise exception using errcode = '42501', message = 'only moderation and archiving change the status';
  end if;
  -- Moved by its author into a werkgebied that checks first (or into none): it waits for that werkgebied's facilitators.
  if new.werkgebied_id is distinct from old.werkgebied_id and new.geom is distinct from old.geom
     and new.status = 'published' and not moderator and review_first is distinct from false then
    new.status := 'pending';
  end if;
  -- Every real change bumps the version (optimistic locking); joining a new werkgebied is not one.
  if (new.kind, new.category, new.dimensions, new.name, new.description, new.geom, new.status, new.moderation_note,
      new.source, new.source_id, new.attribution)
     is distinct from
     (old.kind, old.category, old.dimensions, old.name, old.description, old.geom, old.status, old.moderation_note,
      old.source, old.source_id, old.attribution) then
    new.version := old.version + 1;
    new.updated_at := now();
  else
    new.version := old.version;
    new.updated_at := old.updated_at;
  end if;
  return new;
end
$$;

-- add_asset gains p_circle_consent: a new signature, so the old one goes.
drop function public.add_asset(text, text, text, jsonb, text, jsonb, text, text, uuid, uuid);

create function public.add_asset(
  p_kind text,
  p_category text,
  p_name text,
  p_geometry jsonb,
  p_description text default '',
  p_dimensions jsonb default '[]',
  p_story text default null,
  p_author_name text default null,
  p_idempotency_key uuid default null,
  p_session_id uuid default null,
  -- A circle (category 'cirkel') is added only with its key person's consent (11_circles.sql).
  p_circle_consent boolean default false
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '5s'
as $$
declare
  k public.asset_kind;
  a public.assets;
  prior uuid;
  failed_constraint text;
begin
  perform internal.require_signed_in();
  begin
    k := p_kind::public.asset_kind;
  exception when invalid_text_representation then
    raise exception using errcode = 'WKARG', message = format('unknown kind %L', p_kind), detail = 'kind';
  end;
  if k is null then
    raise exception using errcode = 'WKARG', message = 'kind is required', detail = 'kind';
  end if;
  prior := internal.claim_idempotency_key(p_idempotency_key, 'add_asset');
  if prior is not null then
    select * into a from public.assets where id = prior;
    return internal.asset_feature(a);
  end if;

  perform set_config('wijkkracht.circle_consent', case when p_circle_consent then 'on' else '' end, true);
  insert into public.assets (kind, category, dimensions, name, description, geom, session_id)
  values (
    k,
    internal.category_exists(p_category),
    internal.dimensions_from_json(p_dimensions),
    internal.required_text(p_name, 'name', 200),
    coalesce(internal.optional_text(p_description, 'description', 5000), ''),
    internal.geometry_from_geojson(p_geometry, k),
    p_session_id
  )
  returning * into a;
  perform set_config('wijkkracht.circle_consent', '', true);

  if p_story is not null and length(btrim(p_story)) > 0 then
    insert into public.stories (asset_id, body, author_name)
    values (a.id, internal.required_text(p_story, 'story', 5000), internal.optional_text(p_author_name, 'author_name', 100));
  end if;
  perform internal.remember_idempotent_write(p_idempotency_key, a.id);
  return internal.asset_feature(a);
exception when integrity_constraint_violation then
  -- PostgreSQL's detail would quote the whole row, its author included.
  get stacked diagnostics failed_constraint = constraint_name;
  raise exception using errcode = 'WKARG', message = 'this does not meet the rule ' || coalesce(failed_constraint, sqlerrm),
    detail = coalesce(failed_constraint, 'constraint');
end
$$;
revoke all on function public.add_asset(text, text, text, jsonb, text, jsonb, text, text, uuid, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.add_asset(text, text, text, jsonb, text, jsonb, text, text, uuid, uuid, boolean) to authenticated, service_role;

create or replace function public.get_asset(p_id uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.assets;
begin
  select * into a from public.assets x where x.id = p_id and internal.asset_visible(x.status, x.created_by, x.werkgebied_id);
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  return jsonb_build_object(
    'feature', internal.asset_feature(a),
    -- How many say "ik waardeer dit" and whether the caller does (10_workshops.sql).
    'appreciation', internal.appreciation_json(a.id),
    -- For a circle: where the public sees it; its exact place only for its key person and facilitators.
    'circle', internal.circle_json(a),
    'stories', coalesce((
      select jsonb_agg(internal.story_json(s) order by s.created_at, s.id)
      from public.stories s
      where s.asset_id = p_id and internal.asset_visible(s.status, s.created_by, a.werkgebied_id)
    ), '[]')
  );
end
$$;

-- Circles added before this were stored at their exact place: keep that place
-- privately and give the public its buurt or cell, in the assets and in their
-- history. The rules trigger is off for this one update, or it would take the
-- coarse point for the exact place.
do $$
declare
  c record;
begin
  alter table public.assets disable trigger assets_rules;
  for c in
    select a.id, a.geom, p.geom as public_geom, p.shown_at
    from public.assets a, internal.circle_public_place(a.geom) p
    where a.category = 'cirkel'
  loop
    insert into internal.circle_locations (asset_id, exact_geom, shown_at) values (c.id, c.geom, c.shown_at);
    update public.assets set geom = c.public_geom where id = c.id;
  end loop;
  alter table public.assets enable trigger assets_rules;
  update public.changes ch
  set old_values = case when ch.old_values ? 'geometry'
                     then jsonb_set(ch.old_values, '{geometry}', st_asgeojson(a.geom, 15)::jsonb) else ch.old_values end,
      new_values = case when ch.new_values ? 'geometry'
                     then jsonb_set(ch.new_values, '{geometry}', st_asgeojson(a.geom, 15)::jsonb) else ch.new_values end
  from public.assets a
  where a.category = 'cirkel' and ch.item_type = 'asset' and ch.item_id = a.id;
end
$$;
