import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { MapDriver } from './mapDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// The fictional demo neighbourhood: 10 places, a walking route and a park (src/import/demoNeighbourhood.ts).
const everything = 12;

describe.skipIf(skip)('the legend and the filter by domain and dimension (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const map = () => app.page.getByTestId('map');
  const waitForPlacesOnMap = (count: number) => new MapDriver(app).waitForPlacesOnMap(count);

  beforeAll(async () => {
    await imports.openWithDemo(viewports.phone);
    await waitForPlacesOnMap(everything);
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the kinds with their colours, grouped by domain', async () => {
    await app.page.getByRole('button', { name: 'Legenda en filter' }).click();
    const panel = app.page.getByRole('dialog', { name: 'Legenda en filter' });
    for (const group of [
      'Nulde lijn: wat bewoners zelf doen',
      'Eerstelijn: huisarts en zorg dichtbij',
      'Sociaal domein: gemeente en welzijn',
    ]) {
      expect(await panel.getByRole('heading', { name: group }).isVisible()).toBe(true);
    }
    expect(await panel.getByRole('checkbox', { name: 'Leefstijlcoach of diëtist' }).isVisible()).toBe(true);
    await app.screenshotAtBothSizes('filter-1-legend');
  });

  it('filters by dimension and by domain, and keeps it in the address', async () => {
    const panel = app.page.getByRole('dialog', { name: 'Legenda en filter' });
    await panel.getByRole('checkbox', { name: 'Meedoen' }).check();
    // Meedoen: buurthuis, ontmoetingsplek, bibliotheek, sportclub, beweeggroep, speelplek.
    await waitForPlacesOnMap(6);
    expect(await panel.getByText('6 van 12 plekken op de kaart').isVisible()).toBe(true);
    await panel.getByRole('checkbox', { name: 'Eerstelijn: huisarts en zorg dichtbij' }).check();
    // Meedoen and eerstelijn: none; eerstelijn alone is the GP practice.
    await waitForPlacesOnMap(0);
    await panel.getByRole('checkbox', { name: 'Meedoen' }).uncheck();
    await waitForPlacesOnMap(1);
    expect(new URL(app.page.url()).search).toBe('?domein=eerstelijn');
    await app.screenshotAtBothSizes('filter-2-eerstelijn');
  });

  it('after a reload shows the same selection, and "Alles tonen" shows everything again', async () => {
    await app.reload();
    await waitForPlacesOnMap(1);
    await app.page.getByRole('button', { name: 'Legenda en filter (1)' }).click();
    await app.page.getByRole('button', { name: 'Alles tonen' }).click();
    await waitForPlacesOnMap(everything);
    expect(new URL(app.page.url()).search).toBe('');
    expect(await map().isVisible()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
