-- Reference data: the kinds of place. Production needs these rows too, so they
-- are part of the baseline migration (not of seed.sql, which is local only).
-- A later change to them comes as a migration and is made here as well;
-- tests/sql/schemaParity compares the rows.

insert into public.categories (id, label_nl, label_en, color, sort_order) values
  ('buurthuis',          'Buurthuis',                'Community centre',        '#d1495b', 10),
  ('ontmoetingsplek',    'Ontmoetingsplek',          'Meeting place',           '#edae49', 20),
  ('sportclub',          'Sportclub',                'Sports club',             '#00798c', 30),
  ('wandelroute',        'Wandelroute',              'Walking route',           '#30638e', 40),
  ('initiatief',         'Bewonersinitiatief',       'Citizen initiative',      '#8e5ca3', 50),
  ('huisartsenpraktijk', 'Huisartsenpraktijk',       'GP practice',             '#003d5b', 60),
  -- Categories that public data (OpenStreetMap) brings in.
  ('zorg_welzijn',       'Zorg en welzijn',          'Care and welfare',        '#6d597a', 65),
  ('apotheek',           'Apotheek',                 'Pharmacy',                '#355070', 66),
  ('bibliotheek',        'Bibliotheek',              'Library',                 '#9c6644', 70),
  ('park',               'Park of groen',            'Park or green space',     '#4f9d3a', 80),
  ('speelplek',          'Speelplek',                'Playground',              '#e56b6f', 85),
  ('cirkel',             'Cirkel met sleutelfiguur', 'Circle with a key person','#c2185b', 90);
