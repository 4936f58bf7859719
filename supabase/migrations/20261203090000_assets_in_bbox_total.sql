-- assets_in_bbox says how many places lie in the box besides the ones it
-- returns (at most p_limit): the map tells when it shows only part of them.
-- Same as supabase/schemas/05_asset_api.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

create or replace function public.assets_in_bbox(
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
