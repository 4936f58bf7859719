-- The area counts themselves, next to the cells spread from them (issue 4's
-- population model: "area-level counts (buurt, wijk, PC4 with age bands)").
-- The cells are an estimate derived from these; keeping the source counts
-- lets a later method (another spreading, a report per postcode) start from
-- what CBS published, and shows where the estimated cells came from.

set search_path = public, extensions;

create table public.area_population (
  source text not null,
  code text not null,
  name text,
  geom extensions.geometry(MultiPolygon, 4326) not null,
  -- NULL: CBS keeps the count secret or does not publish it.
  residents int check (residents >= 0),
  residents_65plus int check (residents_65plus >= 0),
  -- 5-year bands where the source has them (PC4): {"0_4": 250, …, "95_plus": 5}.
  age_bands jsonb,
  attribution text,
  imported_at timestamptz not null default now(),
  primary key (source, code)
);
create index area_population_geom_idx on public.area_population using gist (geom);

alter table public.area_population enable row level security;
create policy "Everyone can read area population" on public.area_population
  for select to anon, authenticated using (true);
grant select on public.area_population to anon, authenticated;
grant all on public.area_population to service_role;

-- Keeps the rows of one import; called by import_area_population after the cells are written.
create function internal.store_area_population(p_source text, p_attribution text, p_rows jsonb)
returns void
language sql volatile
set search_path = public, extensions
as $$
  insert into public.area_population as p (source, code, name, geom, residents, residents_65plus, age_bands, attribution)
  select p_source, r ->> 'code', r ->> 'name',
         st_multi(st_setsrid(st_geomfromgeojson(r -> 'geometry'), 4326)),
         round(nullif(r ->> 'residents', '')::numeric)::int,
         round(nullif(r ->> 'residents_65plus', '')::numeric)::int,
         r -> 'age_bands', p_attribution
  from jsonb_array_elements(p_rows) r
  on conflict (source, code) do update
    set name = excluded.name, geom = excluded.geom, residents = excluded.residents,
        residents_65plus = excluded.residents_65plus, age_bands = excluded.age_bands,
        attribution = excluded.attribution, imported_at = now();
$$;

-- Same signature and report as before; now also keeps the area counts.
create or replace function public.import_area_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
as $$
declare
  dry_run_report text;
  report jsonb;
begin
  -- A dry run ends inside apply_area_population (WKDRY), before anything is kept.
  report := internal.apply_area_population(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
  perform internal.store_area_population(p_source, p_attribution, p_rows);
  return report;
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;

revoke all on function internal.store_area_population(text, text, jsonb) from public;
grant execute on function internal.store_area_population(text, text, jsonb) to anon, authenticated, service_role;
