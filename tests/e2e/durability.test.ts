import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const moestuin = {
  name: 'Moestuin achter de flat',
  category: 'Park of groen',
  dimensions: ['Lichaam', 'Meedoen'],
  story: 'Op zaterdag werken we hier samen. Wat we oogsten, delen we.',
};

/** 20 000 places on a grid of 200 by 100, about 7 m apart, around a point: a CSV as a user would import it. */
function gridOfPlaces(centre: { lon: number; lat: number }): string {
  const lines = ['naam;categorie;lat;lon;id'];
  for (let column = 0; column < 200; column++) {
    for (let row = 0; row < 100; row++) {
      const lat = (centre.lat + (row - 50) * 0.0001).toFixed(6);
      const lon = (centre.lon + (column - 100) * 0.0001).toFixed(6);
      lines.push(`Plek ${column}-${row};buurthuis;${lat};${lon};p${column}-${row}`);
    }
  }
  return lines.join('\n');
}

describe.skipIf(skip)('saved means stored (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const places = new PlaceDriver(app);
  const imports = new ImportDriver(app);
  afterAll(async () => {
    await app.close();
  });

  it('a place is there after the browser is closed the moment it says "Opgeslagen", and opened again', async () => {
    await app.open(viewports.phone);
    // Past the first-run screen of the empty map first: it may come before the click on "Voeg een plek toe".
    await imports.startEmpty();
    await places.startAddingPlace();
    await app.tapMapCentre();
    await places.fillPlace(moestuin);
    await places.save();
    await app.waitForText('Opgeslagen. Dank u wel!');
    await app.closeBrowserAndReopen(viewports.phone);
    await places.openPlaceAtMapCentre();
    expect(await places.detailsHeading()).toBe(moestuin.name);
    expect(await places.storyTexts()).toEqual([moestuin.story]);
    expect(app.pageErrors).toEqual([]);
  });

  it('an import of 20 000 places is all there after the browser is closed the moment it says "Klaar"', async () => {
    await app.open(viewports.sharedScreen);
    await imports.startEmpty();
    const file = join(mkdtempSync(join(tmpdir(), 'wijkkracht-import-')), 'twintigduizend.csv');
    writeFileSync(file, gridOfPlaces(await app.mapView()));
    await imports.openImportDialog();
    await imports.chooseImportFile(file);
    expect(await imports.importSummary()).toBe('20000 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
    // Written in one transaction; on a loaded machine that can take a minute or more in the browser.
    expect(await imports.confirmImport({ timeout: 240_000 })).toBe('Klaar: 20000 toegevoegd, 0 bijgewerkt.');
    await app.closeBrowserAndReopen(viewports.sharedScreen);
    // The map counts what lies in its view (all of the grid) even where it shows only part of it.
    await app.waitForText('Hier liggen 20.000 plekken. De kaart toont de eerste 5.000. Zoom in om ze allemaal te zien.');
    expect(app.pageErrors).toEqual([]);
  }, 420_000);
});
