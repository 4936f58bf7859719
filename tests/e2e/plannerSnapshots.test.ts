/**
 * A planner follows a werkgebied over time, in real Chromium on the embedded
 * database: Leiden's buurten and population, a werkgebied of the Merenwijk;
 * this month's snapshot is kept by itself, the planner takes one before a
 * buurthuis opens and one after, and compares the two dates per buurt, at
 * the slider's distance, and downloads them with their dates and method.
 */
import Papa from 'papaparse';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlannerDriver } from './plannerDriver';
import { SnapshotDriver } from './snapshotDriver';
import { WerkgebiedComparisonDriver } from './werkgebiedComparisonDriver';
import { WorkshopDriver } from './workshopDriver';

const leiden = (name: string) => join(sharedDataDirectory, 'leiden', name);
const buurten = leiden('cbs_buurten_leiden_2024_gegeneraliseerd.geojson');
const population = leiden('cbs_pc4_leiden_2021_leeftijd.geojson');
const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing(`Leiden CBS files in ${join(sharedDataDirectory, 'leiden')}`, existsSync(buurten) && existsSync(population));

const merenwijk = ['Merenwijk-Centrum', 'Zijlwijk-Zuid', 'Zijlwijk-Noord', 'Leedewijk-Zuid', 'Leedewijk-Noord', 'Slaaghwijk'];

/** A buurthuis that opens in Merenwijk-Centrum, as a list a facilitator would import. */
function newBuurthuisFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wijkkracht-snapshots-')), 'nieuw-buurthuis.csv');
  writeFileSync(file, 'naam;categorie;breedtegraad;lengtegraad;waarom\nBuurthuis De Kroon;buurthuis;52,1780;4,5070;Nieuw geopend\n');
  return file;
}

/** A health cooperative's members per postcode: two PC6 postcodes in Merenwijk (without a shape: spread over their PC4) and a PC4 outside it. */
function membersFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wijkkracht-members-')), 'leden-per-postcode.csv');
  writeFileSync(file, 'postcode;aantal\n2317 AB;140\n2317 CD;3\n2312;25\n');
  return file;
}

