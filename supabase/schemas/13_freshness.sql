-- Fresh places. Each place keeps when someone last said it still exists
-- (assets.confirmed_at; when it was added, to begin with). Anyone signed in
-- can say "bestaat nog", which confirms it, or "bestaat niet meer", which is a
-- report with that reason and so goes to the facilitators' queue. A place not
-- confirmed for its werkgebied's stale_after_months (12 unless set,
-- 03_werkgebieden.sql) shows as possibly gone; the app fades it. API roles
-- write no table directly, so confirm_asset is the only way to confirm.

alter table public.assets add column confirmed_at timestamptz not null default now();
-- Readable directly too, like the other columns a person may see (04_assets_and_stories.sql).
grant select (confirmed_at) on public.assets to anon, authenticated;

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
