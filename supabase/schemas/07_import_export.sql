-- Data in and out: atomic bulk imports of assets and areas with a per-row
-- report (and a dry run for the preview), and the reads behind the exports.
-- Boundaries are imported by administrators; places by administrators and by
-- facilitators and admins of the werkgebieden the places lie in. The public
-- functions are security definer (the tables take no direct writes) and check
-- who calls them first.
--
-- Refusal codes, besides those of the asset API:
--   WKIMP some rows were refused; DETAIL is a JSON array {row, code, message, detail}
--   WKDUP the same source id twice in one import
--   WKDRY a dry run ended (internal; the public function returns its report)

------------------------------------------------------------------------------
-- Import helpers, shared with the population imports
------------------------------------------------------------------------------

create function internal.require_rows(p_rows jsonb, p_max int)
returns void
language plpgsql immutable
as $$
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception using errcode = 'WKARG', message = 'rows must be a JSON array', detail = 'rows';
  end if;
  if jsonb_array_length(p_rows) > p_max then
    raise exception using errcode = 'WKARG',
      message = format('%s rows is more than the %s one import may hold', jsonb_array_length(p_rows), p_max),
      detail = 'too_many_rows';
  end if;
end
$$;
revoke all on function internal.require_rows(jsonb, int) from public, anon, authenticated, service_role;
grant execute on function internal.require_rows(jsonb, int) to authenticated, service_role;

-- Rows whose key (source_id, code) an earlier row already has: {"<row>": <first row>}.
-- Found in one pass up front, so the row loop only looks them up.
create function internal.repeated_rows(p_rows jsonb, p_key text)
returns jsonb
language sql immutable
as $$
  select coalesce(jsonb_object_agg(row_no::text, first_row), '{}')
  from (
    select row_no, first_value(row_no) over (partition by key order by position) as first_row
    from (
      select coalesce((r ->> 'row')::int, position::int) as row_no, nullif(btrim(r ->> p_key), '') as key, position
      from jsonb_array_elements(p_rows) with ordinality as element(r, position)
    ) keyed
    where key is not null
  ) ranked
  where row_no <> first_row
$$;
revoke all on function internal.repeated_rows(jsonb, text) from public, anon, authenticated, service_role;
grant execute on function internal.repeated_rows(jsonb, text) to authenticated, service_role;

-- One refused row, as the report lists it.
create function internal.row_error(p_row int, p_code text, p_message text, p_detail text)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('row', p_row, 'code', p_code, 'message', p_message, 'detail', p_detail)
$$;
revoke all on function internal.row_error(int, text, text, text) from public, anon, authenticated, service_role;
grant execute on function internal.row_error(int, text, text, text) to authenticated, service_role;

-- Ends an import: refuses all of it if any row was refused, else returns the report.
-- A dry run also ends in an exception (WKDRY), which the public function catches,
-- so that its writes roll back while its report is returned.
create function internal.finish_import(p_errors jsonb, p_row_count int, p_report jsonb, p_dry_run boolean)
returns jsonb
language plpgsql immutable
as $$
declare
  error_count int := jsonb_array_length(p_errors);
begin
  if error_count > 0 then
    raise exception using errcode = 'WKIMP',
      message = format('%s of %s rows were refused; nothing was imported', error_count, p_row_count),
      -- The first 1000 refusals are enough to act on and keep the message small.
      detail = (select jsonb_agg(e) from (select e from jsonb_array_elements(p_errors) e limit 1000) first_errors)::text;
  end if;
  if p_dry_run then
    raise exception using errcode = 'WKDRY', message = 'dry run', detail = p_report::text;
  end if;
  return p_report;
end
$$;
revoke all on function internal.finish_import(jsonb, int, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.finish_import(jsonb, int, jsonb, boolean) to authenticated, service_role;

create function internal.import_report(p_rows jsonb, p_dry_run boolean)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'dry_run', p_dry_run,
    'added', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'add'),
    'updated', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'update'),
    'unchanged', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' = 'unchanged'),
    'skipped', (select count(*) from jsonb_array_elements(p_rows) r where r ->> 'action' like 'skip%'),
    'rows', p_rows
  )
