/**
 * `npm run import -- <file | demo | pdok:GM0546 | osm:GM0546> [--area CODE] ...`
 * Bulk loads through the same importers and SQL functions as the app's dialog.
 * Exit code 0: imported (or a clean dry run); 1: refused; 2: usage. Each file (or each
 * level of `pdok:`, and the boundary and places of `demo`) is written atomically on its
 * own, so for a source of several parts, the parts before a refused one stay written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TFunction } from 'i18next';
import type { WijkkrachtApi } from '../src/backend/api';
import type { ImportReport } from '../src/backend/wireTypes';
import { ApiError } from '../src/backend/apiError';
import { demoPlans } from '../src/import/demoNeighbourhood';
import { cbsAreaPlan } from '../src/import/formats/cbsAreas';
import { osmAssetPlan } from '../src/import/formats/osmAssets';
import { detectFormat, planFromText } from '../src/import/importSources';
import { fetchOnlineText, fetchOverpass, pdokBoundariesUrl } from '../src/import/onlineSources';
import { previewRows } from '../src/import/previewRows';
import { readText } from '../src/import/readText';
import { commitImport, issuesFromRefusal, previewImport, type ImportChoices } from '../src/import/runImport';
import { ImportFileError, type ImportPlan } from '../src/import/types';
import { importUsage, parseImportArguments, UsageError, type ImportArguments } from './importArguments';
import { openNodeApi } from './nodeApi';
import { cliTranslator } from './translate';

// The terminal shows the first issues; the counts cover all of them.
const listedIssues = 40;

async function plansFor(args: ImportArguments, api: WijkkrachtApi): Promise<ImportPlan[]> {
  const online = /^(pdok|osm):(.+)$/i.exec(args.input);
  if (args.input === 'demo') {
    const { areas, assets } = demoPlans();
    return [areas, assets];
  }
  if (online?.[1]?.toLowerCase() === 'pdok') {
    const plans: ImportPlan[] = [];
    for (const level of ['gemeenten', 'wijken', 'buurten'] as const) {
      plans.push(cbsAreaPlan(await fetchOnlineText(pdokBoundariesUrl(online[2]!, level))));
    }
    return plans;
  }
  if (online?.[1]?.toLowerCase() === 'osm') return [osmAssetPlan(await fetchOverpass(online[2]!))];

  const text = await readText(new Uint8Array(readFileSync(args.input)));
  const format = args.format ?? detectFormat(basename(args.input), text);
  return [
    planFromText(format, text, {
      fileName: basename(args.input),
      categories: await api.listCategories(),
      attribution: args.attribution,
    }),
  ];
}

const planTitles: Record<ImportPlan['target'], string> = {
  assets: 'Plekken',
  areas: 'Gebieden',
  'area-population': 'Inwoners per gebied (verdeeld over vakken van 100 m)',
  'population-cells': 'Inwoners per vak van 100 m',
  'areas-population': 'Wijken of buurten met hun inwoners (grenzen, en inwoners verdeeld over vakken van 100 m)',
  'walk-network': 'Looppaden (stukken tussen kruisingen)',
  'population-weights': 'Woningen of gebouwen om inwoners naar te verdelen',
};

async function runPlan(plan: ImportPlan, args: ImportArguments, api: WijkkrachtApi, t: TFunction): Promise<boolean> {
  const choices: ImportChoices = {
    skipInvalid: args.skipInvalid,
    includeQuestioned: args.includeOutsideNetherlands,
    withinArea: args.area,
  };
  console.log(`\n${planTitles[plan.target]} uit "${plan.source}": ${plan.totalRows} rijen`);
  if (plan.attribution) console.log(t('import.attribution', { attribution: plan.attribution }));
  for (const issue of plan.issues.slice(0, listedIssues)) {
    console.log(`  rij ${issue.row}${issue.label ? ` (${issue.label})` : ''}: ${t(issue.key, issue.params)}`);
  }
  if (plan.issues.length > listedIssues) console.log(`  ${t('import.moreRows', { count: plan.issues.length - listedIssues })}`);
  try {
    const report = args.dryRun ? await previewImport(api, plan, choices) : await commitImport(api, plan, choices);
    // Area population reports cells in its totals; count areas per row, as the dialog does.
    const counts =
      plan.target === 'area-population'
        ? { ...countActions(report), skip: 0, error: 0 }
        : { add: report.added, update: report.updated, unchanged: report.unchanged, skip: report.skipped, error: 0 };
    console.log(`${args.dryRun ? '[proef, niets geschreven] ' : ''}${t('import.summary', counts)}`);
    if (plan.target === 'area-population' || plan.target === 'population-cells') printPopulation(report, plan.target, t);
    // The areas' counts above; the cells their residents were spread over here.
    if (plan.target === 'areas-population') {
      const cells = { added: report.cells_added ?? 0, updated: report.cells_updated ?? 0, unchanged: report.cells_unchanged ?? 0 };
      printPopulation({ ...report, ...cells }, 'area-population', t);
    }
    if (plan.target === 'walk-network') console.log(t('import.walkNetwork.length', { km: report.network_km ?? 0 }));
    if (plan.target === 'population-weights') printWeights(report, t);
    return true;
  } catch (error) {
    const refused = issuesFromRefusal(error);
    if (refused.length > 0) {
      const lines = previewRows({ ...plan, issues: refused }, null);
      for (const line of lines.slice(0, listedIssues)) console.log(`  rij ${line.row}: ${t(line.key, line.params)}`);
    }
    throw error;
  }
}

/** Weights say how many cells follow them, and all residents before and after, side by side. */
function printWeights(report: ImportReport, t: TFunction): void {
  if (!report.sources_respread) {
    console.log(t('import.weights.nothingYet'));
    return;
  }
  const values = { cells: report.cells_by_weights ?? 0, before: report.residents_before ?? 0, after: report.residents_after ?? 0 };
  console.log(t('import.weights.result', values));
}

/** Population imports also say how many people arrived, and what "estimated" means. */
function countActions(report: ImportReport) {
  const of = (action: string) => report.rows.filter((row) => row.action === action).length;
  return { add: of('add'), update: of('update'), unchanged: of('unchanged') };
}

function printPopulation(report: ImportReport, target: 'area-population' | 'population-cells', t: TFunction): void {
  if (target === 'area-population') console.log(t('import.population.cells', { count: report.added + report.updated + report.unchanged }));
  if (report.residents_in !== undefined) {
    console.log(t('import.population.totals', { residents: report.residents_in, residents65: report.residents_65plus_in ?? 0 }));
  }
  // What landed next to what came in, so a difference is seen, not assumed away.
  if (report.residents_landed !== undefined) {
    console.log(t('import.population.landed', { residents: report.residents_landed, residents65: report.residents_65plus_landed ?? 0 }));
  }
  console.log(t(target === 'area-population' ? 'import.population.spread' : 'import.population.grid'));
}

async function main(): Promise<number> {
  let args: ImportArguments;
  try {
    args = parseImportArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${importUsage}`);
    return 2;
  }
  const t = await cliTranslator(args.language);
  console.error('Database openen…');
  const backend = await openNodeApi(args.database);
  console.error(`Database: ${backend.description}`);
  try {
    for (const plan of await plansFor(args, backend.api)) {
      await runPlan(plan, args, backend.api, t);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) console.error(t(error.key, error.params));
    else if (error instanceof ApiError) console.error(`${t(`errors.${error.kind}`)} (${error.message})`);
    else throw error;
    return 1;
  } finally {
    await backend.close();
  }
}

process.exitCode = await main();
