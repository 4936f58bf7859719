-- Kinds of place for the programmes we serve (a health cooperative for people
-- with diabetes type 2, citizens' networks beside primary care and the social
-- domain), and for every kind where it stands: nulde lijn, eerstelijn or
-- sociaal domein (null: none, such as a park). The app filters by it.
-- Same as supabase/schemas/01_categories.sql, 05_asset_api.sql and
-- supabase/reference/categories.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

create type public.care_domain as enum ('nulde_lijn', 'eerstelijn', 'sociaal_domein');
alter table public.categories add column domain public.care_domain;

update public.categories c set domain = d.domain::public.care_domain
from (values
  ('buurthuis', 'nulde_lijn'), ('ontmoetingsplek', 'nulde_lijn'), ('sportclub', 'nulde_lijn'),
  ('initiatief', 'nulde_lijn'), ('cirkel', 'nulde_lijn'),
  ('huisartsenpraktijk', 'eerstelijn'), ('apotheek', 'eerstelijn'),
  ('zorg_welzijn', 'sociaal_domein'), ('bibliotheek', 'sociaal_domein')
) as d(id, domain)
where c.id = d.id;

insert into public.categories (id, label_nl, label_en, color, sort_order, domain) values
  ('beweeggroep',        'Beweeggroep',              'Exercise group',          '#0096c7', 32, 'nulde_lijn'),
  ('gezond_eten',        'Gezond eten en koken',     'Healthy food and cooking','#f28f3b', 52, 'nulde_lijn'),
  ('moestuin',           'Moestuin',                 'Vegetable garden',        '#6a994e', 54, 'nulde_lijn'),
  ('leefstijlcoach',     'Leefstijlcoach of diëtist', 'Lifestyle coach or dietitian', '#b5838d', 61, 'eerstelijn'),
  ('fysiotherapie',      'Fysiotherapie',            'Physiotherapy',           '#277da1', 62, 'eerstelijn'),
  ('wijkverpleging',     'Wijkverpleging',           'District nursing',        '#577590', 63, 'eerstelijn'),
  ('sociaal_team',       'Sociaal wijkteam',         'Social team',             '#9d4edd', 67, 'sociaal_domein'),
  ('mantelzorg',         'Mantelzorgondersteuning',  'Informal-care support',   '#e76f51', 68, 'sociaal_domein'),
  ('dagbesteding',       'Dagbesteding',             'Day activities',          '#bc6c25', 69, 'sociaal_domein');

create or replace function public.list_categories()
returns jsonb
language sql stable
set search_path = public
set statement_timeout = '5s'
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', id, 'label_nl', label_nl, 'label_en', label_en, 'color', color, 'domain', domain) order by sort_order), '[]')
  from public.categories
$$;
