-- Assets (places, routes, areas, groups) and their stories: why a place
-- matters, many per asset. Nobody writes these tables directly: the asset API
-- (05_asset_api.sql), the moderation and history functions (06) and the imports
-- (07) are the way in, and the triggers below hold the rules on every path:
-- who wrote a row and when, its version, its werkgebied and status, its
-- provenance, and the size of a resident's shape. A client sets none of them.

------------------------------------------------------------------------------
-- Assets
------------------------------------------------------------------------------

create table public.assets (
  id uuid primary key default gen_random_uuid(),
  kind public.asset_kind not null,
  category text not null references public.categories (id),
  dimensions public.health_dimension[] not null default '{}',
  name text not null check (length(btrim(name)) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  -- Routes from OSM relations are multi-part, and so are many parks.
  geom extensions.geometry(Geometry, 4326) not null
    constraint assets_geometry_type_check
      check (extensions.geometrytype(geom) in ('POINT', 'LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON'))
    check (extensions.st_isvalid(geom)),
  status public.asset_status not null default 'pending',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1 constraint assets_version_check check (version >= 1),
  -- Provenance: where a row came from, its id there, and whom to credit.
  source text check (length(source) between 1 and 100),
  source_id text check (length(source_id) between 1 and 200),
  attribution text check (length(attribution) <= 300),
  -- Set by the trigger from the shape: the werkgebied it lies in (null: none).
  werkgebied_id uuid references public.werkgebieden (id),
  -- A moderator's reason, shown to the author (e.g. why it was rejected).
  moderation_note text check (length(moderation_note) <= 500),
  constraint assets_coordinates_in_range check (
    extensions.st_xmin(geom) >= -180 and extensions.st_xmax(geom) <= 180
    and extensions.st_ymin(geom) >= -90 and extensions.st_ymax(geom) <= 90),
  constraint assets_geometry_fits_kind check (case kind
    when 'place' then extensions.geometrytype(geom) = 'POINT'
    when 'route' then extensions.geometrytype(geom) in ('LINESTRING', 'MULTILINESTRING')
    when 'area' then extensions.geometrytype(geom) in ('POLYGON', 'MULTIPOLYGON')
    when 'group' then extensions.geometrytype(geom) in ('POINT', 'POLYGON', 'MULTIPOLYGON')
  end),
  constraint assets_vertex_limit check (extensions.st_npoints(geom) <= 20000)
);

-- Bounding-box queries use the geometry index; metre distances and
-- nearest-neighbour ordering use the geography one.
create index assets_geom_idx on public.assets using gist (geom);
create index assets_geog_idx on public.assets using gist ((geom::extensions.geography));
create index assets_category_idx on public.assets (category);
-- A re-import finds its earlier rows by (source, source_id): OSM ids update instead of duplicating.
create unique index assets_source_id_idx on public.assets (source, source_id) where source_id is not null;
create index assets_werkgebied_status_idx on public.assets (werkgebied_id, status);
create index assets_created_by_idx on public.assets (created_by);

-- What a resident may draw: a shape no larger than its werkgebied (its extent
-- within the werkgebied's, plus about a kilometre); outside any werkgebied, no
-- wider than about 3 by 5 km. A polygon over the whole country would otherwise
-- count every cell as covered and falsify the planner's figures for everyone.
create function internal.shape_fits(p_geom extensions.geometry, p_werkgebied extensions.geometry)
returns boolean
language sql immutable
set search_path = public, extensions
as $$
  select case
    when geometrytype(p_geom) = 'POINT' then true
    when p_werkgebied is null then st_xmax(p_geom) - st_xmin(p_geom) <= 0.05 and st_ymax(p_geom) - st_ymin(p_geom) <= 0.05
    else st_coveredby(st_envelope(p_geom), st_expand(st_envelope(p_werkgebied), 0.015))
      and st_area(p_geom) <= st_area(p_werkgebied)
  end
$$;
revoke all on function internal.shape_fits(extensions.geometry, extensions.geometry) from public, anon, authenticated, service_role;
-- The trigger runs as the writer: the definer functions' owner, or the service role writing directly.
grant execute on function internal.shape_fits(extensions.geometry, extensions.geometry) to service_role;

-- A status changes only inside archive, moderation and undo (they say so with
-- internal.allow_status_change, 05_asset_api.sql), or by the service role and
-- the database's own logins: never by anon or authenticated on their own.
create function internal.status_change_allowed()
returns boolean
language sql stable
as $$
  select coalesce(current_setting('wijkkracht.status_change', true), '') = 'on'
    or auth.role() not in ('anon', 'authenticated')
$$;
revoke all on function internal.status_change_allowed() from public, anon, authenticated, service_role;
grant execute on function internal.status_change_allowed() to service_role;

-- The rules every write to assets passes, whichever function (or, for the
-- service role, direct write) it comes from.
create function internal.asset_rules() returns trigger
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
-- Trigger functions run without an execute check on the caller.
revoke all on function internal.asset_rules() from public, anon, authenticated, service_role;

create trigger assets_rules before insert or update on public.assets
  for each row execute function internal.asset_rules();

-- Many places added at once (an import): their history and coverage are kept
-- after the insert, by one call each (internal.record_assets_added,
-- internal.coverage_add_assets) instead of a trigger call per row, which for a
-- one-row insert stays the cheaper way. Only a function running as the database
-- owner can say so: it writes its transaction into this table, which no API
-- role may read or write (a setting alone the service role could set too).
create table internal.bulk_adds (txid bigint primary key);
alter table internal.bulk_adds enable row level security;
revoke all on internal.bulk_adds from public, anon, authenticated, service_role;

create function internal.added_in_bulk() returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The setting first, so a resident's one place asks no query.
  if coalesce(current_setting('wijkkracht.bulk_add', true), '') <> 'on' then
    return false;
  end if;
  return exists (select 1 from internal.bulk_adds b where b.txid = txid_current());
end
$$;
revoke all on function internal.added_in_bulk() from public, anon, authenticated, service_role;

-- Who sees an asset or a story: everyone what is published, authors their own
-- (pending, rejected, hidden), and facilitators and planners everything in
-- their werkgebied. Plain SQL so PostgreSQL inlines it into the policies and
-- into the read functions, which apply it themselves (they are security definer).
create function internal.asset_visible(p_status public.asset_status, p_created_by uuid, p_werkgebied uuid)
returns boolean
language sql stable
as $$
  select p_status = 'published'
    or (p_created_by is not null and p_created_by = auth.uid())
    or internal.has_role(p_werkgebied, '{facilitator,planner}')
$$;
revoke all on function internal.asset_visible(public.asset_status, uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function internal.asset_visible(public.asset_status, uuid, uuid) to anon, authenticated, service_role;

alter table public.assets enable row level security;
create policy "Published assets for everyone, the rest for their author and reviewers" on public.assets
  for select to anon, authenticated
  using (internal.asset_visible(status, created_by, werkgebied_id));

-- Readable directly (PostgREST, Realtime), but not who wrote a row: created_by
-- would link all places and stories of one resident together.
revoke all on public.assets from anon, authenticated;
grant select (id, kind, category, dimensions, name, description, geom, status, werkgebied_id, moderation_note,
              created_at, updated_at, version, source, source_id, attribution) on public.assets to anon, authenticated;
grant all on public.assets to service_role;

------------------------------------------------------------------------------
-- Stories
------------------------------------------------------------------------------

create table public.stories (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id) on delete cascade,
  body text not null check (length(btrim(body)) between 1 and 5000),
  -- The name the author chose to show, if any; never their account.
  author_name text check (length(author_name) <= 100),
  created_by uuid,
  created_at timestamptz not null default now(),
  status public.asset_status not null default 'pending',
  moderation_note text check (length(moderation_note) <= 500),
  version int not null default 1 check (version >= 1)
);
create index stories_asset_idx on public.stories (asset_id, created_at);

create function internal.story_rules() returns trigger
language plpgsql
set search_path = public
as $$
declare
  a public.assets;
  w public.werkgebieden;
begin
  if tg_op = 'UPDATE' then
    new.id := old.id;
    new.asset_id := old.asset_id;
    new.created_by := old.created_by;
    new.created_at := old.created_at;
    if new.status is distinct from old.status and not internal.status_change_allowed() then
      raise exception using errcode = '42501', message = 'only moderation and archiving change the status';
    end if;
    new.version := case when (new.body, new.author_name, new.status, new.moderation_note)
                             is distinct from (old.body, old.author_name, old.status, old.moderation_note)
                        then old.version + 1 else old.version end;
    return new;
  end if;
  -- The lock makes a story and an archive of its place at the same moment take
  -- turns: either the story comes first (and is archived with the place) or it
  -- sees the place archived and is refused. Never a story left on an archived place.
  select * into a from public.assets where id = new.asset_id for share;
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', new.asset_id), detail = 'asset';
  end if;
  if a.status in ('archived', 'rejected') then
    raise exception using errcode = 'WKARG', message = 'this place is no longer on the map', detail = 'archived';
  end if;
  select * into w from public.werkgebieden where id = a.werkgebied_id;
  new.created_by := auth.uid();
  new.created_at := now();
  new.version := 1;
  new.moderation_note := null;
  new.status := case when internal.has_role(a.werkgebied_id, '{facilitator}') or (w.id is not null and not w.review_first)
                     then 'published' else 'pending' end;
  return new;
end
$$;
revoke all on function internal.story_rules() from public, anon, authenticated, service_role;

create trigger stories_rules before insert or update on public.stories
  for each row execute function internal.story_rules();

alter table public.stories enable row level security;

-- A story is as visible as its own status allows, and only on an asset the
-- caller can see (the subqueries run under the assets policy).
create policy "Stories as visible as they and their asset are" on public.stories
  for select to anon, authenticated
  using (
    exists (select 1 from public.assets a where a.id = asset_id)
    and internal.asset_visible(status, created_by, (select a.werkgebied_id from public.assets a where a.id = asset_id))
  );

revoke all on public.stories from anon, authenticated;
grant select (id, asset_id, body, author_name, status, moderation_note, created_at, version) on public.stories to anon, authenticated;
grant all on public.stories to service_role;

------------------------------------------------------------------------------
-- Photos (their API and where the file lives: 14_photos.sql)
------------------------------------------------------------------------------

-- A photo of a place, moderated like a story. The app shrinks it and strips its
-- location data (EXIF) in the browser before it gets here; these limits hold
-- whatever path a row comes by. Its file lives in the database (`data`, the
-- embedded default) or in Supabase Storage (`storage_path`, shared mode), and
-- is shown only once it is there (`uploaded_at`).
create table public.photos (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id) on delete cascade,
  -- What is on it, in a few words; also the text a screen reader reads.
  caption text check (length(caption) <= 200),
  mime_type text not null check (mime_type in ('image/jpeg', 'image/webp')),
  byte_size int not null check (byte_size between 1 and 1000000),
  width int not null check (width between 1 and 2048),
  height int not null check (height between 1 and 2048),
  data bytea check (octet_length(data) = byte_size),
  storage_path text unique check (length(storage_path) <= 200),
  uploaded_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  status public.asset_status not null default 'pending',
  moderation_note text check (length(moderation_note) <= 500),
  version int not null default 1 check (version >= 1),
  -- One place for the file: the row, or Storage.
  check ((data is null) <> (storage_path is null))
);
create index photos_asset_idx on public.photos (asset_id, created_at);

alter table public.photos enable row level security;

-- As visible as a story: its own status, and only on an asset the caller can see.
create policy "Photos as visible as they and their asset are" on public.photos
  for select to anon, authenticated
  using (
    exists (select 1 from public.assets a where a.id = asset_id)
    and internal.asset_visible(status, created_by, (select a.werkgebied_id from public.assets a where a.id = asset_id))
  );

-- Not who added it, and not the file itself (photo_data and Storage check each read).
revoke all on public.photos from anon, authenticated;
grant select (id, asset_id, caption, mime_type, byte_size, width, height, storage_path, uploaded_at, status,
              moderation_note, created_at, version) on public.photos to anon, authenticated;
grant all on public.photos to service_role;
