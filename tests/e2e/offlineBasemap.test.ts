import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { BasemapDriver, type MapMiddle } from './basemapDriver';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const amsterdam = join(sharedDataDirectory, 'basemap', 'amsterdam_centre_osm.pmtiles');
// The same region as MBTiles: a map file, but not one the app reads.
const amsterdamMbtiles = join(sharedDataDirectory, 'basemap', 'amsterdam_centre_osm.mbtiles');

const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing('../shared/data/basemap/amsterdam_centre_osm.pmtiles', existsSync(amsterdam));

// Measured in the middle of a phone's map of central Amsterdam at zoom 16 with the shipped style:
// about 3 500 white street pixels and 200 dark letter pixels. Without the road layer (a style error
// MapLibre refused) there were 60 white ones; without labels there are no dark ones.
const streetsAndNames = (middle: MapMiddle) => middle.white > 1_500 && middle.text > 100;

describe.skipIf(skip)('a street map without internet: a basemap file kept in the browser (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const basemap = new BasemapDriver(app);
  const places = new PlaceDriver(app);
  afterAll(async () => {
    await app.close();
  });

  beforeAll(async () => {
    await app.open(viewports.phone);
    await app.cutOffInternet();
    // The fictional neighbourhood brings buurten and places, so their names can be looked for.
    await imports.chooseFirstRunOption('Probeer een voorbeeldwijk');
    await app.waitForStatus('De voorbeeldwijk staat klaar. Alles daarin is verzonnen.');
  });

  it('without internet and without a map file, says so, and still names the buurten and places', async () => {
    expect(await basemap.noticeText()).toBe('Geen achtergrondkaart: er is geen internet. Uw plekken staan er wel. Kaartbestand laden');
    // Without labels no pixel is that dark; the two place names reach into the middle with about 140.
    const middle = await basemap.waitForMapMiddle('names of buurten and places', (seen) => seen.text > 60);
    expect(middle.text, 'dark letters of buurt and place names').toBeGreaterThan(60);
    expect(middle.white, 'no streets without a map').toBeLessThan(2_000);
    await app.screenshotAtBothSizes('offline-basemap-1-names-only');
  });

  it('steps aside while a spot is set: no button or panel over the map catches the tap', async () => {
    await basemap.openFromNotice();
    await places.startAddingPlace();
    await expect.poll(() => basemap.controlsShown()).toEqual({ kaartButton: false, noticeButton: false, panel: false });
    await app.screenshotAtBothSizes('offline-basemap-1b-setting-a-spot');
    await app.page.getByRole('button', { name: 'Annuleren' }).first().click();
    await expect.poll(() => basemap.controlsShown()).toEqual({ kaartButton: true, noticeButton: true, panel: false });
  });

  it('refuses a file that is not a PMTiles map, in Dutch', async () => {
    await basemap.openFromNotice();
    expect(await basemap.chooseFile(amsterdamMbtiles)).toBe('Dit is geen kaartbestand. Kies een bestand dat eindigt op .pmtiles.');
  });

  it('keeps the Amsterdam region file and draws its streets and street names with the fonts the app serves', async () => {
    expect(await basemap.chooseFile(amsterdam)).toBe('Op dit apparaat: amsterdam_centre_osm.pmtiles (0,4 MB)');
    await app.screenshot('offline-basemap-2-panel');
    await basemap.closePanel();
    // The map looked at the demo neighbourhood; it moves to the file's area (4.88–4.92 E, 52.36–52.38 N).
    await expect
      .poll(() => basemap.mapCentre(), { timeout: 10_000 })
      .toMatchObject({
        lon: expect.closeTo(4.902, 1) as number,
        lat: expect.closeTo(52.37, 1) as number,
      });
    await basemap.lookAt(16, 52.372, 4.895);
    const middle = await basemap.waitForMapMiddle('streets and street names', streetsAndNames);
    expect(middle.white, 'white street pixels').toBeGreaterThan(1_500);
    expect(middle.text, 'dark letter pixels').toBeGreaterThan(100);
    expect(await basemap.noticeText()).toBe('Geen internet: u ziet de kaart die op dit apparaat staat.');
    // The letters come from the woff2 files the app ships, not from a glyph server.
    expect(app.requestedUrls.some((url) => /noto-sans-latin-400-normal[-\w]*\.woff2$/.test(url))).toBe(true);
    expect(app.cutOffRequests.every((url) => new URL(url).host === 'service.pdok.nl')).toBe(true);
    await app.screenshotAtBothSizes('offline-basemap-3-amsterdam');
    expect(app.pageErrors).toEqual([]);
    // MapLibre reports a layer of the shipped style it refuses here, and draws the rest.
    expect(app.consoleErrors).toEqual([]);
  });

  it('still has the map after a reload, without internet', async () => {
    await app.reload();
    const middle = await basemap.waitForMapMiddle('streets and street names', streetsAndNames);
    expect(middle.white).toBeGreaterThan(1_500);
    expect(middle.text).toBeGreaterThan(100);
    await app.screenshotAtBothSizes('offline-basemap-4-after-reload');
  });

  it('can remove the file again: then the map is a plain background with names', async () => {
    await basemap.removeFile();
    await basemap.closePanel();
    const middle = await basemap.waitForMapMiddle('no streets', (seen) => seen.white < 500);
    expect(middle.white).toBeLessThan(500);
    expect(await basemap.noticeText()).toContain('Geen achtergrondkaart');
    expect(app.pageErrors).toEqual([]);
  });
});
