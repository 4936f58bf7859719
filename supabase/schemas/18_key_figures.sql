------------------------------------------------------------------------------
-- CBS key figures per wijk or buurt (kerncijfers wijken en buurten)
------------------------------------------------------------------------------

-- The figures a CBS wijk/buurt file brings beside its population, kept per area
-- so the map can colour the areas by one of them. Public data, like the areas.
-- The names are Wijkkracht's own (src/domain/keyFigures.ts lists the same, with
-- their unit and where CBS's files call them otherwise):
--   population        residents
--   share_0_14 … share_65plus   % of the residents in an age group
--   dwellings         dwellings (woningvoorraad)
--   dwelling_value    average WOZ value of a dwelling, × € 1 000
--   owner_occupied    % owner-occupied dwellings (koopwoningen)
--   employment_rate   % net labour participation
--   income_low        % of persons in the country's lowest 40 % of incomes
--   income_high       % of persons in the country's highest 20 % of incomes
--   higher_education  % with hbo or university education (of those whose level is known)
--   urbanity          CBS's degree of urbanity, 1 (very strongly urban) to 5 (not urban)
-- A figure CBS keeps secret or does not know is null: unknown, never 0.
create function internal.key_figure_names() returns text[]
language sql immutable
as $$
  select array['population', 'share_0_14', 'share_15_24', 'share_25_44', 'share_45_64', 'share_65plus',
               'dwellings', 'dwelling_value', 'owner_occupied', 'employment_rate',
               'income_low', 'income_high', 'higher_education', 'urbanity']
$$;
revoke all on function internal.key_figure_names() from public, anon, authenticated, service_role;
grant execute on function internal.key_figure_names() to authenticated, service_role;

create table public.area_key_figures (
  area_code text not null references public.areas (code) on delete cascade on update cascade,
  figure text not null check (figure = any (internal.key_figure_names())),
  value numeric check (value between 0 and 1e12),
  source text check (length(source) between 1 and 100),
  attribution text check (length(attribution) <= 300),
  primary key (area_code, figure)
);
alter table public.area_key_figures enable row level security;
create policy "Everyone can read key figures" on public.area_key_figures
  for select to anon, authenticated using (true);
revoke all on public.area_key_figures from anon, authenticated;
grant select on public.area_key_figures to anon, authenticated;
grant all on public.area_key_figures to service_role;

-- Rows as import_areas_with_population takes them, each with an optional
-- `key_figures` object {figure: number or null}. An area that comes with
-- figures gets exactly those (its earlier ones go); one without keeps its own.
-- Refuses an unknown figure or a value that is not a number of 0 or more, naming the row.
-- Called after the areas are written (the figures refer to them).
create function internal.apply_area_key_figures(p_source text, p_attribution text, p_rows jsonb)
returns int
language plpgsql volatile
set search_path = public
as $$
declare
  bad record;
  written int;
begin
  perform internal.require_admin();
  select coalesce((r ->> 'row')::int, position::int) as row_no, figure.key as figure
    into bad
  from jsonb_array_elements(p_rows) with ordinality as element(r, position)
  cross join lateral jsonb_each(case when jsonb_typeof(r -> 'key_figures') = 'object' then r -> 'key_figures' else '{}' end) figure
  where not (figure.key = any (internal.key_figure_names()))
     or jsonb_typeof(figure.value) not in ('number', 'null')
     -- None of the figures is below 0: CBS's codes for secret values (-99997) are unknown, null.
     or (jsonb_typeof(figure.value) = 'number' and (figure.value #>> '{}')::numeric not between 0 and 1e12)
  limit 1;
  if found then
    raise exception using errcode = 'WKARG', message = format('row %s: key figure %s is unknown or not a number', bad.row_no, bad.figure),
      detail = 'key_figures';
  end if;
  if exists (select from jsonb_array_elements(p_rows) r
             where r ? 'key_figures' and jsonb_typeof(r -> 'key_figures') not in ('object', 'null')) then
    raise exception using errcode = 'WKARG', message = 'key figures must be an object per row', detail = 'key_figures';
  end if;

  delete from public.area_key_figures k
  using jsonb_array_elements(p_rows) r
  where jsonb_typeof(r -> 'key_figures') = 'object' and k.area_code = r ->> 'code';
  insert into public.area_key_figures (area_code, figure, value, source, attribution)
  select r ->> 'code', figure.key, (figure.value #>> '{}')::numeric,
         internal.required_text(p_source, 'source', 100), internal.optional_text(p_attribution, 'attribution', 300)
  from jsonb_array_elements(p_rows) r
  cross join lateral jsonb_each(r -> 'key_figures') figure
  where jsonb_typeof(r -> 'key_figures') = 'object'
    and exists (select from public.areas a where a.code = r ->> 'code');
  get diagnostics written = row_count;
  return written;
end
$$;
revoke all on function internal.apply_area_key_figures(text, text, jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.apply_area_key_figures(text, text, jsonb) to authenticated, service_role;

-- Every key figure of every area, for the map's choropleth: {figures: {figure:
-- {area code: value}}, attributions: [...]}, with the population density
-- (residents per km² of the area's land and water) worked out here, so it
-- follows the areas' boundaries. Tens of values per area: small enough for once.
create function public.key_figures_by_area()
returns jsonb
language sql stable
set search_path = public, extensions
set statement_timeout = '15s'
as $$
  with figures as (
    select k.figure, k.area_code, k.value from public.area_key_figures k
    union all
    select 'population_density', k.area_code,
           round(k.value / nullif((st_area(a.geom::geography) / 1e6)::numeric, 0), 1)
    from public.area_key_figures k join public.areas a on a.code = k.area_code
    where k.figure = 'population'
  )
  select jsonb_build_object(
    'figures', coalesce((select jsonb_object_agg(figure, areas)
                         from (select figure, jsonb_object_agg(area_code, value) as areas from figures group by figure) per_figure), '{}'),
    'attributions', coalesce((select jsonb_agg(distinct attribution) from public.area_key_figures where attribution is not null), '[]'))
$$;
revoke all on function public.key_figures_by_area() from public, anon, authenticated, service_role;
grant execute on function public.key_figures_by_area() to anon, authenticated, service_role;