describe.skipIf(skip)('a planner follows a werkgebied over time (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const planner = new PlannerDriver(app);
  const werkgebieden = new WerkgebiedComparisonDriver(app);
  const snapshots = new SnapshotDriver(app);
  afterAll(async () => {
    await app.close();
  });

  beforeAll(async () => {
    await app.open(viewports.sharedScreen);
    await new WorkshopDriver(app).setUpWerkgebied(imports, [buurten, population], { name: 'Merenwijk', buurten: merenwijk });
    await planner.openPlanner();
    await werkgebieden.chooseWerkgebied('Merenwijk');
    await planner.plannerFigures();
  });

  it("keeps this month's snapshot by itself when the planner looks", async () => {
    await snapshots.open();
    const [monthly] = await snapshots.rows(1);
    expect(monthly![0]).toContain('Maandelijks');
    // No place yet: nobody within reach.
    expect(monthly![1]).toBe('0%');
  });

  it('takes a snapshot with a note before the buurthuis opens', async () => {
    expect(await snapshots.take('Voor de opening')).toMatch(/^Momentopname van .+ bewaard\.$/);
    const rows = await snapshots.rows(2);
    expect(rows[0]![0]).toContain('Zelf gemaakt');
    expect(rows[0]![0]).toContain('Voor de opening');
  });

  it('compares the dates before and after the opening, per buurt, at the distance of the slider', async () => {
    await app.page.locator('.planner-panel').getByRole('button', { name: 'Sluiten' }).first().click();
    await imports.openImportDialog();
    await imports.chooseImportFile(newBuurthuisFile());
    await imports.confirmImport();
    await app.closePanel('Sluiten');
    await planner.openPlanner();
    await snapshots.open();
    await snapshots.rows(2);
    await snapshots.take('Na de opening');
    await snapshots.rows(3);
    await snapshots.compare('Eerste datum', 'Voor de opening');
    await snapshots.compare('Tweede datum', 'Na de opening');
    const at500 = await snapshots.comparison(/\+[\d,]+$/);
    const [total, ...perBuurt] = at500;
    expect(total!.slice(0, 2)).toEqual(['Heel het werkgebied', '0%']);
    expect(Number.parseInt(total![2]!, 10)).toBeGreaterThan(0);
    expect(perBuurt.map((row) => row[0]).sort()).toEqual([...merenwijk].sort());
    // Merenwijk-Centrum, where it opened, gains; every buurt was at 0% before.
    const centrum = perBuurt.find((row) => row[0] === 'Merenwijk-Centrum')!;
    expect(centrum[1]).toBe('0%');
    expect(Number.parseInt(centrum[2]!, 10)).toBeGreaterThan(0);
    expect(await snapshots.counts()).toEqual([
      ['Plekken', '0', '1'],
      ['Verhalen', '0', '1'],
      ['Waarderingen', '0', '0'],
    ]);
    expect(await app.page.getByTestId('snapshot-distance').textContent()).toBe('Cijfers bij 500 m.');
    await app.screenshotAtBothSizes('snapshots-1-compared', () => snapshots.scrollTo('snapshot-comparison'));
    expect(await app.wcagViolations()).toEqual([]);

    // The slider reads the same snapshots at 1 km: more within reach, no new question to the database.
    const share500 = Number.parseInt(total![2]!, 10);
    await planner.moveDistanceSlider(10);
    expect(await planner.distanceShown()).toBe('1000 m');
    const at1000 = await snapshots.comparison('Heel het werkgebied');
    expect(Number.parseInt(at1000[0]![2]!, 10)).toBeGreaterThan(share500);
  });

  it('draws the trend, and downloads every snapshot with its date and method', async () => {
    expect(await app.page.getByTestId('snapshot-trend').locator('circle, rect.curve-dot').count()).toBe(3);
    expect(await app.page.getByTestId('snapshot-method').textContent()).toBe(
      'Hoe geteld: inwoners verdeeld naar oppervlakte. Hemelsbreed: in een rechte lijn.',
    );
    const { fileName, text } = await planner.downloadFromPlanner('Momentopnamen (CSV)');
    expect(fileName).toMatch(/^wijkkracht-snapshots-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.kind, row.note])).toEqual([
      ['maandelijks', ''],
      ['zelf gemaakt', 'Voor de opening'],
      ['zelf gemaakt', 'Na de opening'],
    ]);
    expect(
      rows.every((row) => row.werkgebied === 'Merenwijk' && row.distance_read_m === '1000' && Boolean(Date.parse(row.taken_at!))),
    ).toBe(true);
    expect(rows[0]!.population_method).toMatch(/verdeeld naar oppervlakte \(\d+ cellen\)/);
    expect(Number(rows[2]!.places)).toBe(1);
    await app.screenshotAtBothSizes('snapshots-2-trend', () => snapshots.scrollTo('snapshot-trend'));
  });

  it("loads a cooperative's members per postcode and sees how many live within reach, never fewer than 5", async () => {
    await app.page.getByRole('button', { name: 'Eigen doelgroepen' }).click();
    const section = app.page.getByTestId('target-groups');
    await section.getByText('Er is nog geen eigen doelgroep.').waitFor({ timeout: 60_000 });
    await section.getByLabel('Naam van de groep').fill('Leden diabetes-coöperatie');
    await section.getByLabel('Bestand met postcode en aantal (CSV of GeoJSON)').setInputFiles(membersFile());
    const preview = section.getByTestId('target-group-preview');
    await preview.waitFor({ timeout: 60_000 });
    // Counts are rounded to 5 at random as they come in: "about" so many, never an exact number.
    const [placed, pc6, outside] = await preview.locator('p').allTextContents();
    expect(placed).toMatch(/^2 postcodegebieden, ongeveer \d*[05] mensen\.$/);
    expect(pc6).toBe('2 PC6-postcodes zonder vorm verdelen we over hun PC4-gebied.');
    expect(outside).toBe('1 postcodegebied ligt buiten dit werkgebied. Die mensen tellen hier niet mee.');
    await section.getByRole('button', { name: 'Toevoegen' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'Doelgroep "Leden diabetes-coöperatie" is opgeslagen.' })
      .waitFor({ timeout: 60_000 });
    const headline = section.getByTestId('target-group-figures').locator('.headline');
    await headline.waitFor({ timeout: 60_000 });
    // At 1 km (nearly) all live within reach; when fewer than 5 do not, how many is never shown.
    expect(await headline.textContent()).toMatch(
      /^Van "Leden diabetes-coöperatie" wonen (ongeveer \d+ van de \d+ mensen binnen 1000 m \(\d+%\)|bijna alle ongeveer \d+ mensen binnen 1000 m \(op minder dan 5 na\))\.$/,
    );
    // Closer in, the slider reads the same answer: some of them, rounded to 5.
    await planner.moveDistanceSlider(-14);
    expect(await planner.distanceShown()).toBe('300 m');
    await headline.filter({ hasText: 'binnen 300 m' }).waitFor();
    expect(await headline.textContent()).toMatch(
      /^Van "Leden diabetes-coöperatie" wonen ongeveer \d+ van de \d+ mensen binnen 300 m \(\d+%\)\.$/,
    );
    // Every count on screen is rounded to 5, and none is below 5.
    const cells = await section.getByTestId('target-group-buurten').locator('td').allTextContents();
    expect(cells.some((text) => /^\d+$/.test(text))).toBe(true);
    for (const cell of cells.filter((text) => /^\d+$/.test(text))) {
      expect(Number(cell) % 5, cell).toBe(0);
      expect(Number(cell), cell).toBeGreaterThanOrEqual(5);
    }
    await app.screenshotAtBothSizes('target-groups-1-coverage', () => section.getByTestId('target-group-figures').scrollIntoViewIfNeeded());
    expect(await app.wcagViolations()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
