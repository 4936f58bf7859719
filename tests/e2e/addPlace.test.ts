import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const buurtkamer = {
  name: 'Buurtkamer De Merenwijk',
  category: 'Ontmoetingsplek',
  dimensions: ['Meedoen', 'Je goed voelen'],
  story: 'Op dinsdag drinken we hier koffie. Zo zie ik mijn buren weer.',
  authorName: 'Riet',
};

describe.skipIf(skip)('a resident adds a place (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  afterAll(async () => {
    await app.close();
  });

  // One start-up per screen size; each behaviour its own test, in order.
  describe('on a shared screen', () => {
    beforeAll(async () => {
      await app.open(viewports.sharedScreen);
      await imports.startEmpty();
      await app.screenshot('shared-screen-1-start');
    });

    it('adds a place with a story and opens its details', async () => {
      await places.startAddingPlace();
      await app.tapMapCentre();
      await places.fillPlace(buurtkamer);
      await app.screenshot('shared-screen-2-form');
      await places.save();
      expect(await places.detailsHeading()).toBe(buurtkamer.name);
      expect(await app.statusText()).toBe('Opgeslagen. Dank u wel!');
    });

    it('after a reload, the place is on the map with its story and kind', async () => {
      await app.reload();
      await places.openPlaceAtMapCentre();
      expect(await places.detailsHeading()).toBe(buurtkamer.name);
      expect(await places.storyTexts()).toEqual([buurtkamer.story]);
      expect(await app.textVisible('Ontmoetingsplek')).toBe(true);
      await app.screenshot('shared-screen-3-details-after-reload');
      expect(app.pageErrors).toEqual([]);
    });

    it('adds a place by keyboard alone: Enter on the button, the arrow keys and Enter on the map, then the form', async () => {
      await app.closePanel('Sluiten');
      const { page } = app;
      // Where a keyboard user's Tab would take them (the focus moves as it would).
      await page.getByRole('button', { name: 'Voeg een plek toe' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Met het toetsenbord: zet de kaart met de pijltjes goed en druk op Enter.').waitFor();
      await app.screenshotAtBothSizes('adding-banner-keyboard-hint');
      await page.locator('.maplibregl-canvas').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      // The form opens with the focus in its name field.
      await page.getByLabel('Naam van de plek').and(page.locator(':focus')).waitFor();
      await page.keyboard.type('Bankje aan de gracht');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Ontmoetingsplek');
      await page.keyboard.press('Shift+Tab');
      // Enter in a field sends the form, as "Opslaan" would.
      await page.keyboard.press('Enter');
      expect(await places.detailsHeading()).toBe('Bankje aan de gracht');
      expect(await app.textVisible('Ontmoetingsplek')).toBe(true);
      await app.screenshot('shared-screen-4-added-by-keyboard');
    });
  });

  describe('on a phone', () => {
    beforeAll(async () => {
      await app.open(viewports.phone);
      await imports.startEmpty();
    });

    it('a refused save says why in Dutch and keeps what was typed', async () => {
      await places.startAddingPlace();
      await app.tapMapCentre();
      await places.fillPlace({ ...buurtkamer, name: '   ' });
      await places.save();
      expect(await app.alertText()).toBe('Vul een naam in.');
      expect(await app.fieldValue('Waarom is deze plek belangrijk?')).toBe(buurtkamer.story);
      await app.screenshot('phone-1-refused-save');
    });

    it('loses nothing across a reload, and then saves', async () => {
      await app.reload();
      expect(await app.textVisible('Wat u eerder typte, staat er nog.')).toBe(true);
      expect(await app.fieldValue('Waarom is deze plek belangrijk?')).toBe(buurtkamer.story);

      await places.fillPlace(buurtkamer);
      await places.save();
      expect(await places.detailsHeading()).toBe(buurtkamer.name);
      await app.screenshot('phone-2-details');
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('speaks English after the switch, and remembers it', async () => {
    await app.open(viewports.phone);
    await imports.startEmpty();
    await app.switchLanguage('EN');
    expect(await app.textVisible('+ Add a place')).toBe(true);
    await app.reload();
    expect(await app.textVisible('+ Add a place')).toBe(true);
    await app.screenshot('phone-3-english');
  });
});
