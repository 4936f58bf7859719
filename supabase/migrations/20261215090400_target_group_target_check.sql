-- Own target groups' coverage checks its target with the snapshots' check
-- (internal.require_snapshot_target) instead of a copy of it.

-- How many of the group live within each 50 m step (0 … 2000 m) of p_target, in
-- a straight line or on foot, for the whole werkgebied and per buurt, as may be
-- shown (internal.shown_coverage per step). Security definer: it reads the
-- members per cell, which no caller may.
create or replace function public.target_group_coverage(p_group uuid, p_target text, p_on_foot boolean default false)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '15s'
as $$
declare
  g public.target_groups := internal.visible_target_group(p_group);
  area geometry := internal.werkgebied_area_rd(g.werkgebied_id);
  on_foot boolean := coalesce(p_on_foot, false);
begin
  -- The same check as the snapshots' (16_snapshots.sql).
  perform internal.require_snapshot_target(p_target);
  return (
    -- Every cell of the werkgebied, members or not: a buurt is listed whether or not anyone of the group lives there.
    with cells as (
      select coalesce(c.buurt_code, '') as buurt_code, coalesce(m.members, 0) as members,
             case when on_foot then internal.walk_distance(k.distance_m, acc.access_m, r.distance_m) else k.distance_m end as distance_m
      from public.population_cells c
      left join internal.target_group_cells m on m.group_id = p_group and m.cell_id = c.cell_id
      left join internal.cell_nearest k on k.cell_id = c.cell_id and k.target = p_target
      left join internal.walk_cell_access acc on on_foot and acc.cell_id = c.cell_id
      left join internal.walk_reach r on on_foot and r.target = p_target and r.node_id = acc.node_id
      where st_intersects(area, c.centre)
    ),
    per_step as (
      select grouping(buurt_code) = 1 as whole, buurt_code, s.step,
             sum(members) as total, coalesce(sum(members) filter (where distance_m <= s.step * 50), 0) as covered
      from cells cross join generate_series(0, 40) s(step)
      group by grouping sets ((buurt_code, s.step), (s.step))
    ),
    shown as (
      select whole, buurt_code,
             jsonb_agg(internal.shown_coverage(total, covered) order by step) as steps
      from per_step group by whole, buurt_code
    )
    select jsonb_build_object(
      'id', g.id, 'name', g.name, 'target', p_target, 'on_foot', on_foot, 'step_m', 50,
      'threshold', internal.private_count_threshold(),
      'werkgebied', coalesce((select steps from shown where whole), (select jsonb_agg(internal.shown_coverage(0, 0)) from generate_series(0, 40))),
      'buurten', coalesce((select jsonb_agg(jsonb_build_object('buurt_code', buurt_code, 'steps', steps) order by buurt_code)
                           from shown where not whole), '[]'))
  );
end
$$;
revoke all on function public.target_group_coverage(uuid, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.target_group_coverage(uuid, text, boolean) to authenticated, service_role;
