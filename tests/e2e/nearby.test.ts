/**
 * "Wat is er in de buurt?": a resident taps the map by the demo neighbourhood's
 * community centre and sees the places within reach, nearest first, with the
 * time on foot; a smaller distance and one kind narrow it; a kind nobody mapped
 * says so; a place opens and "Sluiten" comes back to the same answer. Embedded
 * database, real Chromium, no internet.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPlans } from '../../src/import/demoNeighbourhood';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { MapDriver } from './mapDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// The demo: 10 places, a walking route and a park, all within 750 m of its middle (src/import/demoNeighbourhood.ts).
const everything = 12;
const centre = demoPlans().assets.rows.find((row) => row.name === 'Buurthuis De Vlinder (fictief)')!.geometry;
if (centre.type !== 'Point') throw new Error('the demo community centre is a point');

describe.skipIf(skip)('what is nearby (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const panel = () => app.page.getByRole('dialog', { name: 'Wat is er in de buurt?' });
  const result = () => panel().locator('[data-testid=nearby-result]:not(.stale)');
  const headline = async () => (await result().locator('.headline').textContent())?.trim() ?? '';
  const rows = async () => {
    const names = await result().locator('.nearby-name').allTextContents();
    const distances = await result().locator('.nearby-distance').allTextContents();
    return names.map((name, index) => ({
      name,
      metres: Number(/^([\d.]+) m/.exec(distances[index]!)![1]!.replace(/\./g, '')),
      text: distances[index]!,
    }));
  };

  beforeAll(async () => {
    await imports.openWithDemo(viewports.sharedScreen);
    await app.cutOffInternet();
    await new MapDriver(app).waitForPlacesOnMap(everything);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists what lies within reach of a tap on the map, nearest first, with minutes on foot', async () => {
    await app.page.getByRole('button', { name: 'Wat is er in de buurt?' }).click();
    await panel().getByText('Tik of klik op de kaart, of zoek een adres of buurt.').waitFor();
    const [lon, lat] = centre.coordinates as [number, number];
    expect(await app.tapMapAt(lon, lat)).toBe(true);
    await panel().getByText('In de buurt van de plek die u op de kaart koos.').waitFor();
    await panel().getByLabel('Hoe ver').selectOption({ label: '2.000 m (ongeveer 27 min lopen)' });
    await result().getByText(`Binnen 2.000 m liggen ${everything} plekken.`).waitFor();
    const all = await rows();
    expect(all).toHaveLength(everything);
    // The community centre itself first (the tap lands within a few metres of it), then farther and farther.
    expect(all[0]!.name).toBe('Buurthuis De Vlinder (fictief)');
    expect(all[0]!.metres).toBeLessThan(15);
    expect(all.map((row) => row.metres)).toEqual([...all.map((row) => row.metres)].sort((a, b) => a - b));
    // 75 m a minute at 4.5 km/h, 50 m at 3 km/h.
    const farthest = all.at(-1)!;
    expect(farthest.text).toContain(`ongeveer ${Math.max(1, Math.ceil(farthest.metres / 75))} min lopen`);
    expect(farthest.text).toContain(`(${Math.max(1, Math.ceil(farthest.metres / 50))} min op een rustig tempo)`);
    await app.screenshotAtBothSizes('nearby-1-within-2000m', () => result().scrollIntoViewIfNeeded());
  });

  it('narrows to a smaller distance and one kind, and says when nobody mapped that kind', async () => {
    await panel().getByLabel('Hoe ver').selectOption({ label: '250 m (ongeveer 4 min lopen)' });
    await result()
      .getByText(/^Binnen 250 m (ligt 1 plek|liggen \d+ plekken)\./)
      .waitFor();
    const near = await rows();
    expect(near.length).toBeLessThan(everything);
    expect(near.every((row) => row.metres <= 250)).toBe(true);
    await panel().getByLabel('Wat zoekt u?').selectOption({ label: 'Apotheek' });
    await result().getByText('Er is nog geen plek van deze soort in kaart gebracht.').waitFor();
    await panel().getByLabel('Wat zoekt u?').selectOption({ label: 'Alle soorten plekken' });
    await result()
      .getByText(/^Binnen 250 m/)
      .waitFor();
  });

  it('opens a place found, and comes back to the same answer', async () => {
    const first = (await rows())[0]!;
    await panel()
      .getByRole('button', { name: `Bekijk ${first.name}` })
      .click();
    await app.page.locator('.panel').getByRole('heading', { name: first.name }).waitFor();
    await app.closePanel('Sluiten');
    await result()
      .getByText(/^Binnen 250 m/)
      .waitFor();
    expect((await rows())[0]!.name).toBe(first.name);
    expect(await headline()).toMatch(/^Binnen 250 m/);
  });

  it('raised no error in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
