/**
 * A planner measures on foot, in real Chromium on the embedded database: the
 * central-Amsterdam footway network and its places from ../shared/data, and a
 * made-up CBS grid over them (no population file for Amsterdam exists there).
 * Switching from a straight line to walking, and to a slow pace, changes the
 * share; the slider counts minutes, and the figures follow each step.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { writeMadeUpAmsterdamGrid } from './amsterdamGrid';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlannerDriver } from './plannerDriver';

const amsterdam = (name: string) => join(sharedDataDirectory, 'osm_substitute_amsterdam', name);
const network = amsterdam('osm_walk_network_amsterdam_centre.geojson');
const places = amsterdam('osm_health_assets_amsterdam_centre_points.geojson');
const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing(`the central-Amsterdam OSM files in ${amsterdam('')}`, existsSync(network) && existsSync(places));

const straightPattern = /^(\d+)% van de inwoners woont binnen (\d+) meter \(hemelsbreed\)\.$/;
const walkingPattern = /^(\d+)% van de inwoners woont binnen (\d+) (?:minuten|minuut) lopen \(([\d.]+) m bij ([\d,]+) km\/u\)\.$/;
const shareOf = (headline: string, pattern: RegExp) => Number(pattern.exec(headline)?.[1] ?? Number.NaN);

describe.skipIf(skip)('the planner on foot (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const planner = new PlannerDriver(app);
  afterAll(async () => {
    await app.close();
  });

  const showFigures = () => app.page.getByTestId('planner-figures').scrollIntoViewIfNeeded();
  let straight: string;
  beforeAll(async () => {
    await app.open(viewports.sharedScreen);
    await imports.startEmpty();
    await imports.openImportDialog();
    await imports.chooseImportFile(network);
    // Recognised as a network, and previewed as pieces between where the ways meet.
    expect(await app.page.locator('.format-choice select').inputValue()).toBe('walk-network');
    expect(await imports.importSummary()).toMatch(/^\d+ nieuw/i);
    await app.screenshotAtBothSizes('walking-0-network-preview');
    expect(await imports.confirmImport()).toBeTruthy();
    await app.closePanel('Sluiten');
    for (const file of [places, writeMadeUpAmsterdamGrid()]) {
      await imports.openImportDialog();
      await imports.chooseImportFile(file);
      await imports.confirmImport();
      await app.closePanel('Sluiten');
    }
    await planner.openPlanner();
    straight = (await planner.plannerFigures()).headline;
  });

  it('measures in a straight line first, then on foot, where fewer people live as near', async () => {
    expect(straight).toMatch(straightPattern);
    await planner.measureDistance('Lopend');
    // 500 m is nearest to 7 whole minutes at 4.5 km/h: 525 m.
    expect(await planner.distanceShown()).toBe('7 min lopen (525 m)');
    const walking = (await planner.plannerFigures()).headline;
    expect(walking).toMatch(walkingPattern);
    expect(walking).toContain('binnen 7 minuten lopen (525 m bij 4,5 km/u)');
    // Along the canals' bridges, fewer people live within 525 m on foot than within 500 m in a straight line.
    expect(shareOf(walking, walkingPattern)).toBeLessThan(shareOf(straight, straightPattern));
    // The map's legend says how walking is counted, and the ring of cells off the paths is named.
    await expect.poll(() => app.page.getByTestId('legend-walking').textContent()).toContain('rechte lijn × 1,4');
    expect(await app.page.getByTestId('walk-estimated').textContent()).toMatch(/^Bij \d+ vakken ligt geen looppad\./);
    await app.screenshotAtBothSizes('walking-1-ordinary-pace', showFigures);
  });

  it('at a slow 3 km/h the same 7 minutes reach fewer people', async () => {
    const ordinary = shareOf((await planner.plannerFigures()).headline, walkingPattern);
    await planner.chooseWalkingPace('3 km/u (rustig)');
    expect(await planner.distanceShown()).toBe('7 min lopen (350 m)');
    const slow = (await planner.plannerFigures()).headline;
    expect(slow).toContain('binnen 7 minuten lopen (350 m bij 3 km/u)');
    expect(shareOf(slow, walkingPattern)).toBeLessThan(ordinary);
    await app.screenshotAtBothSizes('walking-2-slow-pace', showFigures);
  });

  it('follows the slider minute by minute across its whole range, without asking the database again', async () => {
    const slider = app.page.getByTestId('distance-slider');
    await slider.focus();
    for (let step = 0; step < 7; step++) await planner.pressDistanceKey('ArrowLeft');
    expect(await planner.distanceShown()).toBe('0 min lopen (0 m)');
    const shares: number[] = [];
    for (let minute = 1; minute <= 40; minute++) {
      await planner.pressDistanceKey('ArrowRight');
      const figures = await planner.figuresRightNow();
      expect(figures.upToDate).toBe(true);
      expect(figures.headline).toContain(minute === 1 ? 'binnen 1 minuut lopen' : `binnen ${minute} minuten lopen`);
      shares.push(shareOf(figures.headline, walkingPattern));
    }
    expect(await planner.distanceShown()).toBe('40 min lopen (2.000 m)');
    expect(shares.every((share, index) => index === 0 || share >= shares[index - 1]!)).toBe(true);
    expect(shares[39]!).toBeGreaterThan(shares[4]!);
  });

  it('goes back to a straight line with the same question', async () => {
    await planner.measureDistance('Hemelsbreed');
    expect((await planner.plannerFigures()).headline).toMatch(straightPattern);
    expect(await app.page.getByTestId('legend-walking').count()).toBe(0);
  });

  it('answers "Wat is er in de buurt?" on foot too: fewer places within 500 m, each a walk', async () => {
    await app.page.locator('.planner-panel').getByRole('button', { name: 'Sluiten' }).click();
    await app.showMapAt(16, 52.3695, 4.8975);
    await app.page.getByRole('button', { name: 'Wat is er in de buurt?' }).click();
    const panel = app.page.getByRole('dialog', { name: 'Wat is er in de buurt?' });
    expect(await app.tapMapAt(4.8975, 52.3695)).toBe(true);
    await panel.getByLabel('Hoe ver').selectOption({ label: '500 m (ongeveer 7 min lopen)' });
    const result = panel.locator('[data-testid=nearby-result]:not(.stale)');
    const count = async () => Number(/(\d+) plek/.exec((await result.locator('.headline').textContent()) ?? '')?.[1] ?? Number.NaN);
    await result.locator('.headline').filter({ hasText: 'Binnen 500 m' }).waitFor();
    const straightCount = await count();
    await panel.getByRole('group', { name: 'Afstand meten' }).getByRole('button', { name: 'Lopend' }).click();
    await result.locator('.nearby-distance').first().filter({ hasText: 'm lopen' }).waitFor();
    const onFootCount = await count();
    expect(onFootCount).toBeGreaterThan(0);
    expect(onFootCount).toBeLessThan(straightCount);
    expect(await panel.locator('.hint').last().textContent()).toContain('Lopend: langs paden en straten');
    await app.screenshotAtBothSizes('walking-3-nearby-on-foot', () => result.scrollIntoViewIfNeeded());
  });
});
