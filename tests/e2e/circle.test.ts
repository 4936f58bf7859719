import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const circle = {
  name: 'Cirkel van Truus',
  category: 'Cirkel met sleutelfiguur',
  dimensions: ['Meedoen'],
  story: 'Truus belt iedereen op maandag.',
};

// The embedded default's own user administers it, so it may add a circle (as a key person would).
describe.skipIf(skip)('a key person adds a circle and withdraws it (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  beforeAll(async () => {
    // The fictional demo neighbourhood has a sports club to connect the circle to.
    await imports.openWithDemo(viewports.phone);
  });
  afterAll(async () => {
    await app.close();
  });

  it('asks for the consent before it saves, and refuses a phone number in Dutch', async () => {
    await places.startAddingPlace();
    await app.tapMapCentre();
    await places.fillPlace(circle);
    expect(await app.textVisible('Toestemming van de sleutelfiguur')).toBe(true);
    await places.save();
    expect(await app.alertText()).toBe('Vink eerst de toestemming aan.');
    await app.screenshotAtBothSizes('circle-1-consent', () =>
      app.page.getByRole('group', { name: 'Toestemming van de sleutelfiguur' }).scrollIntoViewIfNeeded(),
    );

    await app.page.getByRole('checkbox', { name: /geef toestemming/ }).check();
    await app.page.getByLabel('Naam van de plek').fill('Cirkel van Truus, bel 06-12345678');
    await places.save();
    expect(await app.alertText()).toBe('Zet geen telefoonnummer of e-mailadres bij een cirkel. Contact loopt via de begeleider.');
  });

  it('saves it, and its details say it is shown in a 100 m square with contact through the facilitator', async () => {
    await app.page.getByLabel('Naam van de plek').fill(circle.name);
    await places.save();
    expect(await places.detailsHeading()).toBe(circle.name);
    await app.page.getByText('Deze cirkel staat op de kaart in een vak van 100 bij 100 meter, niet op het adres.').waitFor();
    expect(await app.textVisible('Wilt u meedoen? Vraag het aan de begeleider van dit werkgebied.')).toBe(true);
    expect(await app.textVisible('U ziet ook de precieze plek, omdat u de sleutelfiguur of begeleider bent. Anderen zien die niet.')).toBe(
      true,
    );
    await app.screenshotAtBothSizes('circle-2-details', () => app.page.locator('.circle-note').scrollIntoViewIfNeeded());
  });

  it('connects the circle to the sports club where it meets, seen from both, with a line on the map', async () => {
    const panel = app.page.locator('section.panel');
    await panel.getByLabel('Hoe horen ze bij elkaar?').selectOption({ label: 'Komt samen in' });
    await panel.getByLabel('Met welke plek?').selectOption({ label: 'Sportclub VV De Vlinders (fictief) (Sportclub)' });
    await panel.getByRole('button', { name: 'Verbinden', exact: true }).click();
    await app.waitForStatus('De plekken zijn verbonden.');
    const connection = panel.getByRole('region', { name: 'Verbonden met' }).getByRole('listitem');
    await connection.filter({ hasText: 'Komt samen in' }).waitFor();
    expect(await connection.textContent()).toContain('Sportclub VV De Vlinders (fictief)');
    await app.page.waitForFunction(() => document.querySelector('[data-links]')?.getAttribute('data-links') === '1');
    await app.screenshotAtBothSizes('circle-3-connected', () =>
      panel.getByRole('region', { name: 'Verbonden met' }).scrollIntoViewIfNeeded(),
    );

    // From the sports club's side: the circle meets here; and back.
    await connection.getByRole('button', { name: 'Sportclub VV De Vlinders (fictief)' }).click();
    expect(await places.detailsHeading()).toBe('Sportclub VV De Vlinders (fictief)');
    const back = panel.getByRole('region', { name: 'Verbonden met' }).getByRole('listitem');
    expect(await back.textContent()).toContain('Komt hier samen');
    // Anyone signed in can say it still exists.
    await panel.getByRole('button', { name: 'Bestaat nog' }).click();
    await app.waitForStatus('Dank u. De plek is bevestigd.');
    const today = new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' });
    expect(await panel.getByText(`Laatst bevestigd: ${today}`).isVisible()).toBe(true);
    await app.screenshotAtBothSizes('circle-4-sports-club-confirmed', () => panel.locator('.freshness').scrollIntoViewIfNeeded());
    await back.getByRole('button', { name: circle.name }).click();
    expect(await places.detailsHeading()).toBe(circle.name);
  });

  it('hands the connection out as a line in the download, from the circle to the sports club', async () => {
    await app.closePanel('Sluiten');
    const { fileName, text } = await imports.download('Verbindingen tussen plekken als lijnen (GeoJSON)');
    expect(fileName).toMatch(/\.geojson$/);
    const lines = (JSON.parse(text) as FeatureCollection<LineString>).features;
    expect(lines.map((line) => [line.properties?.kind, line.properties?.from_name, line.properties?.to_name])).toEqual([
      ['meets_at', circle.name, 'Sportclub VV De Vlinders (fictief)'],
    ]);
    expect(lines[0]!.geometry.coordinates).toHaveLength(2);
    await app.closePanel('Sluiten');
    // Back to the circle for the next step.
    await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
    await app.page.getByLabel('Adres, straat, buurt, wijk of plek').fill(circle.name);
    await app.page.locator('.search-results').getByRole('button', { name: circle.name }).click();
    expect(await places.detailsHeading()).toBe(circle.name);
  });

  it('withdrawing the consent, asked once more, takes the circle off the map', async () => {
    await app.page.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await app.page.getByRole('button', { name: 'Ja, haal de cirkel weg' }).click();
    await app.waitForStatus('De toestemming is ingetrokken. De cirkel staat niet meer op de kaart.');
    expect(await app.page.locator('section.panel h2').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
