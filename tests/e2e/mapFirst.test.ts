import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { PlaceDriver } from './placeDriver';

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
});
