-- Werkgebieden: the places where a programme works ("Leiden Merenwijk",
-- "Katwijk"), each made from one or more areas, with its members and their
-- roles, and its settings. Places and stories belong to the werkgebied they lie
-- in (04_assets_and_stories.sql). One database holds many side by side.
--
-- Roles (public.member_role) hold inside one werkgebied:
--   key_person   a resident who holds a circle: may add circles (kind 'group')
--   facilitator  runs sessions, moderates, imports places
--   planner      reads everything, pending items included
--   admin        all of the above, and manages the werkgebied and its members
-- A resident needs no role. An administrator (internal.is_admin) counts as admin
-- of every werkgebied. Roles are written only by admins through the functions
-- below, never by the person they are about.

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------

create table public.werkgebieden (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(btrim(name)) between 1 and 200),
  -- true: a resident's contribution waits for a facilitator; false: on the map at once.
  review_first boolean not null default true,
  -- Open reports after which a published item is hidden until a facilitator looks.
  report_threshold int not null default 3 check (report_threshold between 1 and 100),
  -- The union of its areas when it was made; area_codes says which.
  area_codes text[] not null check (cardinality(area_codes) between 1 and 500),
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  created_at timestamptz not null default now(),
  -- Months after its last confirmation that a place here shows as possibly gone (13_freshness.sql).
  stale_after_months int not null default 12 constraint werkgebieden_stale_after_months_check check (stale_after_months between 1 and 120)
);
create index werkgebieden_geom_idx on public.werkgebieden using gist (geom);

