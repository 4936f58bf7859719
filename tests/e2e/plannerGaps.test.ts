/**
 * A planner finds gaps on real data: Leiden's CBS buurten and its population
 * per postcode area (with age bands), four places from a list, in real
 * Chromium on the embedded database. Moving the slider changes the figures;
 * a trial place shows how many more people it would reach, without saving it.
 */
import Papa from 'papaparse';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/migrationFiles';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlannerDriver } from './plannerDriver';
import { runAsAnotherTab } from './anotherTab';

const leiden = (name: string) => join(sharedDataDirectory, 'leiden', name);
const buurten = leiden('cbs_buurten_leiden_2024_gegeneraliseerd.geojson');
const pc4 = leiden('cbs_pc4_leiden_2021_leeftijd.geojson');
const places = join(projectRoot, 'tests', 'fixtures', 'import', 'places.csv');
const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing(`Leiden CBS files in ${join(sharedDataDirectory, 'leiden')}`, existsSync(buurten) && existsSync(pc4));

/** Leiden's buurten, its population per postcode area and four places, through the import dialog. */
async function loadLeiden(app: AppBrowser, imports: ImportDriver, screen: 'shared' | 'phone', beforePopulation?: () => Promise<void>) {
  await imports.startEmpty();
  for (const file of [buurten, pc4, places]) {
    if (file === pc4) await beforePopulation?.();
    await imports.openImportDialog();
    await imports.chooseImportFile(file);
    if (file === pc4) {
      await app.waitForText('124.090 inwoners, van wie 19.625 van 65 jaar of ouder.');
      // What lands in the cells is what the file holds: no rounding drift (08_population.sql).
      await app.waitForText('In de vakken van 100 m: 124.090 inwoners, van wie 19.625 van 65 jaar of ouder');
      await app.screenshot(`planner-${screen}-0-population-preview`);
    }
    await imports.confirmImport();
    await app.closePanel('Sluiten');
  }
}

/** "Inwoners op de kaart" under "Legenda en filter". */
async function choosePopulationLayer(app: AppBrowser, choice: 'Niet tonen' | 'Alle inwoners per vak' | '65-plussers per vak') {
  await app.page.getByRole('button', { name: 'Legenda en filter' }).click();
  await app.page.getByRole('radio', { name: choice }).check();
  await app.page.getByRole('dialog', { name: 'Legenda en filter' }).getByRole('button', { name: 'Sluiten' }).click();
}

const sharePattern = /^(\d+)% van de (inwoners|65-plussers) woont binnen (\d+) meter \(hemelsbreed\)\.$/;
const shareOf = (headline: string) => Number(sharePattern.exec(headline)?.[1] ?? Number.NaN);

