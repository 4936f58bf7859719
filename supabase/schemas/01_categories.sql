-- Categories: the kinds of place, with Dutch and English labels and a map
-- colour. Reference data: the rows are in supabase/reference/categories.sql,
-- because production needs them too.

-- Where a kind of place stands next to care: the nulde lijn (what citizens do
-- themselves), the eerstelijn (primary care) or the sociaal domein (the
-- municipality's social work and welfare). Null: none of these (a park, a route).
create type public.care_domain as enum ('nulde_lijn', 'eerstelijn', 'sociaal_domein');

create table public.categories (
  id text primary key check (id ~ '^[a-z_]+$'),
  label_nl text not null,
  label_en text not null,
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  sort_order int not null,
  domain public.care_domain
);

alter table public.categories enable row level security;
create policy "Everyone can read the categories" on public.categories
  for select to anon, authenticated using (true);
-- Supabase's default privileges give anon and authenticated everything on a new
-- table in public; take that back before granting what is meant.
revoke all on public.categories from anon, authenticated;
grant select on public.categories to anon, authenticated;
grant all on public.categories to service_role;