create table public.werkgebied_members (
  werkgebied_id uuid not null references public.werkgebieden (id) on delete cascade,
  user_id uuid not null,
  role public.member_role not null,
  -- The name shown to others for what this member does (e.g. in a place's history).
  display_name text check (length(btrim(display_name)) between 1 and 100),
  added_by uuid,
  added_at timestamptz not null default now(),
  primary key (werkgebied_id, user_id, role)
);
create index werkgebied_members_user_idx on public.werkgebied_members (user_id);

-- Werkgebieden are public (the planner and the map show them); members are
-- people: only the werkgebied's admins and the member themselves see them.
-- Neither table takes direct writes: the functions below are the way in.
alter table public.werkgebieden enable row level security;
create policy "Everyone can read werkgebieden" on public.werkgebieden
  for select to anon, authenticated using (true);
revoke all on public.werkgebieden from anon, authenticated;
grant select on public.werkgebieden to anon, authenticated;
grant all on public.werkgebieden to service_role;

alter table public.werkgebied_members enable row level security;
revoke all on public.werkgebied_members from anon, authenticated;
grant all on public.werkgebied_members to service_role;

------------------------------------------------------------------------------
-- Who may do what
------------------------------------------------------------------------------

-- True when the caller holds one of p_roles (or admin) in p_werkgebied, or is an
-- administrator. Outside any werkgebied (null) only administrators do.
-- Security definer: policies on werkgebied_members call it, and must not recurse.
create function internal.has_role(p_werkgebied uuid, p_roles public.member_role[])
returns boolean
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  -- Null without a login role (no JWT claims, e.g. Supabase's SQL editor), as it always was.
  admin boolean := internal.is_admin();
begin
  -- Apart, so an administrator's check runs no query.
  if admin then
    return true;
  end if;
  return admin or exists (
    select 1 from public.werkgebied_members m
    where m.werkgebied_id = p_werkgebied
      and m.user_id = auth.uid()
      and (m.role = any (p_roles) or m.role = 'admin')
  );
end
$$;
revoke all on function internal.has_role(uuid, public.member_role[]) from public, anon, authenticated, service_role;
grant execute on function internal.has_role(uuid, public.member_role[]) to anon, authenticated, service_role;

create policy "Admins of a werkgebied and the member see a membership" on public.werkgebied_members
  for select to authenticated
  using (user_id = auth.uid() or internal.has_role(werkgebied_id, '{admin}'));
grant select on public.werkgebied_members to authenticated;

create function internal.require_role(p_werkgebied uuid, p_roles public.member_role[])
returns void
language plpgsql stable
as $$
begin
  if not internal.has_role(p_werkgebied, p_roles) then
    raise exception using errcode = '42501',
      message = format('this needs the role %s in this werkgebied', array_to_string(p_roles, ' or '));
  end if;
end
$$;
revoke all on function internal.require_role(uuid, public.member_role[]) from public, anon, authenticated, service_role;
grant execute on function internal.require_role(uuid, public.member_role[]) to authenticated, service_role;

-- May the caller import places at all: administrators, and facilitators and
-- admins of at least one werkgebied (each row is checked against its werkgebied).
create function internal.may_import()
returns boolean
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  admin boolean := internal.is_admin();
begin
  if admin then
    return true;
  end if;
  return admin or exists (
    select 1 from public.werkgebied_members m
    where m.user_id = auth.uid() and m.role in ('facilitator', 'admin')
  );
end
$$;
revoke all on function internal.may_import() from public, anon, authenticated, service_role;
grant execute on function internal.may_import() to authenticated, service_role;

-- The werkgebied a shape lies in: the smallest one holding a point on its surface.
create function internal.werkgebied_at(p_geom extensions.geometry)
returns uuid
language plpgsql stable
set search_path = public, extensions
as $$
begin
  return (
    select w.id from public.werkgebieden w
    where st_intersects(w.geom, st_pointonsurface(p_geom))
    order by st_area(w.geom), w.id
    limit 1
  );
end
$$;
revoke all on function internal.werkgebied_at(extensions.geometry) from public, anon, authenticated, service_role;
grant execute on function internal.werkgebied_at(extensions.geometry) to authenticated, service_role;

create function internal.werkgebied_json(w public.werkgebieden)
returns jsonb
language sql stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'id', w.id, 'name', w.name, 'review_first', w.review_first, 'report_threshold', w.report_threshold,
    'stale_after_months', w.stale_after_months,
    'area_codes', to_jsonb(w.area_codes),
    'bbox', jsonb_build_array(round(st_xmin(w.geom)::numeric, 6), round(st_ymin(w.geom)::numeric, 6),
                              round(st_xmax(w.geom)::numeric, 6), round(st_ymax(w.geom)::numeric, 6)),
    'geometry', st_asgeojson(w.geom, 6)::jsonb,
    -- What the caller may do here, so the app shows only what the database allows.
    'my_roles', coalesce((
      select jsonb_agg(m.role order by m.role) from public.werkgebied_members m
      where m.werkgebied_id = w.id and m.user_id = auth.uid()), '[]')
  )
$$;
revoke all on function internal.werkgebied_json(public.werkgebieden) from public, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- The API: read by everyone, managed by admins
------------------------------------------------------------------------------

create function public.list_werkgebieden()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
  select coalesce(jsonb_agg(internal.werkgebied_json(w) order by w.name), '[]') from public.werkgebieden w
$$;
revoke all on function public.list_werkgebieden() from public, anon, authenticated, service_role;
grant execute on function public.list_werkgebieden() to anon, authenticated, service_role;

-- Who the caller is, as far as the app needs to know: administrator or not,
-- and their roles per werkgebied.
create function public.my_roles()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
  select jsonb_build_object(
    'signed_in', auth.uid() is not null,
    'is_admin', internal.is_admin(),
    'werkgebieden', coalesce((
      select jsonb_agg(jsonb_build_object('id', m.werkgebied_id, 'role', m.role) order by m.werkgebied_id, m.role)
      from public.werkgebied_members m where m.user_id = auth.uid()), '[]')
  )
$$;
revoke all on function public.my_roles() from public, anon, authenticated, service_role;
grant execute on function public.my_roles() to anon, authenticated, service_role;

-- A new werkgebied from areas already imported (buurten, wijken, a gemeente).
-- Places already inside it join it at once.
create function public.create_werkgebied(
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
revoke all on function public.create_werkgebied(text, jsonb, boolean, int) from public, anon, authenticated, service_role;
grant execute on function public.create_werkgebied(text, jsonb, boolean, int) to authenticated, service_role;

create function public.update_werkgebied(
  p_id uuid,
  p_review_first boolean default null,
  p_report_threshold int default null,
  p_stale_after_months int default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  w public.werkgebieden;
  failed_constraint text;
begin
  perform internal.require_role(p_id, '{admin}');
  update public.werkgebieden set
    review_first = coalesce(p_review_first, review_first),
    report_threshold = coalesce(p_report_threshold, report_threshold),
    stale_after_months = coalesce(p_stale_after_months, stale_after_months)
  where id = p_id
  returning * into w;
  if not found then
    raise exception using errcode = 'WK404', message = format('werkgebied %s not found', p_id), detail = 'werkgebied';
  end if;
  return internal.werkgebied_json(w);
exception when check_violation then
  get stacked diagnostics failed_constraint = constraint_name;
  if failed_constraint = 'werkgebieden_stale_after_months_check' then
    raise exception using errcode = 'WKARG', message = 'the months before a place shows as possibly gone must be between 1 and 120',
      detail = 'stale_after_months';
  end if;
  raise exception using errcode = 'WKARG', message = 'the report threshold must be between 1 and 100', detail = 'report_threshold';
end
$$;
revoke all on function public.update_werkgebied(uuid, boolean, int, int) from public, anon, authenticated, service_role;
grant execute on function public.update_werkgebied(uuid, boolean, int, int) to authenticated, service_role;

-- Gives a person a role in a werkgebied (again: changes the name shown).
-- On Supabase the person signs in once by e-mail first; their user id is in the dashboard.
create function public.set_member(p_werkgebied uuid, p_user uuid, p_role text, p_display_name text default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  r public.member_role;
begin
  perform internal.require_role(p_werkgebied, '{admin}');
  if not exists (select 1 from public.werkgebieden where id = p_werkgebied) then
    raise exception using errcode = 'WK404', message = format('werkgebied %s not found', p_werkgebied), detail = 'werkgebied';
  end if;
  if p_user is null then
    raise exception using errcode = 'WKREQ', message = 'user is required', detail = 'user';
  end if;
  begin
    r := p_role::public.member_role;
  exception when invalid_text_representation then
    raise exception using errcode = 'WKARG', message = format('unknown role %L', p_role), detail = 'role';
  end;
  if r is null then
    raise exception using errcode = 'WKREQ', message = 'role is required', detail = 'role';
  end if;
  insert into public.werkgebied_members (werkgebied_id, user_id, role, display_name, added_by)
  values (p_werkgebied, p_user, r, nullif(btrim(coalesce(p_display_name, '')), ''), auth.uid())
  on conflict (werkgebied_id, user_id, role) do update set display_name = excluded.display_name;
  return jsonb_build_object('werkgebied_id', p_werkgebied, 'user_id', p_user, 'role', r,
                            'display_name', nullif(btrim(coalesce(p_display_name, '')), ''));
exception when check_violation then
  raise exception using errcode = 'WKARG', message = 'the name shown is longer than 100 characters', detail = 'display_name';
end
$$;
revoke all on function public.set_member(uuid, uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.set_member(uuid, uuid, text, text) to authenticated, service_role;

create function public.remove_member(p_werkgebied uuid, p_user uuid, p_role text)
returns boolean
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
begin
  perform internal.require_role(p_werkgebied, '{admin}');
  delete from public.werkgebied_members
  where werkgebied_id = p_werkgebied and user_id = p_user and role::text = p_role;
  return found;
end
$$;
revoke all on function public.remove_member(uuid, uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.remove_member(uuid, uuid, text) to authenticated, service_role;

create function public.list_members(p_werkgebied uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
begin
  perform internal.require_role(p_werkgebied, '{admin}');
  return coalesce((
    select jsonb_agg(jsonb_build_object('user_id', m.user_id, 'role', m.role, 'display_name', m.display_name,
                                        'added_at', m.added_at) order by m.role, m.display_name, m.user_id)
    from public.werkgebied_members m where m.werkgebied_id = p_werkgebied), '[]');
end
$$;
revoke all on function public.list_members(uuid) from public, anon, authenticated, service_role;
grant execute on function public.list_members(uuid) to authenticated, service_role;