$$;
revoke all on function internal.import_report(jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.import_report(jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- Import assets
------------------------------------------------------------------------------

-- Rows: [{row, kind, category, name, geometry, description?, dimensions?, source_id?, story?}],
-- one at a time, each refused row caught and reported.
-- A row with a source_id that this source imported before updates that asset;
-- an archived one stays archived (skip_archived). With p_within_area, rows
-- that do not touch that area are skipped (skip_outside_area).
create function internal.apply_asset_import_by_row(
  p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean, p_within_area text
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  source_name text;
  area_geom geometry;
  r jsonb;
  row_index int := 0;
  row_no int;
  row_kind public.asset_kind;
  g geometry;
  sid text;
  existing public.assets;
  saved public.assets;
  new_name text;
  new_description text;
  new_category text;
  new_dimensions public.health_dimension[];
  duplicates jsonb;
  report jsonb[] := '{}';
  errors jsonb[] := '{}';
  error_detail text;
  failed_constraint text;
begin
  if not internal.may_import() then
    raise exception using errcode = '42501', message = 'only administrators and facilitators may import places';
  end if;
  source_name := internal.required_text(p_source, 'source', 100);
  perform internal.require_rows(p_rows, 50000);
  duplicates := internal.repeated_rows(p_rows, 'source_id');
  if p_within_area is not null then
    select geom into area_geom from public.areas where code = p_within_area;
    if not found then
      raise exception using errcode = 'WK404', message = format('area %s not found', p_within_area), detail = 'area';
    end if;
  end if;

  for r in select value from jsonb_array_elements(p_rows) loop
    row_index := row_index + 1;
    row_no := coalesce((r ->> 'row')::int, row_index);
    begin
      begin
        row_kind := (r ->> 'kind')::public.asset_kind;
      exception when invalid_text_representation then
        raise exception using errcode = 'WKARG', message = format('unknown kind %L', r ->> 'kind'), detail = 'kind';
      end;
      if row_kind is null then
        raise exception using errcode = 'WKARG', message = 'kind is required', detail = 'kind';
      end if;
      g := internal.geometry_from_geojson(r -> 'geometry', row_kind);
      new_name := internal.required_text(r ->> 'name', 'name', 200);
      new_description := btrim(coalesce(r ->> 'description', ''));
      new_category := internal.category_exists(r ->> 'category');
      new_dimensions := internal.dimensions_from_json(r -> 'dimensions');
      sid := nullif(btrim(coalesce(r ->> 'source_id', '')), '');

      if duplicates ? row_no::text then
        raise exception using errcode = 'WKDUP',
          message = format('source id %s appears twice (also in row %s)', sid, duplicates ->> row_no::text), detail = sid;
      end if;

      if area_geom is not null and not st_intersects(area_geom, g) then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'skip_outside_area'));
        continue;
      end if;
      -- A facilitator imports into the werkgebieden they facilitate, not into others'.
      if not internal.has_role(internal.werkgebied_at(g), '{facilitator}') then
        raise exception using errcode = '42501', message = 'this row lies outside the werkgebieden where you may import',
          detail = 'werkgebied';
      end if;

      existing := null;
      if sid is not null then
        select * into existing from public.assets a where a.source = source_name and a.source_id = sid;
      end if;

      if existing.id is null then
        insert into public.assets
          (kind, category, dimensions, name, description, geom, created_by, source, source_id, attribution)
        values
          (row_kind, new_category, new_dimensions, new_name, new_description, g, auth.uid(), source_name, sid, p_attribution)
        returning * into saved;
        if nullif(btrim(coalesce(r ->> 'story', '')), '') is not null then
          insert into public.stories (asset_id, body, author_name)
          values (saved.id, internal.required_text(r ->> 'story', 'story', 5000),
                  internal.optional_text(r ->> 'author_name', 'author_name', 100));
        end if;
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'add', 'id', saved.id));
      elsif not internal.has_role(existing.werkgebied_id, '{facilitator}') then
        raise exception using errcode = '42501', message = format('you may not change asset %s', existing.id);
      elsif existing.status in ('archived', 'rejected') then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'skip_archived', 'id', existing.id));
      elsif existing.kind = row_kind and existing.name = new_name and existing.description = new_description
        and existing.category = new_category and existing.dimensions = new_dimensions
        and st_equals(existing.geom, g) and existing.attribution is not distinct from p_attribution then
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'unchanged', 'id', existing.id));
      else
        update public.assets set
          kind = row_kind, category = new_category, dimensions = new_dimensions,
          name = new_name, description = new_description, geom = g, attribution = p_attribution
        where id = existing.id
        returning * into saved;
        report := array_append(report, jsonb_build_object('row', row_no, 'action', 'update', 'id', saved.id));
      end if;
    exception when others then
      get stacked diagnostics error_detail = pg_exception_detail, failed_constraint = constraint_name;
      -- A constraint's own detail quotes the whole row ("Failing row contains …", author included):
      -- the constraint's name says enough.
      errors := array_append(errors, internal.row_error(row_no, sqlstate, sqlerrm,
        case when sqlstate like '23%' then failed_constraint else nullif(error_detail, '') end));
    end;
  end loop;

  return internal.finish_import(to_jsonb(errors), row_index, internal.import_report(to_jsonb(report), p_dry_run), p_dry_run);
