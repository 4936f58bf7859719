import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { chromiumAvailable, viewports, WijkkrachtDriver } from './driver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const buurtkamer = {
  name: 'Buurtkamer De Merenwijk',
  category: 'Ontmoetingsplek',
  dimensions: ['Meedoen', 'Je goed voelen'],
  story: 'Op dinsdag drinken we hier koffie. Zo zie ik mijn buren weer.',
  authorName: 'Riet',
};

describe.skipIf(skip)('a resident adds a place (embedded database, real Chromium)', () => {
  let driver: WijkkrachtDriver;
  beforeAll(() => {
    driver = new WijkkrachtDriver(inject('appUrl'));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('on a shared screen: adds a place with a story, and after a reload it is on the map with its details', async () => {
    await driver.open(viewports.sharedScreen);
    await driver.startEmpty();
    await driver.screenshot('shared-screen-1-start');
    await driver.startAddingPlace();
    await driver.tapMapCentre();
    await driver.fillPlace(buurtkamer);
    await driver.screenshot('shared-screen-2-form');
    await driver.save();

    expect(await driver.detailsHeading()).toBe(buurtkamer.name);
    expect(await driver.statusText()).toBe('Opgeslagen. Dank u wel!');

    await driver.reload();
    await driver.openPlaceAtMapCentre();
    expect(await driver.detailsHeading()).toBe(buurtkamer.name);
    expect(await driver.storyTexts()).toEqual([buurtkamer.story]);
    expect(await driver.textVisible('Ontmoetingsplek')).toBe(true);
    await driver.screenshot('shared-screen-3-details-after-reload');
    expect(driver.pageErrors).toEqual([]);
  });

  it('on a phone: a refused save says why in Dutch and loses nothing, not even across a reload', async () => {
    await driver.open(viewports.phone);
    await driver.startEmpty();
    await driver.startAddingPlace();
    await driver.tapMapCentre();
    await driver.fillPlace({ ...buurtkamer, name: '   ' });
    await driver.save();
    expect(await driver.alertText()).toBe('Vul een naam in.');
    expect(await driver.fieldValue('Waarom is deze plek belangrijk?')).toBe(buurtkamer.story);
    await driver.screenshot('phone-1-refused-save');

    await driver.reload();
    expect(await driver.textVisible('Wat u eerder typte, staat er nog.')).toBe(true);
    expect(await driver.fieldValue('Waarom is deze plek belangrijk?')).toBe(buurtkamer.story);

    await driver.fillPlace(buurtkamer);
    await driver.save();
    expect(await driver.detailsHeading()).toBe(buurtkamer.name);
    await driver.screenshot('phone-2-details');
    expect(driver.pageErrors).toEqual([]);
  });

  it('speaks English after the switch, and remembers it', async () => {
    await driver.open(viewports.phone);
    await driver.startEmpty();
    await driver.switchLanguage('EN');
    expect(await driver.textVisible('+ Add a place')).toBe(true);
    await driver.reload();
    expect(await driver.textVisible('+ Add a place')).toBe(true);
    await driver.screenshot('phone-3-english');
  });
});
