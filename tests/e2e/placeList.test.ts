import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPlans } from '../../src/import/demoNeighbourhood';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { MapDriver } from './mapDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// The fictional demo neighbourhood: 10 places, a walking route and a park (src/import/demoNeighbourhood.ts).
const everything = 12;

/** Where a demo place lies (the demo is made from a fixed seed). */
function demoPoint(name: string): [number, number] {
  const row = demoPlans().assets.rows.find((candidate) => candidate.name === name);
  if (row?.geometry.type !== 'Point') throw new Error(`no demo place ${name}`);
  return row.geometry.coordinates as [number, number];
}

describe.skipIf(skip).each([
  ['phone', viewports.phone],
  ['shared screen', viewports.sharedScreen],
] as const)('the list of places, a way in without the map, on a %s (embedded database, real Chromium)', (_name, viewport) => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  const list = () => app.page.getByRole('region', { name: 'Lijst van plekken' });
  const rowNames = () => list().locator('.place-list-name').allTextContents();
  const rowKinds = () => list().locator('.place-list-what').allTextContents();

  beforeAll(async () => {
    await imports.openWithDemo(viewport);
    await app.cutOffInternet();
    await new MapDriver(app).waitForPlacesOnMap(everything);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the places in view by name, or by kind, and follows the filter', async () => {
    await app.page.getByRole('button', { name: 'Lijst van plekken' }).click();
    await list().getByText(`${everything} plekken`).waitFor();
    const names = await rowNames();
    expect(names).toHaveLength(everything);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    await list().getByLabel('Sorteer op').selectOption({ label: 'Soort plek' });
    const kinds = await rowKinds();
    expect(kinds).toEqual([...kinds].sort((a, b) => a.localeCompare(b, 'nl')));
    await app.screenshotAtBothSizes('list-1-by-kind');
    // The map's filter holds for the list too.
    await app.page.getByRole('button', { name: 'Legenda en filter' }).click();
    const filter = app.page.getByRole('dialog', { name: 'Legenda en filter' });
    await filter.getByRole('checkbox', { name: 'Eerstelijn: huisarts en zorg dichtbij' }).check();
    await filter.getByRole('button', { name: 'Sluiten' }).click();
    await list().getByText(`1 van ${everything} plekken (het filter staat aan)`).waitFor();
    expect(await rowKinds()).toEqual(['Huisartsenpraktijk']);
    await app.page.getByRole('button', { name: 'Legenda en filter (1)' }).click();
    await app.page.getByRole('button', { name: 'Alles tonen' }).click();
    await app.page.getByRole('dialog', { name: 'Legenda en filter' }).getByRole('button', { name: 'Sluiten' }).click();
    await list().getByText(`${everything} plekken`).waitFor();
  });

  it('marks on the map what is chosen in the list, and goes back to the list from its details', async () => {
    const sportclub = list().getByRole('button', { name: /^Sportclub VV De Vlinders \(fictief\)/ });
    await sportclub.click();
    expect(await sportclub.getAttribute('aria-pressed')).toBe('true');
    const id = await app.page.locator('[data-selected]').getAttribute('data-selected');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await list().getByRole('button', { name: 'Bekijk Sportclub VV De Vlinders (fictief)' }).click();
    expect(await places.detailsHeading()).toBe('Sportclub VV De Vlinders (fictief)');
    await app.closePanel('Sluiten');
    // Back in the list, still chosen.
    expect(
      await list()
        .getByRole('button', { name: /^Sportclub VV De Vlinders/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await app.page.locator('[data-selected]').getAttribute('data-selected')).toBe(id);
  });

  it('selects in the list what is tapped on the map', async () => {
    const library = list().getByRole('button', { name: /^Bibliotheek Vlinderplein/ });
    const [lon, lat] = demoPoint('Bibliotheek Vlinderplein (fictief)');
    // Zoomed in on it, as a user would, so it stands on its own and not in a cluster (MapLibre follows the address);
    // a little below the middle, clear of the notices at the top of a phone's small map.
    await app.page.evaluate(({ lon, lat }) => (location.hash = `kaart=17/${lat + 0.0002}/${lon}`), { lon, lat });
    const deadline = Date.now() + 30_000;
    // The map may still be drawing: tap until the list has it.
    while ((await library.getAttribute('aria-pressed')) !== 'true' && Date.now() < deadline) {
      if (!(await app.tapMapAt(lon, lat))) throw await app.failure('the library is not in view');
      await app.page.waitForTimeout(500);
    }
    expect(await library.getAttribute('aria-pressed')).toBe('true');
    // The list keeps the tap: no details open over it.
    expect(await app.page.getByRole('heading', { name: 'Waarom deze plek belangrijk is' }).count()).toBe(0);
    await app.screenshotAtBothSizes('list-2-tapped-on-map');
  });

  it('adds a place by keyboard alone from the list: a buurt instead of a tap on the map', async () => {
    const { page } = app;
    await list().getByRole('button', { name: 'Voeg een plek toe' }).focus();
    await page.keyboard.press('Enter');
    // The form opens without a spot, with the focus on choosing one.
    await page.getByLabel('Kies een buurt').and(page.locator(':focus')).waitFor();
    expect(await page.getByText('Nog geen plek gekozen. Kies een buurt, zoek een adres, of tik op de kaart.').isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.getByText('Gekozen: Vlinderwijk (fictief). Tik op de kaart om de plek te verschuiven.').waitFor();
    await app.screenshotAtBothSizes('list-3-add-by-buurt');
    // Past the address search to the name.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.getByLabel('Naam van de plek').and(page.locator(':focus')).waitFor();
    await page.keyboard.type('Wandelgroep op woensdag');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Beweeggroep');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await places.detailsHeading()).toBe('Wandelgroep op woensdag');
    expect(await app.textVisible('Beweeggroep')).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
