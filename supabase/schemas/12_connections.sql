-- Connections between places: who works with whom, which circles meet at a
-- sports centre, which initiatives refer to the social team, what is part of
-- what. So the map can show a hub (a sports centre with its circles, a
-- community centre with the initiatives that meet there) and who in the nulde
-- lijn, eerstelijn and sociaal domein is connected.
--
-- A connection is as visible as both its places (RLS and every read function):
-- one end pending, hidden or archived, and the connection is out of sight for
-- whoever may not see that end. It is made by someone who may change one of
-- the two places (its author, a facilitator of its werkgebied), and removed by
-- its maker or by someone who may change one of the two.

create type public.connection_kind as enum ('works_with', 'meets_at', 'refers_to', 'part_of');

create table public.asset_links (
  id uuid primary key default gen_random_uuid(),
  from_asset uuid not null references public.assets (id) on delete cascade,
  to_asset uuid not null references public.assets (id) on delete cascade,
  kind public.connection_kind not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint asset_links_not_itself check (from_asset <> to_asset)
);
create unique index asset_links_once_idx on public.asset_links (from_asset, to_asset, kind);
-- "Works with" has no direction: either way round is the same connection, also when two write at once.
create unique index asset_links_works_with_once_idx on public.asset_links (least(from_asset, to_asset), greatest(from_asset, to_asset))
  where kind = 'works_with';
create index asset_links_to_idx on public.asset_links (to_asset);

-- How many connections one place may have: a hub has dozens, not thousands.
create function internal.max_links_per_asset() returns int language sql immutable as $$ select 100 $$;
revoke all on function internal.max_links_per_asset() from public, anon, authenticated, service_role;
grant execute on function internal.max_links_per_asset() to service_role;

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

-- On every path (the service role's direct writes too): who made it and when, and the limit.
create function internal.link_rules() returns trigger
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
revoke all on function internal.link_rules() from public, anon, authenticated, service_role;

create trigger asset_links_rules before insert on public.asset_links
  for each row execute function internal.link_rules();

-- Visible when both its places are, to the caller. A definer: the policy runs
-- as the reader, who may not read assets.created_by, which the check needs.
create function internal.link_visible(p_from uuid, p_to uuid)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select (select count(*) from public.assets a
          where a.id in (p_from, p_to) and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)) = 2
$$;
revoke all on function internal.link_visible(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function internal.link_visible(uuid, uuid) to anon, authenticated, service_role;

alter table public.asset_links enable row level security;
create policy "Connections as visible as both their places" on public.asset_links
  for select to anon, authenticated
  using (internal.link_visible(from_asset, to_asset));

-- Readable directly, but not who made a connection.
revoke all on public.asset_links from anon, authenticated;
grant select (id, from_asset, to_asset, kind, created_at) on public.asset_links to anon, authenticated;
grant all on public.asset_links to service_role;

-- One connection as seen from one of its places: what kind, which way, the
-- other place (a point on it, for the map) and a line between the two.
create function internal.link_json(l public.asset_links, p_seen_from uuid, p_may_remove boolean)
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'id', l.id,
    'kind', l.kind,
    'direction', case when l.from_asset = p_seen_from then 'from' else 'to' end,
    'other', jsonb_build_object('id', other.id, 'name', other.name, 'category', other.category),
    'line', st_asgeojson(st_makeline(st_pointonsurface(here.geom), st_pointonsurface(other.geom)), 7)::jsonb,
    'may_remove', p_may_remove
  )
  from public.assets here, public.assets other
  where here.id = p_seen_from
    and other.id = case when l.from_asset = p_seen_from then l.to_asset else l.from_asset end
$$;
revoke all on function internal.link_json(public.asset_links, uuid, boolean) from public, anon, authenticated, service_role;

-- Who may remove a connection: its maker, or someone who may change one of its places.
create function internal.may_remove_link(l public.asset_links)
returns boolean
language sql stable
set search_path = public
as $$
  select coalesce(l.created_by = auth.uid(), false)
    or exists (select 1 from public.assets a where a.id in (l.from_asset, l.to_asset) and internal.may_edit_asset(a))
$$;
revoke all on function internal.may_remove_link(public.asset_links) from public, anon, authenticated, service_role;

-- The visible connections of one place, for get_asset.
create function internal.asset_links_json(p_asset uuid)
returns jsonb
language sql stable
set search_path = public
as $$
  select coalesce(jsonb_agg(internal.link_json(l, p_asset, internal.may_remove_link(l)) order by l.created_at, l.id), '[]')
  from public.asset_links l
  where p_asset in (l.from_asset, l.to_asset) and internal.link_visible(l.from_asset, l.to_asset)
$$;
revoke all on function internal.asset_links_json(uuid) from public, anon, authenticated, service_role;

create function public.link_assets(p_from uuid, p_to uuid, p_kind text)
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
revoke all on function public.link_assets(uuid, uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.link_assets(uuid, uuid, text) to authenticated, service_role;

create function public.unlink_assets(p_link uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  l public.asset_links;
begin
  perform internal.require_signed_in();
  select * into l from public.asset_links x where x.id = p_link and internal.link_visible(x.from_asset, x.to_asset) for update;
  if not found then
    raise exception using errcode = 'WK404', message = format('connection %s not found', p_link), detail = 'link';
  end if;
  if not internal.may_remove_link(l) then
    raise exception using errcode = '42501', message = 'only its maker or who may change one of its places removes a connection';
  end if;
  delete from public.asset_links x where x.id = p_link;
  return jsonb_build_object('id', p_link, 'removed', true);
end
$$;
revoke all on function public.unlink_assets(uuid) from public, anon, authenticated, service_role;
grant execute on function public.unlink_assets(uuid) to authenticated, service_role;

-- Every connection the caller may see, with both places' names, for the exports.
create function public.export_links()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '30s'
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', l.id, 'kind', l.kind,
      'from_id', f.id, 'from_name', f.name, 'from_category', f.category,
      'to_id', t.id, 'to_name', t.name, 'to_category', t.category,
      'created_at', l.created_at)
    order by f.name, t.name, l.kind), '[]')
  from public.asset_links l
  join public.assets f on f.id = l.from_asset
  join public.assets t on t.id = l.to_asset
  where f.status <> 'archived' and t.status <> 'archived'
    and internal.asset_visible(f.status, f.created_by, f.werkgebied_id)
    and internal.asset_visible(t.status, t.created_by, t.werkgebied_id)
$$;
revoke all on function public.export_links() from public, anon, authenticated, service_role;
grant execute on function public.export_links() to anon, authenticated, service_role;
