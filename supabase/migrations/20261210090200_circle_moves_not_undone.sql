-- A circle's move is not undone: the history holds only its public point, which
-- an undo would make its exact place. The key person moves it again instead.
-- Same as supabase/schemas/04_assets_and_stories.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

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
  -- A circle stays one: its exact place would otherwise stay behind with no way to withdraw it.
  if tg_op = 'UPDATE' and old.category = 'cirkel' and new.category is distinct from 'cirkel' then
    raise exception using errcode = 'WKARG', message = 'a circle stays a circle; withdraw it instead', detail = 'circle_category';
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
  -- The history holds only a circle's public point: undoing a move would make that its exact place.
  if new.category = 'cirkel' and tg_op = 'UPDATE' and new.geom is distinct from old.geom
     and coalesce(current_setting('wijkkracht.undoing', true), '') <> '' then
    raise exception using errcode = 'WKARG', message = 'a circle''s move is not undone; move it again', detail = 'circle_undo';
  end if;
  -- Its text is checked when it is written, so moderating an older circle is never blocked by it.
  if new.category = 'cirkel' then
    new.geom := internal.keep_circle_private(new,
      tg_op = 'INSERT' or new.geom is distinct from old.geom or old.category <> 'cirkel',
      tg_op = 'INSERT' or (new.kind, new.name, new.description) is distinct from (old.kind, old.name, old.description)
        or old.category <> 'cirkel');
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
