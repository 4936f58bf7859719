-- Circles (category 'cirkel'): an informal group of residents around a key
-- person, often meeting at someone's home. The public never gets its exact
-- place: the rules trigger (04_assets_and_stories.sql) keeps the exact shape
-- here and writes only a coarse point into public.assets (the buurt it lies
-- in, or else the centre of its 100 m cell), so every path that reads assets
-- (PostgREST, the read functions, exports, history, Realtime) has nothing
-- finer to give. Only the circle's key person (who added it) and the
-- werkgebied's facilitators read the exact place, through get_asset.
--
-- A circle needs its key person's consent when it is added (add_asset's
-- p_circle_consent); imports cannot give it. Withdrawing the consent
-- (withdraw_circle) removes the circle with its stories and appreciations and
-- leaves in its history only that something happened, not what.
-- Its name and description may hold no phone number or e-mail address:
-- contact goes through a facilitator.

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