describe.skipIf(skip)('the planner on Leiden (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const planner = new PlannerDriver(app);
  afterAll(async () => {
    await app.close();
  });

  // One start-up and one Leiden import for the shared screen; each behaviour its own test, in order.
  describe('on a shared screen', () => {
    let at500: { headline: string; detail: string };
    beforeAll(async () => {
      await app.open(viewports.sharedScreen);
      await loadLeiden(app, imports, 'shared');
      await planner.openPlanner();
    });

    it('shows the share of residents within 500 m first', async () => {
      expect(await planner.distanceShown()).toBe('500 m');
      at500 = await planner.plannerFigures();
      expect(at500.headline).toMatch(sharePattern);
      expect(at500.detail).toMatch(/^[\d.]+ van de [\d.]+ inwoners wonen verder weg\.$/);
      await app.screenshot('planner-shared-1-500m');
    });

    it('follows the slider at once across the whole range, without waiting for the database', async () => {
      // The database answered once for this question (coverage_cells); each step is answered in the page.
      // Read right after each key press: a step that asked the database would show its figures as not yet up to date.
      const afterStep = async (key: 'ArrowLeft' | 'ArrowRight') => {
        await planner.pressDistanceKey(key);
        return planner.figuresRightNow();
      };
      const shares: number[] = [];
      for (let step = 0; step < 10; step++) await afterStep('ArrowLeft');
      expect(await planner.distanceShown()).toBe('0 m');
      for (let step = 1; step <= 40; step++) {
        const figures = await afterStep('ArrowRight');
        expect(figures.upToDate).toBe(true);
        expect(figures.headline).toContain(`binnen ${step * 50} meter`);
        shares.push(shareOf(figures.headline));
      }
      // Farther never covers fewer; and from 500 m to 2 000 m more people come within reach.
      expect(shares.every((share, index) => index === 0 || share >= shares[index - 1]!)).toBe(true);
      expect(shares[39]!).toBeGreaterThan(shareOf(at500.headline));
      for (let step = 0; step < 20; step++) await afterStep('ArrowLeft');
      expect(await planner.distanceShown()).toBe('1000 m');
      const at1000 = await planner.plannerFigures();
      expect(at1000.headline).toContain('binnen 1000 meter');
      expect(shareOf(at1000.headline)).toBeGreaterThan(shareOf(at500.headline));
      // Zoomed in, the 100 m cells; zoomed out, blocks of 1 km (the legend says so).
      await app.showMapAt(14, 52.158, 4.49);
      await app.screenshotAtBothSizes('planner-cells-zoomed-in');
      await app.showMapAt(10.5, 52.158, 4.49);
      await app.screenshotAtBothSizes('planner-blocks-zoomed-out');
    });

    it('lists the buurten, the largest gap first', async () => {
      const table = await planner.buurtTable();
      expect(table.length).toBeGreaterThan(40);
      // The first buurt has at least as many people farther away as the second.
      const uncovered = (row: string[]) => Number(row[2]!.replace(/\./g, ''));
      expect(uncovered(table[0]!)).toBeGreaterThanOrEqual(uncovered(table[1]!));
    });

    it('answers for people aged 65 and over', async () => {
      await planner.choosePlannerGroup('65 jaar en ouder');
      expect((await planner.plannerFigures()).headline).toMatch(/van de 65-plussers woont binnen 1000 meter/);
      await app.screenshot('planner-shared-2-1000m-65plus');
    });

    it('leaves out the places possibly gone when asked, and counts them again when not', async () => {
      const everyPlace = await planner.plannerFigures();
      // Nobody has confirmed any place for 13 months (the database's owner sets it: no screen does).
      await runAsAnotherTab(app, ["update public.assets set confirmed_at = now() - interval '13 months'"]);
      await planner.leaveOutPlacesPossiblyGone(true);
      expect(shareOf((await planner.plannerFigures()).headline)).toBe(0);
      await app.screenshotAtBothSizes('planner-without-stale', () =>
        app.page.getByRole('checkbox', { name: 'Tel plekken die misschien niet meer bestaan niet mee' }).scrollIntoViewIfNeeded(),
      );
      await planner.leaveOutPlacesPossiblyGone(false);
      expect(await planner.plannerFigures()).toEqual(everyPlace);
      await runAsAnotherTab(app, ['update public.assets set confirmed_at = now()']);
    });

    it('counts a trial place on the map without saving it', async () => {
      await planner.moveDistanceSlider(-10);
      await planner.startWhatIf();
      await app.tapMapCentre();
      const gain = await planner.whatIfGain();
      expect(gain).toMatch(/^Met deze plek: \+[\d.]+ inwoners binnen bereik, van wie \+[\d.]+ van 65 jaar of ouder\.$/);
      // A trial place on the map's centre, in Leiden, brings people within reach.
      expect(Number(/\+([\d.]+) inwoners/.exec(gain)![1]!.replace(/\./g, ''))).toBeGreaterThan(0);
      await app.screenshot('planner-shared-3-what-if');
      await planner.scrollPlannerTo('buurt-bars');
      await app.screenshot('planner-shared-4-curve-and-bars');
      await planner.scrollPlannerTo('buurt-table');
      await app.screenshot('planner-shared-5-radar-and-table');
    });

    it('downloads the figures per buurt as CSV, with the question they answer', async () => {
      const csv = await planner.downloadFromPlanner('Cijfers per buurt (CSV)');
      expect(csv.fileName).toMatch(/^wijkkracht-coverage-by-buurt-\d{4}-\d{2}-\d{2}\.csv$/);
      // Read as a spreadsheet would: every text cell is quoted (src/export/csvText.ts).
      const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(rows[0]!.slice(0, 5)).toEqual(['buurt_code', 'buurt_name', 'target', 'distance_m', 'distance_kind']);
      expect(
        rows
          .slice(1)
          .some(
            ([code, , target, distance, kind]) =>
              code!.startsWith('BU0546') && target === 'any' && distance === '500' && kind === 'hemelsbreed',
          ),
      ).toBe(true);
    });

    it('downloads the gap cells as GeoJSON, with the trial place in the question', async () => {
      const gaps = await planner.downloadFromPlanner('Vakken die te ver weg liggen (GeoJSON)');
      const gapCells = JSON.parse(gaps.text) as {
        query: { distance_m: number; candidates: unknown[] };
        features: Array<{ properties: { estimated: boolean } }>;
      };
      expect(gapCells.query.distance_m).toBe(500);
      expect(gapCells.query.candidates).toHaveLength(1);
      expect(gapCells.features.length).toBeGreaterThan(0);
      expect(gapCells.features.every((cell) => cell.properties.estimated)).toBe(true);
    });

    it('shows the people aged 65 and over per cell as a layer of its own, with its legend, also with the planner closed', async () => {
      await app.closePanel('Sluiten');
      await choosePopulationLayer(app, '65-plussers per vak');
      const legend = app.page.getByTestId('population-legend');
      await legend.getByText('65-plussers per vak van 100 m').waitFor();
      // Leiden's population came per postcode area: every cell is an estimate, and the legend says how many.
      const counts = (await legend.locator('.hint').textContent()) ?? '';
      const [, cells, estimated] = /^([\d.]+) vakken\. ([\d.]+) daarvan zijn geschat/.exec(counts) ?? [];
      expect(Number(cells?.replace(/\./g, ''))).toBeGreaterThan(1000);
      expect(estimated).toBe(cells);
      await app.showMapAt(13, 52.158, 4.49);
      await app.screenshotAtBothSizes('population-65plus-layer');
      await choosePopulationLayer(app, 'Niet tonen');
      await legend.waitFor({ state: 'detached' });
    });

    it('raised no error in the page', () => {
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('on a phone: the planner is a sheet over the map that says where the numbers come from', async () => {
    await app.open(viewports.phone);
    // The population layer turned on before there is any population: it says so, and fills in after the import.
    const legend = app.page.getByTestId('population-legend');
    await loadLeiden(app, imports, 'phone', async () => {
      await choosePopulationLayer(app, 'Alle inwoners per vak');
      await legend.getByText('Er zijn nog geen inwonerscijfers.', { exact: false }).waitFor();
    });
    await legend.getByText(/^[\d.]+ vakken\./).waitFor();
    await choosePopulationLayer(app, 'Niet tonen');
    await planner.openPlanner();
    await planner.choosePlannerTarget('Meedoen');
    const figures = await planner.plannerFigures();
    expect(figures.headline).toMatch(sharePattern);
    await app.waitForText('Een deel van de vakken is geschat');
    await app.screenshot('planner-phone-1');
    await planner.scrollPlannerTo('dimension-radar');
    await app.screenshot('planner-phone-2-radar');
    expect(app.pageErrors).toEqual([]);
  });
});
