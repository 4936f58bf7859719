import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const bankje = {
  name: 'Bankje bij de Kikkerplas',
  category: 'Ontmoetingsplek',
  dimensions: ['Meedoen'],
  story: 'Hier zit ik elke ochtend. Er komt altijd wel iemand langs.',
};

describe.skipIf(skip)('the app opens without network (service worker, embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const places = new PlaceDriver(app);
  const imports = new ImportDriver(app);
  afterAll(async () => {
    await app.close();
  });

  it('on a tablet at a workshop table: a place saved online is there after a reload with the network cut', async () => {
    await app.open(viewports.sharedScreen);
    await app.waitForOfflineReady();
    // The first-run screen of an empty map comes once the database is known to be empty; when it
    // came before the click on "Voeg een plek toe" (a loaded machine), that click waited in vain.
    await imports.startEmpty();
    await places.startAddingPlace();
    await app.tapMapCentre();
    await places.fillPlace(bankje);
    await places.save();
    expect(await places.detailsHeading()).toBe(bankje.name);

    await app.cutOffNetwork();
    await app.reload();
    expect(await app.databaseStatus()).toBe('ready');
    await places.openPlaceAtMapCentre();
    expect(await places.detailsHeading()).toBe(bankje.name);
    expect(await places.storyTexts()).toEqual([bankje.story]);
    await app.screenshot('offline-reload-shared-screen');
    expect(app.pageErrors).toEqual([]);
  });

  it('installable: the manifest names the app, starts it standalone and has an icon', async () => {
    const manifest = await app.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      // Read through the service worker's cache: the network is still cut.
      return (await fetch(link.href)).json() as Promise<{ name: string; display: string; start_url: string; icons: unknown[] }>;
    });
    expect(manifest).toMatchObject({ name: 'Wijkkracht', display: 'standalone', start_url: '.' });
    expect(manifest?.icons.length).toBeGreaterThan(0);
  });
});
