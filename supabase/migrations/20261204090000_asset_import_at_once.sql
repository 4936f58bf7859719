-- Imports of places go in as a few statements over all rows at once, and a
-- dry run (the preview) writes nothing; row by row remains for files with a
-- refused row, to report each one. Same as supabase/schemas/07_import_export.sql;
-- tests/sql/schemaParity checks both.

set search_path = public, extensions;

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
    insert into public.assets
      (id, kind, category, dimensions, name, description, geom, created_by, source, source_id, attribution)
    select asset_id, kind, category, dimensions, name, description, geom, auth.uid(), source_name, sid, p_attribution
    from asset_import_plan where action = 'add' order by position;
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
create or replace function internal.apply_asset_import(
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
