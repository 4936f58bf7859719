-- The asset API: the only way the app reads and writes places and stories.
-- Both backends call these functions (PGlite in the browser, supabase-js
-- rpc() against Supabase).
--
-- The tables take no direct writes, so the functions are SECURITY DEFINER and
-- say themselves who may do what: reads apply internal.asset_visible (the same
-- predicate as the tables' RLS), writes check the author or the werkgebied
-- role, and the triggers on the tables (04) hold the rest on every path.
-- Every function has a statement timeout (PostgREST 12.2+ applies it to the
-- request's transaction). Refusals raise an SQLSTATE of our own, which the app translates:
--   WKGEO invalid geometry      WKREQ required text empty    WKCAT unknown category
--   WKARG invalid argument      WKVER stale version          WK404 not found
-- A write RLS forbids raises 42501 (insufficient_privilege), as PostgreSQL does.

------------------------------------------------------------------------------
-- Checks and shapes the API functions share
------------------------------------------------------------------------------

-- GeoJSON geometry -> validated EPSG:4326 geometry of a type that fits the kind.
create function internal.geometry_from_geojson(p_geometry jsonb, p_kind public.asset_kind)
returns extensions.geometry
language plpgsql immutable
set search_path = public, extensions
as $$
declare
  g geometry;
  expected text[] := case p_kind
    when 'place' then array['POINT']
    when 'route' then array['LINESTRING', 'MULTILINESTRING']
    when 'area' then array['POLYGON', 'MULTIPOLYGON']
    when 'group' then array['POINT', 'POLYGON', 'MULTIPOLYGON']
  end;
begin
  if p_geometry is null or jsonb_typeof(p_geometry) <> 'object' then
    raise exception using errcode = 'WKGEO', message = 'geometry is required',
      detail = 'missing';
  end if;
  begin
    g := st_setsrid(st_geomfromgeojson(p_geometry), 4326);
  exception when others then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid GeoJSON',
      detail = 'unreadable';
  end;
  if st_isempty(g) then
    raise exception using errcode = 'WKGEO', message = 'geometry is empty', detail = 'empty';
  end if;
  if not geometrytype(g) = any (expected) then
    raise exception using errcode = 'WKGEO',
      message = format('a %s needs a %s, not a %s', p_kind, array_to_string(expected, ' or '), geometrytype(g)),
      detail = 'wrong_type';
  end if;
  -- Before the validity check, which is the slow part on a huge shape.
  if st_npoints(g) > 20000 then
    raise exception using errcode = 'WKGEO', message = 'a shape may have at most 20 000 vertices', detail = 'too_many_vertices';
  end if;
  if st_xmin(g) < -180 or st_xmax(g) > 180 or st_ymin(g) < -90 or st_ymax(g) > 90 then
    raise exception using errcode = 'WKGEO', message = 'coordinates are outside longitude/latitude range',
      detail = 'out_of_range';
  end if;
  if not st_isvalid(g) then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid: ' || st_isvalidreason(g),
      detail = 'invalid';
  end if;
  return g;
end
$$;
revoke all on function internal.geometry_from_geojson(jsonb, public.asset_kind) from public, anon, authenticated, service_role;
grant execute on function internal.geometry_from_geojson(jsonb, public.asset_kind) to authenticated, service_role;

create function internal.required_text(p_value text, p_field text, p_max int)
returns text
language plpgsql immutable
as $$
begin
  if p_value is null or length(btrim(p_value)) = 0 then
    raise exception using errcode = 'WKREQ', message = p_field || ' is required', detail = p_field;
  end if;
  if length(btrim(p_value)) > p_max then
    raise exception using errcode = 'WKARG', message = format('%s is longer than %s characters', p_field, p_max),
      detail = p_field;
  end if;
  return btrim(p_value);
end
$$;
revoke all on function internal.required_text(text, text, int) from public, anon, authenticated, service_role;
grant execute on function internal.required_text(text, text, int) to authenticated, service_role;

create function internal.optional_text(p_value text, p_field text, p_max int)
returns text
language plpgsql immutable
as $$
begin
  if p_value is null or length(btrim(p_value)) = 0 then
    return null;
  end if;
  if length(btrim(p_value)) > p_max then
    raise exception using errcode = 'WKARG', message = format('%s is longer than %s characters', p_field, p_max),
      detail = p_field;
  end if;
  return btrim(p_value);
end
$$;
revoke all on function internal.optional_text(text, text, int) from public, anon, authenticated, service_role;

create function internal.category_exists(p_category text)
returns text
language plpgsql stable
set search_path = public
as $$
begin
  if p_category is null or not exists (select 1 from public.categories where id = p_category) then
    raise exception using errcode = 'WKCAT', message = format('unknown category %L', p_category),
      detail = 'category';
  end if;
  return p_category;
end
$$;
revoke all on function internal.category_exists(text) from public, anon, authenticated, service_role;
grant execute on function internal.category_exists(text) to authenticated, service_role;

create function internal.dimensions_from_json(p_dimensions jsonb)
returns public.health_dimension[]
language plpgsql immutable
set search_path = public
as $$
begin
  if p_dimensions is null then
    return '{}';
  end if;
  if jsonb_typeof(p_dimensions) <> 'array'
     or exists (select 1 from jsonb_array_elements(p_dimensions) d where jsonb_typeof(d) <> 'string') then
    raise exception using errcode = 'WKARG', message = 'dimensions must be a JSON array of names', detail = 'dimensions';
  end if;
  return array(select distinct d::public.health_dimension from jsonb_array_elements_text(p_dimensions) d order by 1);
exception when invalid_text_representation then
  raise exception using errcode = 'WKARG', message = 'unknown health dimension in ' || p_dimensions::text,
    detail = 'dimensions';
end
$$;
revoke all on function internal.dimensions_from_json(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.dimensions_from_json(jsonb) to authenticated, service_role;

create function internal.point(p_lon double precision, p_lat double precision)
returns extensions.geometry
language plpgsql immutable
set search_path = public, extensions
as $$
begin
  if p_lon is null or p_lat is null or p_lon not between -180 and 180 or p_lat not between -90 and 90 then
    raise exception using errcode = 'WKARG', message = 'point is outside longitude/latitude range',
      detail = 'point';
  end if;
  return st_setsrid(st_makepoint(p_lon, p_lat), 4326);
end
$$;
revoke all on function internal.point(double precision, double precision) from public, anon, authenticated, service_role;
grant execute on function internal.point(double precision, double precision) to anon, authenticated, service_role;

-- One asset as a GeoJSON Feature; p_extra adds properties (a distance, a story count).
-- PL/pgSQL, not SQL: it names assets.confirmed_at, a column 13_freshness.sql
-- adds after this file (a SQL function's body is checked when it is made).
create function internal.asset_feature(a public.assets, p_extra jsonb default '{}')
returns jsonb
language plpgsql stable
set search_path = public, extensions
as $$
begin
  return jsonb_build_object(
    'type', 'Feature',
    'id', a.id,
    'geometry', st_asgeojson(a.geom, 7)::jsonb,
    'properties', jsonb_build_object(
      'id', a.id,
      'kind', a.kind,
      'category', a.category,
      'dimensions', to_jsonb(a.dimensions),
      'name', a.name,
      'description', a.description,
      'status', a.status,
      'werkgebied_id', a.werkgebied_id,
      'moderation_note', a.moderation_note,
      -- Whether the caller wrote it; never who did.
      'mine', coalesce(a.created_by = auth.uid(), false),
      'created_at', a.created_at,
      'updated_at', a.updated_at,
      -- When someone last said it still exists (13_freshness.sql).
      'confirmed_at', a.confirmed_at,
      'version', a.version,
      'source', a.source,
      'source_id', a.source_id,
      'attribution', a.attribution
    ) || coalesce(p_extra, '{}')
  );
end
$$;
revoke all on function internal.asset_feature(public.assets, jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.asset_feature(public.assets, jsonb) to anon, authenticated, service_role;

create function internal.story_json(s public.stories)
returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'id', s.id, 'asset_id', s.asset_id, 'body', s.body, 'author_name', s.author_name,
    'status', s.status, 'moderation_note', s.moderation_note,
    'mine', coalesce(s.created_by = auth.uid(), false), 'created_at', s.created_at
  )
$$;
revoke all on function internal.story_json(public.stories) from public, anon, authenticated, service_role;
grant execute on function internal.story_json(public.stories) to anon, authenticated, service_role;

-- A photo as the app shows it; its file comes from photo_data or Storage (14_photos.sql).
create function internal.photo_json(p public.photos)
returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'id', p.id, 'asset_id', p.asset_id, 'caption', p.caption, 'mime_type', p.mime_type,
    'byte_size', p.byte_size, 'width', p.width, 'height', p.height, 'storage_path', p.storage_path,
    'stored', p.uploaded_at is not null, 'status', p.status, 'moderation_note', p.moderation_note,
    'mine', coalesce(p.created_by = auth.uid(), false), 'created_at', p.created_at, 'version', p.version
  )
$$;
revoke all on function internal.photo_json(public.photos) from public, anon, authenticated, service_role;

create function internal.feature_collection(p_features jsonb)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('type', 'FeatureCollection', 'features', coalesce(p_features, '[]'::jsonb))
$$;
revoke all on function internal.feature_collection(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.feature_collection(jsonb) to anon, authenticated, service_role;

-- Explains why an UPDATE touched no row: gone, stale, or forbidden by RLS.
create function internal.raise_update_refusal(p_id uuid, p_expected_version int)
returns void
language plpgsql stable
set search_path = public
as $$
declare
  current_version int;
begin
  select version into current_version from public.assets a
  where a.id = p_id and internal.asset_visible(a.status, a.created_by, a.werkgebied_id);
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  elsif current_version <> p_expected_version then
    raise exception using errcode = 'WKVER',
      message = format('asset %s was changed by someone else (version %s, you had %s)', p_id, current_version, p_expected_version),
      detail = current_version::text;
  else
    raise exception using errcode = '42501', message = format('you may not change asset %s', p_id);
  end if;
end
$$;
revoke all on function internal.raise_update_refusal(uuid, int) from public, anon, authenticated, service_role;
grant execute on function internal.raise_update_refusal(uuid, int) to authenticated, service_role;

-- Who may change an asset: its author, and facilitators of its werkgebied
-- (administrators everywhere). Imported rows have no resident author.
create function internal.may_edit_asset(a public.assets)
returns boolean
language sql stable
as $$
  select (a.created_by is not null and a.created_by = auth.uid()) or internal.has_role(a.werkgebied_id, '{facilitator}')
$$;
revoke all on function internal.may_edit_asset(public.assets) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Idempotency: a retry after a lost answer writes nothing twice
------------------------------------------------------------------------------

-- The client makes one key (a UUID) per contribution and sends it with every
-- try; the first call that commits keeps it, later ones get that call's item back.
create table internal.idempotency_keys (
  user_id uuid not null,
  key uuid not null,
  function_name text not null,
  item_id uuid,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
-- Only the write functions (security definer) touch it.
alter table internal.idempotency_keys enable row level security;

-- Claims p_key for this caller. Returns null when this call should write, or
-- the item an earlier call with the same key wrote. A concurrent call with the
-- same key waits here until the first one commits or rolls back.
create function internal.claim_idempotency_key(p_key uuid, p_function text)
returns uuid
language plpgsql volatile
set search_path = public
as $$
declare
  caller uuid := coalesce(auth.uid(), '00000000-0000-0000-0000-000000000000');
  prior internal.idempotency_keys;
begin
  if p_key is null then
    return null;
  end if;
  insert into internal.idempotency_keys (user_id, key, function_name) values (caller, p_key, p_function)
  on conflict do nothing;
  if found then
    return null;
  end if;
  select * into prior from internal.idempotency_keys k where k.user_id = caller and k.key = p_key;
  if prior.function_name <> p_function or prior.item_id is null then
    raise exception using errcode = 'WKARG', message = 'this idempotency key was used for another write', detail = 'idempotency_key';
  end if;
  return prior.item_id;
end
$$;
revoke all on function internal.claim_idempotency_key(uuid, text) from public, anon, authenticated, service_role;

create function internal.remember_idempotent_write(p_key uuid, p_item uuid)
returns void
language sql volatile
as $$
  update internal.idempotency_keys set item_id = p_item
  where p_key is not null and user_id = coalesce(auth.uid(), '00000000-0000-0000-0000-000000000000') and key = p_key
$$;
revoke all on function internal.remember_idempotent_write(uuid, uuid) from public, anon, authenticated, service_role;

-- Status changes go through here (archive, moderation, undo): the triggers
-- refuse any other write that changes a status.
create function internal.allow_status_change(p_on boolean)
returns void
language sql volatile
as $$ select set_config('wijkkracht.status_change', case when p_on then 'on' else '' end, true) $$;
revoke all on function internal.allow_status_change(boolean) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Reads: for everyone, each row as visible as the tables' RLS would allow
------------------------------------------------------------------------------

create function public.list_categories()
returns jsonb
language sql stable
set search_path = public
set statement_timeout = '5s'
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', id, 'label_nl', label_nl, 'label_en', label_en, 'color', color, 'domain', domain) order by sort_order), '[]')
  from public.categories
$$;
revoke all on function public.list_categories() from public, anon, authenticated, service_role;
grant execute on function public.list_categories() to anon, authenticated, service_role;

create function public.assets_in_bbox(
  p_west double precision, p_south double precision,
  p_east double precision, p_north double precision,
  p_category text default null,
  p_limit int default 5000
)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
begin
  if p_west is null or p_south is null or p_east is null or p_north is null
     or p_west >= p_east or p_south >= p_north
     or p_west < -180 or p_east > 180 or p_south < -90 or p_north > 90 then
    raise exception using errcode = 'WKARG', message = 'bounding box must be west < east and south < north in degrees',
      detail = 'bbox';
  end if;
  if p_limit is null or p_limit not between 1 and 50000 then
    raise exception using errcode = 'WKARG', message = 'limit must be between 1 and 50000', detail = 'limit';
  end if;
  -- The places in view, at most p_limit of them, and how many there are: a map
  -- that shows fewer than exist says so instead of dropping the rest unseen.
  return (
    with matching as (
      select a.id, a.created_at from public.assets a
      where a.geom && st_makeenvelope(p_west, p_south, p_east, p_north, 4326)
        and a.status <> 'archived'
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
        and (p_category is null or a.category = p_category)
    )
    select internal.feature_collection((
      select jsonb_agg(internal.asset_feature(a) order by shown.created_at)
      from (select * from matching order by created_at limit p_limit) shown
      join public.assets a on a.id = shown.id
    )) || jsonb_build_object('total', (select count(*) from matching))
  );
end
$$;
revoke all on function public.assets_in_bbox(double precision, double precision, double precision, double precision, text, int) from public, anon, authenticated, service_role;
grant execute on function public.assets_in_bbox(double precision, double precision, double precision, double precision, text, int) to anon, authenticated, service_role;

create function public.assets_within(
  p_lon double precision, p_lat double precision, p_meters double precision,
  p_category text default null
)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
declare
  here geography := internal.point(p_lon, p_lat)::geography;
begin
  if p_meters is null or p_meters <= 0 or p_meters > 50000 then
    raise exception using errcode = 'WKARG', message = 'distance must be between 0 and 50000 metres',
      detail = 'meters';
  end if;
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a, jsonb_build_object('distance_m', round(d::numeric, 1))) order by d, a.id)
    from public.assets a
    cross join lateral (select st_distance(a.geom::geography, here) as d) dist
    where st_dwithin(a.geom::geography, here, p_meters)
      and a.status <> 'archived'
      and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
      and (p_category is null or a.category = p_category)
  ));
end
$$;
revoke all on function public.assets_within(double precision, double precision, double precision, text) from public, anon, authenticated, service_role;
grant execute on function public.assets_within(double precision, double precision, double precision, text) to anon, authenticated, service_role;

create function public.nearest_assets(
  p_lon double precision, p_lat double precision, p_k int default 5,
  p_category text default null
)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
declare
  here geography := internal.point(p_lon, p_lat)::geography;
begin
  if p_k is null or p_k not between 1 and 100 then
    raise exception using errcode = 'WKARG', message = 'k must be between 1 and 100', detail = 'k';
  end if;
  return internal.feature_collection((
    select jsonb_agg(internal.asset_feature(n.asset, jsonb_build_object('distance_m', round(n.d::numeric, 1))) order by n.d, n.id)
    from (
      select a as asset, a.id, st_distance(a.geom::geography, here) as d
      from public.assets a
      where a.status <> 'archived'
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
        and (p_category is null or a.category = p_category)
      order by a.geom::geography <-> here, a.id
      limit p_k
    ) n
  ));
end
$$;
revoke all on function public.nearest_assets(double precision, double precision, int, text) from public, anon, authenticated, service_role;
grant execute on function public.nearest_assets(double precision, double precision, int, text) to anon, authenticated, service_role;

create function public.get_asset(p_id uuid)
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
    -- Its connections to other places, as visible as both ends (12_connections.sql).
    'links', internal.asset_links_json(a.id),
    -- Its photos whose file is there, as visible as stories (14_photos.sql).
    'photos', internal.asset_photos_json(a),
    'stories', coalesce((
      select jsonb_agg(internal.story_json(s) order by s.created_at, s.id)
      from public.stories s
      where s.asset_id = p_id and internal.asset_visible(s.status, s.created_by, a.werkgebied_id)
    ), '[]')
  );
