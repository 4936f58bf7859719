import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// Leiden, Merenwijk: where the browser says the user is.
const merenwijk = { latitude: 52.1745, longitude: 4.5035 };

describe.skipIf(skip)('finding a buurt or place by name, and "my location" (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  const panel = () => app.page.getByRole('dialog', { name: 'Zoek een plek' });

  beforeAll(async () => {
    await imports.openWithDemo(viewports.phone);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the areas and places whose name holds what was typed, without internet, by keyboard', async () => {
    await app.cutOffInternet();
    await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
    await panel().getByLabel('Naam van een buurt, wijk of plek').pressSequentially('vlinder');
    await panel().getByText('5 gevonden').waitFor();
    // Names that start with it first, then a word in them that does; shorter first.
    expect(await panel().locator('.search-results li').allTextContents()).toEqual([
      'Vlinderpark (fictief) (Park of groen)',
      'Vlinderwijk (fictief) (gebied)',
      'Buurthuis De Vlinder (fictief) (Buurthuis)',
      'Bibliotheek Vlinderplein (fictief) (Bibliotheek)',
      'Sportclub VV De Vlinders (fictief) (Sportclub)',
    ]);
    await app.screenshotAtBothSizes('find-1-results');
    // One letter more leaves one; Tab from the field to it, Enter opens the place.
    await app.page.keyboard.type('s');
    await panel().getByText('1 gevonden').waitFor();
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    expect(await places.detailsHeading()).toBe('Sportclub VV De Vlinders (fictief)');
  });

  it('shows where the user is when the browser may tell', async () => {
    await app.page.context().grantPermissions(['geolocation']);
    await app.page.context().setGeolocation(merenwijk);
    await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
    await panel().getByRole('button', { name: 'Mijn locatie' }).click();
    await app.waitForStatus('De kaart laat zien waar u ongeveer bent.');
    // MapLibre keeps the view in the address: #kaart=zoom/lat/lon.
    await app.page.waitForFunction(({ latitude, longitude }) => {
      const [, lat, lon] = (new URLSearchParams(location.hash.slice(1)).get('kaart') ?? '').split('/').map(Number);
      return Math.abs(lat! - latitude) < 0.001 && Math.abs(lon! - longitude) < 0.001;
    }, merenwijk);
  });

  it('says in Dutch what to do when the browser may not tell', async () => {
    await app.page.context().clearPermissions();
    await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
    await panel().getByRole('button', { name: 'Mijn locatie' }).click();
    expect(await panel().getByRole('alert').textContent()).toBe(
      'De app mag uw locatie niet zien. Zet dit aan in de instellingen van uw browser, of zoek uw buurt hierboven.',
    );
    await app.screenshotAtBothSizes('find-2-location-refused');
    expect(app.pageErrors).toEqual([]);
  });
});
