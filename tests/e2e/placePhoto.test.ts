import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPlans } from '../../src/import/demoNeighbourhood';
import { phonePhotoWithGps, photoFacts, takenAt } from '../support/photoFixtures';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { MapDriver } from './mapDriver';
import { PhotoDriver } from './photoDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const gardenName = 'Moestuin Achter de Flat (fictief)';

/** Where the demo's vegetable garden lies (the demo is made from a fixed seed). */
function gardenSpot() {
  const row = demoPlans().assets.rows.find((candidate) => candidate.name === gardenName);
  if (row?.geometry.type !== 'Point') throw new Error(`no demo place ${gardenName}`);
  const [lon, lat] = row.geometry.coordinates as [number, number];
  return { lon, lat };
}

// The embedded default's own user administers it, so a photo is on the map at once.
describe.skipIf(skip)('a resident adds a photo to a place (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const photos = new PhotoDriver(app);
  const phonePhoto = phonePhotoWithGps();

  beforeAll(async () => {
    await imports.openWithDemo(viewports.phone);
    await app.cutOffInternet();
    await new MapDriver(app).openPlaceAt(gardenSpot());
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a file that is no photo, and one that only says it is, in Dutch', async () => {
    const notes = { name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('boodschappen: sla, tomaten') };
    expect(await photos.choose(notes)).toBe('Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-foto.');
    const fake = { name: 'vakantie.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 not a photo at all') };
    expect(await photos.choose(fake)).toMatch(/^Deze foto kan de browser niet openen\./);
  });

  it('makes a phone photo smaller and strips where it was taken before it is stored, then shows it in the details', async () => {
    // The photo as the phone took it: 2400 × 1800 pixels, 3 MB, with the GPS position of a front door.
    const original = await photoFacts(phonePhoto);
    expect(original).toMatchObject({ gps: takenAt, exifSegment: true });
    expect(original.cameraTags).toEqual(expect.arrayContaining(['GPSLatitude', 'GPSLongitude', 'Make', 'Model', 'DateTimeOriginal']));
    expect(await photos.choose({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: phonePhoto })).toBeNull();
    expect(await photos.readyText()).toMatch(/^Klaar om te plaatsen: 1600 × 1200 pixels, \d+ kB\.$/);
    expect(await app.wcagViolations()).toEqual([]);
    await app.screenshotAtBothSizes('photo-1-ready', () =>
      app.page.getByRole('button', { name: 'Foto plaatsen' }).scrollIntoViewIfNeeded(),
    );
    await photos.post('Tomaten in de kas');
    await app.waitForStatus('Uw foto staat bij de plek.');

    const [shown] = await photos.shownPhotos(1);
    expect(shown!.alt).toBe('Tomaten in de kas');
    // What the database holds and the page shows: smaller, and nothing left of the original's EXIF.
    const stored = await photoFacts(shown!.bytes);
    expect(stored).toEqual({ gps: null, cameraTags: [], exifSegment: false, width: 1600, height: 1200 });
    expect(shown!.bytes.length).toBeLessThan(900_000);
    expect(await app.wcagViolations()).toEqual([]);
    await app.screenshotAtBothSizes('photo-2-shown', () => app.page.locator('.place-photos img').first().scrollIntoViewIfNeeded());
  });

  it('keeps the photo when the place is opened again after a reload, and takes it off when asked', async () => {
    await app.reload();
    await new MapDriver(app).openPlaceAt(gardenSpot());
    expect((await photos.shownPhotos(1)).map((photo) => photo.alt)).toEqual(['Tomaten in de kas']);
    await photos.remove();
    await app.waitForStatus('De foto is weggehaald.');
    await app.page.getByText('Nog geen foto.').waitFor();
  });
});
