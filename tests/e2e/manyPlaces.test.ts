import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { runAsAnotherTab } from './anotherTab';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

/** More places than the map takes at once (useAssets.ts: 5 000), on a grid of 80 by 65, about 12 m apart. */
const columns = 80;
const rows = 65;
const spacing = 0.00015;

/** The places, written as the database's owner in one statement: setting up, not what is under test. */
function seedPlaces(centre: { lon: number; lat: number }): string {
  const west = centre.lon - (columns / 2) * spacing;
  const south = centre.lat - (rows / 2) * spacing;
  return `insert into public.assets (kind, category, name, geom, status)
    select 'place', 'ontmoetingsplek', 'Plek ' || c || '-' || r,
      extensions.st_setsrid(extensions.st_makepoint(${west} + c * ${spacing}, ${south} + r * ${spacing}), 4326), 'published'
    from generate_series(0, ${columns - 1}) c, generate_series(0, ${rows - 1}) r`;
}

const partlyShown = 'Hier liggen 5.200 plekken. De kaart toont de eerste 5.000. Zoom in om ze allemaal te zien.';

describe.skipIf(skip)('an area with more places than the map shows at once (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  beforeAll(async () => {
    await app.open(viewports.sharedScreen);
    await new ImportDriver(app).startEmpty();
  });
  afterAll(async () => {
    await app.close();
  });

  it('says how many places lie there and how many the map shows, and shows them all once zoomed in', async () => {
    const view = await app.mapView();
    await runAsAnotherTab(app, ['begin', `${seedPlaces(view)}; commit`]);
    await app.reload();
    await app.waitForText(partlyShown);
    expect(await app.page.getByRole('status').filter({ hasText: 'Hier liggen' }).count()).toBe(1);
    await app.screenshotAtBothSizes('many-places-partly-shown');

    // Zoomed in on the middle of the grid, the area around the view holds fewer than 5 000: all of them are shown.
    await app.page.evaluate(({ lat, lon }) => (location.hash = `kaart=19/${lat}/${lon}`), view);
    await app.page.getByText(partlyShown).waitFor({ state: 'detached', timeout: 60_000 });
    expect(app.pageErrors).toEqual([]);
  });
});
