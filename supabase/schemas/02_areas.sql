-- Areas: buurten, wijken, gemeenten or any named polygon with a code.
-- Written only by administrators' imports (import_areas, 07_import_export.sql),
-- never directly; read by everyone.

create table public.areas (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) between 1 and 50),
  name text not null check (length(btrim(name)) between 1 and 200),
  level public.area_level not null,
  parent_code text,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom)),
  created_at timestamptz not null default now(),
  -- Provenance, as on assets.
  source text check (length(source) between 1 and 100),
  attribution text check (length(attribution) <= 300),
  updated_at timestamptz not null default now()
);
create index areas_geom_idx on public.areas using gist (geom);

alter table public.areas enable row level security;
create policy "Everyone can read areas" on public.areas
  for select to anon, authenticated using (true);

revoke all on public.areas from anon, authenticated;
grant select on public.areas to anon;
grant select on public.areas to authenticated;
grant all on public.areas to service_role;
