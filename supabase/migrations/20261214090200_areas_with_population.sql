-- A CBS wijk or buurt file with key figures brings its areas and their
-- residents in one import (public.import_areas_with_population, 08_population.sql).

-- A CBS wijk or buurt file with key figures (kerncijfers wijken en buurten):
-- the areas and their residents in one transaction. The boundaries are written
-- as import_areas writes them, the residents spread as import_area_population
-- spreads them; a refused row refuses both. A dry run writes both and rolls
-- back, so its report is what the write would say. The report's rows and
-- counts are the areas'; the residents in, spread and landed are the
-- population's, with the cells it adds and changes beside them.
create function public.import_areas_with_population(p_source text, p_attribution text, p_rows jsonb, p_dry_run boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '60s'
as $$
declare
  areas jsonb;
  population jsonb;
  report jsonb;
  dry_run_report text;
begin
  perform internal.require_admin();
  begin
    areas := internal.apply_area_import(p_source, p_attribution, p_rows, false);
    population := internal.apply_area_population(p_source, p_attribution, p_rows, false);
    report := (population - 'rows') || jsonb_build_object(
      'dry_run', coalesce(p_dry_run, false),
      'rows', areas -> 'rows',
      'added', areas -> 'added',
      'updated', areas -> 'updated',
      'unchanged', areas -> 'unchanged',
      'skipped', areas -> 'skipped',
      'cells_added', population -> 'added',
      'cells_updated', population -> 'updated',
      'cells_unchanged', population -> 'unchanged');
    if coalesce(p_dry_run, false) then
      raise exception using errcode = 'WKDRY', message = 'dry run', detail = report::text;
    end if;
    return report;
  exception when sqlstate 'WKDRY' then
    -- Leaving the block by this exception rolls back what it wrote.
    get stacked diagnostics dry_run_report = pg_exception_detail;
    return dry_run_report::jsonb;
  end;
end
$$;
revoke all on function public.import_areas_with_population(text, text, jsonb, boolean) from public, anon, authenticated, service_role;
grant execute on function public.import_areas_with_population(text, text, jsonb, boolean) to authenticated, service_role;
