import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const moestuin = {
  name: 'Moestuin achter de flat',
  category: 'Park of groen',
  dimensions: ['Lichaam', 'Meedoen'],
  story: 'Op zaterdag werken we hier samen. Wat we oogsten, delen we.',
};

describe.skipIf(skip)('saved means stored (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const places = new PlaceDriver(app);
  afterAll(async () => {
    await app.close();
  });

  it('a place is there after the browser is closed the moment it says "Opgeslagen", and opened again', async () => {
    await app.open(viewports.phone);
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
});
