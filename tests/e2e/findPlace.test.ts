import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/migrationFiles';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// Leiden, Merenwijk: where the browser says the user is.
const merenwijk = { latitude: 52.1745, longitude: 4.5035 };

// PDOK's Locatieserver, answered from tests/fixtures/pdok (see its README).
const pdokUrl = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/';
const pdokAnswer = (name: string) => readFileSync(join(projectRoot, 'tests', 'fixtures', 'pdok', name), 'utf8');
const stadhuisplein = { latitude: 52.15853, longitude: 4.49283 };

/** Waits until the map's centre (kept in the address as #kaart=zoom/lat/lon) is at `where`. */
async function mapCentredOn(app: AppBrowser, where: { latitude: number; longitude: number }): Promise<void> {
  await app.page.waitForFunction(({ latitude, longitude }) => {
    const [, lat, lon] = (new URLSearchParams(location.hash.slice(1)).get('kaart') ?? '').split('/').map(Number);
    return Math.abs(lat! - latitude) < 0.001 && Math.abs(lon! - longitude) < 0.001;
  }, where);
}

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
    await panel().getByLabel('Adres, straat, buurt, wijk of plek').pressSequentially('vlinder');
    await panel().getByText('5 gevonden').waitFor();
    // Without internet PDOK cannot be asked for addresses; the search says so and goes on with what the device holds.
    await panel()
      .getByText('Adressen zoeken lukt nu niet: er is geen verbinding met PDOK. U ziet alleen buurten en plekken van dit apparaat.')
      .waitFor();
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
    await mapCentredOn(app, merenwijk);
  });

  it("finds an address with PDOK's suggestions when online, and shows it on the map", async () => {
    const asked: string[] = [];
    await app.answerFor(pdokUrl, (url) => {
      asked.push(`${url.pathname.split('/').pop()} ${url.searchParams.get('q') ?? url.searchParams.get('id')}`);
      if (url.pathname.endsWith('/suggest')) return pdokAnswer('suggest-stadhuisplein.json');
      if (url.pathname.endsWith('/lookup')) return pdokAnswer('lookup-stadhuisplein-1.json');
      return null;
    });
    // The place opened earlier is closed: the search has the whole map.
    await app.closePanel('Sluiten');
    await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
    await panel().getByLabel('Adres, straat, buurt, wijk of plek').pressSequentially('stadhuisplein 1 leiden');
    const addresses = panel().getByRole('list', { name: 'Adressen (PDOK)' });
    await addresses.getByRole('button', { name: 'Stadhuisplein 1, 2311EJ Leiden' }).waitFor();
    expect(await addresses.getByRole('listitem').allTextContents()).toEqual([
      'Stadhuisplein 1, 2311EJ Leiden',
      'Stadhuisplein, Leiden',
      'Stadhuisplein, Katwijk',
    ]);
    expect(await panel().getByRole('status').textContent()).toBe('3 adressen');
    await app.screenshotAtBothSizes('find-3-pdok-addresses');
    await addresses.getByRole('button', { name: 'Stadhuisplein 1, 2311EJ Leiden' }).click();
    await app.waitForStatus('De kaart laat Stadhuisplein 1, 2311EJ Leiden zien.');
    await mapCentredOn(app, stadhuisplein);
    // One question per pause in typing, not one per letter; then the lookup of the one chosen.
    expect(asked.at(-1)).toBe('lookup adr-3c1f0b8a9d2e4f6a7b5c0d1e2f3a4b5c');
    expect(asked.filter((request) => request.startsWith('suggest')).length).toBeLessThan('stadhuisplein 1 leiden'.length / 2);
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
