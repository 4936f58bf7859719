import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { BasemapDriver } from './basemapDriver';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { PlaceDriver } from './placeDriver';

/** The base style's background (src/map/baseStyle.ts), what the map shows where no basemap is drawn. */
const mapBackground = 'eef0ea';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

describe.skipIf(skip)('the map before the database (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const places = new PlaceDriver(app);
  afterAll(async () => {
    await app.close();
  });

  const screens = [
    ['a phone', 'phone', viewports.phone],
    ['a shared screen', 'shared-screen', viewports.sharedScreen],
  ] as const;

  for (const [screen, shotName, viewport] of screens) {
    it(`on ${screen}: the map is drawn while the database's files are held back; adding says it waits, and works once the database is ready`, async () => {
      const database = await app.openWithDatabaseHeld(viewport);
      await app.page.locator('[data-map="painted"]').waitFor({ timeout: 120_000 });
      // Held back, so the database cannot have answered: the map came first.
      expect(await app.databaseStatus()).toBe('starting');
      await app.waitForText('De plekken worden geladen…');

      // What needs the database says it is getting ready instead of blocking the screen.
      await places.startAddingPlace();
      await app.tapMapCentre();
      await app.waitForText('Even geduld: de gegevens worden klaargezet. Daarna kunt u dit gebruiken.');
      const save = app.page.getByRole('button', { name: 'Opslaan' });
      expect(await save.isDisabled()).toBe(true);
      await app.screenshot(`map-first-${shotName}-database-starting`);

      database.release();
      await app.waitUntilReady();
      await app.page.getByText('De plekken worden geladen…').waitFor({ state: 'detached' });
      expect(await save.isEnabled()).toBe(true);
      expect(app.pageErrors).toEqual([]);
    });
  }

  it('draws the map before the rest of the app has loaded, and the app then takes over that same map', async () => {
    const appCode = await app.openWithAppHeld(viewports.phone);
    const startedMap = app.page.locator('.map-started-early canvas.maplibregl-canvas');
    await startedMap.waitFor({ timeout: 60_000 });
    // Nothing of the app is there yet (no top bar), but the page is the map's background, not a blank page.
    expect(await app.page.getByRole('banner').count()).toBe(0);
    await expect
      .poll(async () => {
        const colours = await app.screenColours();
        return (colours.get(mapBackground) ?? 0) / viewports.phone.width / viewports.phone.height;
      })
      .toBeGreaterThan(0.5);
    await app.screenshotAtBothSizes('map-first-before-the-app');

    appCode.release();
    await app.waitUntilReady();
    // One map, now inside the app's map area: taken over, not made twice.
    expect(await app.page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(await app.page.getByTestId('map').locator('canvas.maplibregl-canvas').count()).toBe(1);
    await app.page.locator('[data-map="painted"]').waitFor();
    // PDOK failed before the app listened: the map still says it has no street map, and offers a map file.
    expect(await new BasemapDriver(app).noticeText()).toContain('Kaartbestand laden');
    expect(app.pageErrors).toEqual([]);
  });

  it("says so, with a way out, when the app's code cannot be loaded after the map", async () => {
    const appCode = await app.openWithAppCodeFailing(viewports.phone);
    const failure = app.page.getByRole('alert').filter({ hasText: 'De app kon niet helemaal laden.' });
    await failure.waitFor({ timeout: 60_000 });
    await app.screenshotAtBothSizes('map-first-app-code-failed');

    await appCode.allow();
    await failure.getByRole('button', { name: 'Opnieuw proberen / Try again' }).click();
    await app.waitUntilReady();
    expect(await app.page.getByRole('alert').filter({ hasText: 'De app kon niet helemaal laden.' }).count()).toBe(0);
  });
});
