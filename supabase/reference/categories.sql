-- Reference data: the kinds of place. Production needs these rows too, so they
-- are part of the baseline migration (not of seed.sql, which is local only).
-- A later change to them comes as a migration and is made here as well;
-- tests/sql/schemaParity compares the rows.

insert into public.categories (id, label_nl, label_en, color, sort_order, domain) values
  ('buurthuis',          'Buurthuis',                'Community centre',        '#d1495b', 10, 'nulde_lijn'),
  ('ontmoetingsplek',    'Ontmoetingsplek',          'Meeting place',           '#edae49', 20, 'nulde_lijn'),
  ('sportclub',          'Sportclub',                'Sports club',             '#00798c', 30, 'nulde_lijn'),
  ('beweeggroep',        'Beweeggroep',              'Exercise group',          '#0096c7', 32, 'nulde_lijn'),
  ('wandelroute',        'Wandelroute',              'Walking route',           '#30638e', 40, null),
  ('initiatief',         'Bewonersinitiatief',       'Citizen initiative',      '#8e5ca3', 50, 'nulde_lijn'),
  ('gezond_eten',        'Gezond eten en koken',     'Healthy food and cooking','#f28f3b', 52, 'nulde_lijn'),
  ('moestuin',           'Moestuin',                 'Vegetable garden',        '#6a994e', 54, 'nulde_lijn'),
  ('huisartsenpraktijk', 'Huisartsenpraktijk',       'GP practice',             '#003d5b', 60, 'eerstelijn'),
  ('leefstijlcoach',     'Leefstijlcoach of diëtist', 'Lifestyle coach or dietitian', '#b5838d', 61, 'eerstelijn'),
  ('fysiotherapie',      'Fysiotherapie',            'Physiotherapy',           '#277da1', 62, 'eerstelijn'),
  ('wijkverpleging',     'Wijkverpleging',           'District nursing',        '#577590', 63, 'eerstelijn'),
  -- Categories that public data (OpenStreetMap) brings in.
  ('zorg_welzijn',       'Zorg en welzijn',          'Care and welfare',        '#6d597a', 65, 'sociaal_domein'),
  ('apotheek',           'Apotheek',                 'Pharmacy',                '#355070', 66, 'eerstelijn'),
  ('sociaal_team',       'Sociaal wijkteam',         'Social team',             '#9d4edd', 67, 'sociaal_domein'),
  ('mantelzorg',         'Mantelzorgondersteuning',  'Informal-care support',   '#e76f51', 68, 'sociaal_domein'),
  ('dagbesteding',       'Dagbesteding',             'Day activities',          '#bc6c25', 69, 'sociaal_domein'),
  ('bibliotheek',        'Bibliotheek',              'Library',                 '#9c6644', 70, 'sociaal_domein'),
  ('park',               'Park of groen',            'Park or green space',     '#4f9d3a', 80, null),
  ('speelplek',          'Speelplek',                'Playground',              '#e56b6f', 85, null),
  ('cirkel',             'Cirkel met sleutelfiguur', 'Circle with a key person','#c2185b', 90, 'nulde_lijn');
