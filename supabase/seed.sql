-- Local development seed for `supabase db reset`.
-- Categories are reference data and live in the migrations, because production
-- needs them too. This project seeds no demo assets: invented places must never
-- be mistaken for real ones; a labelled fictional demo neighbourhood is planned
-- with the data-import work.
select 1;