end
$$;
revoke all on function public.get_asset(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_asset(uuid) to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Writes: for signed-in users only (a resident's anonymous sign-in counts)
------------------------------------------------------------------------------

create function public.add_story(
  p_asset_id uuid,
  p_body text,
  p_author_name text default null,
  p_idempotency_key uuid default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  s public.stories;
  prior uuid;
begin
  perform internal.require_signed_in();
  if not exists (select 1 from public.assets a
                 where a.id = p_asset_id and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)) then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_asset_id), detail = 'asset';
  end if;
  prior := internal.claim_idempotency_key(p_idempotency_key, 'add_story');
  if prior is not null then
    select * into s from public.stories where id = prior;
    return internal.story_json(s);
  end if;
  insert into public.stories (asset_id, body, author_name)
  values (
    p_asset_id,
    internal.required_text(p_body, 'story', 5000),
    internal.optional_text(p_author_name, 'author_name', 100)
  )
  returning * into s;
  perform internal.remember_idempotent_write(p_idempotency_key, s.id);
  return internal.story_json(s);
end
$$;
revoke all on function public.add_story(uuid, text, text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.add_story(uuid, text, text, uuid) to authenticated, service_role;

-- Adds an asset and, optionally, its first story in one transaction:
-- the "why does this place matter" of the person who adds it. Pending until
-- a facilitator approves it, unless its werkgebied publishes at once. With
-- p_session_id it is a contribution to that workshop session (10_workshops.sql):
-- only its members may, and the session's setting decides its status.
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

-- Changes the given fields (null = keep) if the caller still has the latest
-- version; otherwise refuses with WKVER so nobody overwrites another's edit.
-- Its author and the werkgebied's facilitators may; an archived or rejected
-- asset is changed only by restoring it first.
create function public.update_asset(
  p_id uuid,
  p_expected_version int,
  p_name text default null,
  p_description text default null,
  p_category text default null,
  p_dimensions jsonb default null,
  p_geometry jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public, extensions
set statement_timeout = '5s'
as $$
declare
  a public.assets;
  current_kind public.asset_kind;
  failed_constraint text;
begin
  perform internal.require_signed_in();
  if p_expected_version is null then
    raise exception using errcode = 'WKARG', message = 'expected version is required', detail = 'version';
  end if;
  select kind into current_kind from public.assets where id = p_id;
  update public.assets x set
    name = case when p_name is null then name else internal.required_text(p_name, 'name', 200) end,
    description = case when p_description is null then description
                       else coalesce(internal.optional_text(p_description, 'description', 5000), '') end,
    category = case when p_category is null then category else internal.category_exists(p_category) end,
    dimensions = case when p_dimensions is null then dimensions else internal.dimensions_from_json(p_dimensions) end,
    geom = case when p_geometry is null then geom else internal.geometry_from_geojson(p_geometry, current_kind) end
  where x.id = p_id and x.version = p_expected_version and x.status not in ('archived', 'rejected')
    and internal.may_edit_asset(x)
  returning * into a;
  if not found then
    perform internal.raise_update_refusal(p_id, p_expected_version);
  end if;
  return internal.asset_feature(a);
exception when integrity_constraint_violation then
  -- PostgreSQL's detail would quote the whole row, its author included.
  get stacked diagnostics failed_constraint = constraint_name;
  raise exception using errcode = 'WKARG', message = 'this does not meet the rule ' || coalesce(failed_constraint, sqlerrm),
    detail = coalesce(failed_constraint, 'constraint');
end
$$;
revoke all on function public.update_asset(uuid, int, text, text, text, jsonb, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.update_asset(uuid, int, text, text, text, jsonb, jsonb) to authenticated, service_role;

-- Takes an asset off the map; nothing is deleted, and it can be restored
-- (restore_asset, or undo in its history).
create function public.archive_asset(p_id uuid, p_expected_version int)
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
  perform internal.allow_status_change(true);
  update public.assets x set status = 'archived'
  where x.id = p_id and x.version = p_expected_version and x.status <> 'archived' and internal.may_edit_asset(x)
  returning * into a;
  perform internal.allow_status_change(false);
  -- (PERFORM sets FOUND, so the row itself says whether the update happened.)
  if a.id is null then
    perform internal.raise_update_refusal(p_id, p_expected_version);
  end if;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.archive_asset(uuid, int) from public, anon, authenticated, service_role;
grant execute on function public.archive_asset(uuid, int) to authenticated, service_role;
