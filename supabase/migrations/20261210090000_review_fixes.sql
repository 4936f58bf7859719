-- Mended after a review of circles, connections and freshness:
-- - a circle stays a circle (its exact place would otherwise stay behind with
--   no way to withdraw it); its text is checked when it is written, so an older
--   circle can always be moderated; a new werkgebied takes in a circle by its
--   exact place, not by the coarse point the public sees;
-- - only a circle's key person or a facilitator connects a circle; the limit of
--   connections counts only those to published places, so connections from
--   places that wait cannot lock a hub; "works with" is unique either way round
--   in the database too;
-- - assets.confirmed_at is readable directly, like the other columns.
-- Same as supabase/schemas/03_werkgebieden.sql, 04_assets_and_stories.sql,
-- 11_circles.sql, 12_connections.sql and 13_freshness.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

create or replace function public.create_werkgebied(
  p_name text,
  p_area_codes jsonb,
  p_review_first boolean default true,
  p_report_threshold int default 3
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '30s'
as $$
declare
  codes text[];
  missing text[];
  w public.werkgebieden;
begin
  perform internal.require_admin();
  if p_area_codes is null or jsonb_typeof(p_area_codes) <> 'array' or jsonb_array_length(p_area_codes) not between 1 and 500 then
    raise exception using errcode = 'WKARG', message = 'a werkgebied needs 1 to 500 area codes', detail = 'area_codes';
  end if;
  codes := array(select distinct value from jsonb_array_elements_text(p_area_codes) order by 1);
  missing := array(select c from unnest(codes) c where not exists (select 1 from public.areas a where a.code = c));
  if cardinality(missing) > 0 then
    raise exception using errcode = 'WK404', message = 'unknown area codes: ' || array_to_string(missing, ', '), detail = 'area';
  end if;
  insert into public.werkgebieden (name, review_first, report_threshold, area_codes, geom)
  select internal.required_text(p_name, 'name', 200), coalesce(p_review_first, true), coalesce(p_report_threshold, 3), codes,
         st_multi(st_collectionextract(st_makevalid(st_union(a.geom)), 3))
  from public.areas a where a.code = any (codes)
  returning * into w;
  -- A circle by its exact place (11_circles.sql), not the coarse point the public sees.
  update public.assets a set werkgebied_id = internal.werkgebied_at(coalesce(c.exact_geom, a.geom))
  from public.assets x
  left join internal.circle_locations c on c.asset_id = x.id
  where x.id = a.id and st_intersects(coalesce(c.exact_geom, x.geom), w.geom);
  return internal.werkgebied_json(w);
exception when unique_violation then
  raise exception using errcode = 'WKDUP', message = format('a werkgebied named %L exists', p_name), detail = 'name';
end
$$;

-- Called by the rules trigger for every written row that is a circle.
create function internal.keep_circle_private(a public.assets, p_shape_changed boolean, p_text_changed boolean)
returns extensions.geometry
language plpgsql
-- The service role writing directly runs the trigger too, and may not read or write circle_locations itself.
security definer
set search_path = public, extensions
as $$
declare
  place record;
begin
  if p_text_changed and a.kind not in ('place', 'group') then
    raise exception using errcode = 'WKARG', message = 'a circle is a place or a group', detail = 'circle_kind';
  end if;
  if p_text_changed and (internal.has_contact_details(a.name) or internal.has_contact_details(a.description)) then
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
revoke all on function internal.keep_circle_private(public.assets, boolean, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.keep_circle_private(public.assets, boolean, boolean) to service_role;

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

drop function internal.keep_circle_private(public.assets, boolean);

create unique index asset_links_works_with_once_idx on public.asset_links (least(from_asset, to_asset), greatest(from_asset, to_asset))
  where kind = 'works_with';

-- A place's connections to published places: what the limit counts. Connections to places
-- that wait (which only their author sees) cannot fill a hub up and lock everyone else out.
create function internal.published_links_of(p_asset uuid) returns bigint
language sql stable
set search_path = public
as $$
  select count(*) from public.asset_links l
  join public.assets other on other.id = case when l.from_asset = p_asset then l.to_asset else l.from_asset end
  where p_asset in (l.from_asset, l.to_asset) and other.status = 'published'
$$;
revoke all on function internal.published_links_of(uuid) from public, anon, authenticated, service_role;
grant execute on function internal.published_links_of(uuid) to service_role;

create or replace function internal.link_rules() returns trigger
language plpgsql
set search_path = public
as $$
begin
  new.created_by := auth.uid();
  new.created_at := now();
  if internal.published_links_of(new.from_asset) >= internal.max_links_per_asset()
     or internal.published_links_of(new.to_asset) >= internal.max_links_per_asset() then
    raise exception using errcode = 'WKARG', message = 'a place has as many connections as it may have', detail = 'too_many_links';
  end if;
  return new;
end
$$;

create or replace function public.link_assets(p_from uuid, p_to uuid, p_kind text)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  k public.connection_kind;
  here public.assets;
  there public.assets;
  made public.asset_links;
begin
  perform internal.require_signed_in();
  begin
    k := p_kind::public.connection_kind;
  exception when invalid_text_representation then
    raise exception using errcode = 'WKARG', message = format('unknown kind of connection %L', p_kind), detail = 'kind';
  end;
  if k is null then
    raise exception using errcode = 'WKARG', message = 'kind is required', detail = 'kind';
  end if;
  if p_from = p_to then
    raise exception using errcode = 'WKARG', message = 'a place is not connected to itself', detail = 'same_asset';
  end if;
  select * into here from public.assets a where a.id = p_from and internal.asset_visible(a.status, a.created_by, a.werkgebied_id);
  select * into there from public.assets a where a.id = p_to and internal.asset_visible(a.status, a.created_by, a.werkgebied_id);
  if here.id is null or there.id is null then
    raise exception using errcode = 'WK404', message = 'asset not found', detail = 'asset';
  end if;
  if not (coalesce(internal.may_edit_asset(here), false) or coalesce(internal.may_edit_asset(there), false)) then
    raise exception using errcode = '42501', message = 'only who may change one of the two places connects them';
  end if;
  -- Where a circle meets is its key person's to say (or a facilitator's), not anyone's who has a place.
  if (here.category = 'cirkel' and not coalesce(internal.may_edit_asset(here), false))
     or (there.category = 'cirkel' and not coalesce(internal.may_edit_asset(there), false)) then
    raise exception using errcode = '42501', message = 'only its key person or a facilitator connects a circle';
  end if;
  -- "Works with" has no direction: the other way round is the same connection.
  if exists (select 1 from public.asset_links l
             where l.kind = k and ((l.from_asset, l.to_asset) = (p_from, p_to)
                                   or (k = 'works_with' and (l.from_asset, l.to_asset) = (p_to, p_from)))) then
    raise exception using errcode = 'WKDUP', message = 'these places are already connected this way', detail = 'link';
  end if;
  insert into public.asset_links (from_asset, to_asset, kind) values (p_from, p_to, k) returning * into made;
  return internal.link_json(made, p_from, true);
end
$$;

grant select (confirmed_at) on public.assets to anon, authenticated;