end
$$;
revoke all on function internal.apply_asset_import_by_row(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function internal.apply_asset_import_by_row(text, text, jsonb, boolean, text) to authenticated, service_role;

-- The same import in a few statements over all rows at once: what a file that
-- passed the app's own checks needs, about ten times faster than row by row
-- (npm run bench:import). It gives up (raises WKROW, or the first refusal it
-- meets) at any problem of any row; apply_asset_import then runs the row-by-row
-- path, which names every refused row with its reason. A dry run writes nothing.
create function internal.apply_asset_import_at_once(
  p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean, p_within_area text
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  source_name text;
  area_geom geometry;
  report_rows jsonb;
  -- The places this import adds, in the order of the file.
  added uuid[] := '{}';
begin
  if not internal.may_import() then
    raise exception using errcode = '42501', message = 'only administrators and facilitators may import places';
  end if;
  source_name := internal.required_text(p_source, 'source', 100);
  perform internal.require_rows(p_rows, 50000);
  if length(p_attribution) > 300 or internal.repeated_rows(p_rows, 'source_id') <> '{}' then
    raise exception using errcode = 'WKROW', message = 'some rows need the row-by-row import';
  end if;
  if p_within_area is not null then
    select geom into area_geom from public.areas where code = p_within_area;
    if not found then
      raise exception using errcode = 'WK404', message = format('area %s not found', p_within_area), detail = 'area';
    end if;
  end if;

  -- Every row read and checked by the same functions as row by row; any refusal ends this path.
  drop table if exists pg_temp.asset_import_rows;
  create temporary table asset_import_rows on commit drop as
  select input.position, input.row_no, input.kind, checked.*
  from (
    select position, coalesce((r ->> 'row')::int, position::int) as row_no, (r ->> 'kind')::public.asset_kind as kind, r
    from jsonb_array_elements(p_rows) with ordinality as element(r, position)
  ) input
  cross join lateral (
    select internal.geometry_from_geojson(input.r -> 'geometry', input.kind) as geom,
           internal.required_text(input.r ->> 'name', 'name', 200) as name,
           btrim(coalesce(input.r ->> 'description', '')) as description,
           internal.category_exists(input.r ->> 'category') as category,
           internal.dimensions_from_json(input.r -> 'dimensions') as dimensions,
           nullif(btrim(coalesce(input.r ->> 'source_id', '')), '') as sid,
           internal.optional_text(input.r ->> 'story', 'story', 5000) as story,
           internal.optional_text(input.r ->> 'author_name', 'author_name', 100) as author_name
  ) checked;
  -- What the table's own column types and constraints would refuse (a dry run inserts nothing to find
  -- out), and one source id twice however the rows are numbered.
  if exists (select 1 from asset_import_rows
             where kind is null or length(description) > 5000 or length(sid) > 200 or st_zmflag(geom) <> 0)
     or exists (select 1 from asset_import_rows where sid is not null group by sid having count(*) > 1) then
    raise exception using errcode = 'WKROW', message = 'some rows need the row-by-row import';
  end if;

  -- What each row does, decided as row by row: outside the chosen area, new, archived, the same, or changed.
  drop table if exists pg_temp.asset_import_plan;
  create temporary table asset_import_plan on commit drop as
  select i.*, e.werkgebied_id as existing_werkgebied_id, coalesce(e.id, gen_random_uuid()) as asset_id,
    case
      when area_geom is not null and not st_intersects(area_geom, i.geom) then 'skip_outside_area'
      when e.id is null then 'add'
      when e.status in ('archived', 'rejected') then 'skip_archived'
      when e.kind = i.kind and e.name = i.name and e.description = i.description and e.category = i.category
        and e.dimensions = i.dimensions and st_equals(e.geom, i.geom) and e.attribution is not distinct from p_attribution
        then 'unchanged'
      else 'update'
    end as action
  from asset_import_rows i
  left join public.assets e on i.sid is not null and e.source = source_name and e.source_id = i.sid;

  -- A facilitator imports into the werkgebieden they facilitate, and changes only what lies there.
  if not internal.is_admin() and exists (
    select 1 from asset_import_plan
    where action <> 'skip_outside_area'
      and (not internal.has_role(internal.werkgebied_at(geom), '{facilitator}')
        or (action <> 'add' and not internal.has_role(existing_werkgebied_id, '{facilitator}')))
  ) then
    raise exception using errcode = 'WKROW', message = 'some rows need the row-by-row import';
  end if;

  if not p_dry_run then
    added := array(select asset_id from asset_import_plan where action = 'add' order by position);
  end if;
  if cardinality(added) > 0 then
    -- The added places' history and coverage in one go each, after the insert (internal.added_in_bulk).
    insert into internal.bulk_adds (txid) values (txid_current()) on conflict do nothing;
    perform set_config('wijkkracht.bulk_add', 'on', true);
    insert into public.assets
      (id, kind, category, dimensions, name, description, geom, created_by, source, source_id, attribution)
    select asset_id, kind, category, dimensions, name, description, geom, auth.uid(), source_name, sid, p_attribution
    from asset_import_plan where action = 'add' order by position;
    perform set_config('wijkkracht.bulk_add', '', true);
    delete from internal.bulk_adds where txid = txid_current();
    perform internal.record_assets_added(added);
    perform internal.coverage_add_assets(added);
  end if;
  if not p_dry_run then
    insert into public.stories (asset_id, body, author_name)
    select asset_id, story, author_name from asset_import_plan where action = 'add' and story is not null order by position;
    update public.assets a set
      kind = p.kind, category = p.category, dimensions = p.dimensions,
      name = p.name, description = p.description, geom = p.geom, attribution = p_attribution
    from asset_import_plan p
    where p.action = 'update' and a.id = p.asset_id;
  end if;

  select jsonb_agg(case when action = 'skip_outside_area' then jsonb_build_object('row', row_no, 'action', action)
                        else jsonb_build_object('row', row_no, 'action', action, 'id', asset_id) end
                   order by position)
  into report_rows from asset_import_plan;
  return internal.import_report(coalesce(report_rows, '[]'), p_dry_run);
end
$$;
revoke all on function internal.apply_asset_import_at_once(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function internal.apply_asset_import_at_once(text, text, jsonb, boolean, text) to authenticated, service_role;

-- All rows at once when none has a problem; otherwise row by row, for the report of every refused row.
create function internal.apply_asset_import(
  p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean, p_within_area text
)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  begin
    return internal.apply_asset_import_at_once(p_source, p_attribution, p_rows, p_dry_run, p_within_area);
  exception when others then
    -- Whatever it met (its writes are undone with it), the row-by-row path meets it too and says where.
    null;
  end;
  return internal.apply_asset_import_by_row(p_source, p_attribution, p_rows, p_dry_run, p_within_area);
end
$$;
revoke all on function internal.apply_asset_import(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function internal.apply_asset_import(text, text, jsonb, boolean, text) to authenticated, service_role;

-- One call writes a whole file atomically, so it gets more than Supabase's 8 s
-- default for `authenticated` (PostgREST 12.2+ applies function settings to the transaction).
create function public.import_assets(
  p_source text,
  p_attribution text,
  p_rows jsonb,
  p_dry_run boolean default false,
  p_within_area text default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_asset_import(p_source, p_attribution, p_rows, coalesce(p_dry_run, false), p_within_area);
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_assets(text, text, jsonb, boolean, text) from public, anon, authenticated, service_role;
grant execute on function public.import_assets(text, text, jsonb, boolean, text) to authenticated, service_role;

------------------------------------------------------------------------------
-- Import areas (boundaries)
------------------------------------------------------------------------------

-- Boundary files from CBS/PDOK are generalised and rounded, which can leave a
-- ring touching itself. Those are repaired (ST_MakeValid) and reported as
-- such, not refused: the authority's boundary is still the best one there is.
create function internal.area_geometry(p_geometry jsonb, out geom extensions.geometry, out repaired boolean)
language plpgsql immutable
set search_path = public, extensions
as $$
declare
  g geometry;
begin
  if p_geometry is null or jsonb_typeof(p_geometry) <> 'object' then
    raise exception using errcode = 'WKGEO', message = 'geometry is required', detail = 'missing';
  end if;
  begin
    g := st_setsrid(st_geomfromgeojson(p_geometry), 4326);
  exception when others then
    raise exception using errcode = 'WKGEO', message = 'geometry is not valid GeoJSON', detail = 'unreadable';
  end;
  if st_isempty(g) or geometrytype(g) not in ('POLYGON', 'MULTIPOLYGON') then
    raise exception using errcode = 'WKGEO', message = 'an area needs a polygon or multipolygon', detail = 'wrong_type';
  end if;
  if st_xmin(g) < -180 or st_xmax(g) > 180 or st_ymin(g) < -90 or st_ymax(g) > 90 then
    raise exception using errcode = 'WKGEO', message = 'coordinates are outside longitude/latitude range',
      detail = 'out_of_range';
  end if;
  repaired := not st_isvalid(g);
  if repaired then
    g := st_collectionextract(st_makevalid(g), 3);
  end if;
  if st_isempty(g) then
    raise exception using errcode = 'WKGEO', message = 'area has no surface left after repair', detail = 'invalid';
  end if;
  geom := st_multi(g);
end
$$;
revoke all on function internal.area_geometry(jsonb) from public, anon, authenticated, service_role;
grant execute on function internal.area_geometry(jsonb) to authenticated, service_role;

-- Rows: [{row, code, name, level, parent_code?, geometry}]; the code decides add or update.
create function internal.apply_area_import(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean)
returns jsonb
language plpgsql volatile
set search_path = public, extensions
as $$
declare
  source_name text;
  r jsonb;
  row_index int := 0;
  row_no int;
  area_code text;
  area_level public.area_level;
  shape record;
  existing public.areas;
  duplicates jsonb;
  report jsonb[] := '{}';
  errors jsonb[] := '{}';
  error_detail text;
  failed_constraint text;
  action text;
begin
  perform internal.require_admin();
  source_name := internal.required_text(p_source, 'source', 100);
  perform internal.require_rows(p_rows, 20000);
  duplicates := internal.repeated_rows(p_rows, 'code');

  for r in select value from jsonb_array_elements(p_rows) loop
    row_index := row_index + 1;
    row_no := coalesce((r ->> 'row')::int, row_index);
    begin
      area_code := internal.required_text(r ->> 'code', 'code', 50);
      if duplicates ? row_no::text then
        raise exception using errcode = 'WKDUP',
          message = format('area code %s appears twice (also in row %s)', area_code, duplicates ->> row_no::text), detail = area_code;
      end if;
      begin
        area_level := coalesce(r ->> 'level', 'other')::public.area_level;
      exception when invalid_text_representation then
        raise exception using errcode = 'WKARG', message = format('unknown area level %L', r ->> 'level'), detail = 'level';
      end;
      select * into shape from internal.area_geometry(r -> 'geometry');

      select * into existing from public.areas where code = area_code;
      action := case when existing.id is null then 'add' else 'update' end;
      insert into public.areas as a (code, name, level, parent_code, geom, source, attribution)
      values (
        area_code, internal.required_text(r ->> 'name', 'name', 200), area_level,
        nullif(btrim(coalesce(r ->> 'parent_code', '')), ''), shape.geom, source_name, p_attribution
      )
      on conflict (code) do update set
        name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
        geom = excluded.geom, source = excluded.source, attribution = excluded.attribution, updated_at = now();
      report := array_append(report, jsonb_build_object('row', row_no, 'action', action, 'code', area_code, 'repaired', shape.repaired));
    exception when others then
      get stacked diagnostics error_detail = pg_exception_detail, failed_constraint = constraint_name;
      -- A constraint's own detail quotes the whole row ("Failing row contains …", author included):
      -- the constraint's name says enough.
      errors := array_append(errors, internal.row_error(row_no, sqlstate, sqlerrm,
        case when sqlstate like '23%' then failed_constraint else nullif(error_detail, '') end));
    end;
  end loop;

  return internal.finish_import(to_jsonb(errors), row_index, internal.import_report(to_jsonb(report), p_dry_run), p_dry_run);
end
$$;
revoke all on function internal.apply_area_import(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function internal.apply_area_import(text, text, jsonb, boolean) to authenticated, service_role;

create function public.import_areas(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  dry_run_report text;
begin
  return internal.apply_area_import(p_source, p_attribution, p_rows, coalesce(p_dry_run, false));
exception when sqlstate 'WKDRY' then
  get stacked diagnostics dry_run_report = pg_exception_detail;
  return dry_run_report::jsonb;
end
$$;
revoke all on function public.import_areas(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_areas(text, text, jsonb, boolean) to authenticated, service_role;

------------------------------------------------------------------------------
-- Reads for the map and for export
------------------------------------------------------------------------------

create function public.list_areas(p_level text default null)
returns jsonb
language plpgsql stable
set search_path = public, extensions
set statement_timeout = '10s'
as $$
begin
  if p_level is not null and p_level not in (select unnest(enum_range(null::public.area_level))::text) then
    raise exception using errcode = 'WKARG', message = format('unknown area level %L', p_level), detail = 'level';
  end if;
  return internal.feature_collection((
    select jsonb_agg(jsonb_build_object(
      'type', 'Feature',
      'id', a.code,
      'geometry', st_asgeojson(a.geom, 6)::jsonb,
      'properties', jsonb_build_object(
        'code', a.code, 'name', a.name, 'level', a.level, 'parent_code', a.parent_code,
        'source', a.source, 'attribution', a.attribution)
    ) order by a.level, a.code)
    from public.areas a
    where p_level is null or a.level::text = p_level
  ));
end
$$;
revoke all on function public.list_areas(text) from public, anon, authenticated, service_role;
grant execute on function public.list_areas(text) to anon, authenticated, service_role;

-- Every asset the caller can see that is not archived, with the number of its
-- stories the caller can see.
create function public.export_assets()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '30s'
as $$
  select internal.feature_collection((
    select jsonb_agg(internal.asset_feature(a, jsonb_build_object(
      'story_count', (select count(*) from public.stories s
                      where s.asset_id = a.id and internal.asset_visible(s.status, s.created_by, a.werkgebied_id))))
      order by a.created_at, a.id)
    from public.assets a
    where a.status <> 'archived' and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
  ))
$$;
revoke all on function public.export_assets() from public, anon, authenticated, service_role;
grant execute on function public.export_assets() to anon, authenticated, service_role;

create function public.export_stories()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '30s'
as $$
  select coalesce(jsonb_agg(internal.story_json(s) || jsonb_build_object(
      'asset_name', a.name, 'asset_category', a.category,
      'asset_source', a.source, 'asset_source_id', a.source_id, 'asset_attribution', a.attribution)
    order by a.name, s.created_at, s.id), '[]')
  from public.stories s
  join public.assets a on a.id = s.asset_id
  where a.status <> 'archived'
    and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    and internal.asset_visible(s.status, s.created_by, a.werkgebied_id)
$$;
revoke all on function public.export_stories() from public, anon, authenticated, service_role;
grant execute on function public.export_stories() to anon, authenticated, service_role;

-- Whom the map must credit for what it shows.
create function public.list_attributions()
returns jsonb
language sql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
  select coalesce(jsonb_agg(attribution order by attribution), '[]')
  from (
    select attribution from public.assets where attribution is not null and status = 'published'
    union
    select attribution from public.areas where attribution is not null
  ) credits
$$;
revoke all on function public.list_attributions() from public, anon, authenticated, service_role;
grant execute on function public.list_attributions() to anon, authenticated, service_role;
