-- Fresh places: when a place was last confirmed (assets.confirmed_at), "bestaat
-- nog" / "bestaat niet meer" (confirm_asset; the latter is a report), and per
-- werkgebied after how many months a place shows as possibly gone
-- (werkgebieden.stale_after_months, default 12; update_werkgebied).
-- internal.asset_feature becomes PL/pgSQL, so supabase/schemas/05 can name a
-- column that 13_freshness.sql adds.
-- Same as supabase/schemas/03_werkgebieden.sql, 05_asset_api.sql and
-- 13_freshness.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

alter table public.werkgebieden add column stale_after_months int not null default 12
  constraint werkgebieden_stale_after_months_check check (stale_after_months between 1 and 120);

create or replace function internal.werkgebied_json(w public.werkgebieden)
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

drop function public.update_werkgebied(uuid, boolean, int);

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

-- Until now a place was confirmed when it was added.
alter table public.assets add column confirmed_at timestamptz;
alter table public.assets disable trigger assets_rules;
update public.assets set confirmed_at = created_at;
alter table public.assets enable trigger assets_rules;
alter table public.assets alter column confirmed_at set default now(), alter column confirmed_at set not null;

create function public.confirm_asset(p_id uuid, p_still_exists boolean, p_reason text default null)
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
  if p_still_exists is null then
    raise exception using errcode = 'WKARG', message = 'say whether it still exists', detail = 'still_exists';
  end if;
  select * into a from public.assets x where x.id = p_id and internal.asset_visible(x.status, x.created_by, x.werkgebied_id);
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  if a.status <> 'published' then
    raise exception using errcode = 'WKARG', message = 'only places on the map are confirmed', detail = 'status';
  end if;
  if not p_still_exists then
    -- A report like any other: the werkgebied's facilitators decide, and enough of them hide it.
    return public.report_item('asset', p_id,
      'Bestaat niet meer' || coalesce(': ' || internal.optional_text(p_reason, 'reason', 400), ''));
  end if;
  -- Not a change of the place: no new version, no line in its history (confirmed_at is in neither).
  update public.assets x set confirmed_at = now() where x.id = p_id returning * into a;
  return internal.asset_feature(a);
end
$$;
revoke all on function public.confirm_asset(uuid, boolean, text) from public, anon, authenticated, service_role;
grant execute on function public.confirm_asset(uuid, boolean, text) to authenticated, service_role;


create or replace function internal.asset_feature(a public.assets, p_extra jsonb default '{}')
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
