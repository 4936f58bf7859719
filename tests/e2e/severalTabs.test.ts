import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { leaveWhileWaiting } from './anotherTab';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { LiveDriver } from './liveDriver';
import { PlaceDriver, type PlaceInput } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

const speeltuin: PlaceInput = {
  name: 'Speeltuin De Merel',
  category: 'Ontmoetingsplek',
  dimensions: ['Meedoen'],
  story: 'Hier spreken de ouders elkaar na school.',
};
const moestuin: PlaceInput = {
  name: 'Moestuin achter de kerk',
  category: 'Ontmoetingsplek',
  dimensions: ['Je goed voelen'],
  story: 'Samen wieden op zaterdag.',
};

// Two tabs of one browser share the embedded database: the first tab's worker
// runs it (PGlite's leader), the second sends its calls there. Ordered steps.
describe.skipIf(skip)('the app in two tabs of one browser (embedded database, real Chromium)', () => {
  const first = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  let second: AppBrowser;
  afterAll(async () => {
    await first.close();
  });

  beforeAll(async () => {
    await first.open(viewports.sharedScreen);
    await new ImportDriver(first).startEmpty();
    // openAnotherTab waits for the map: the second tab does not wait for the first to close.
    second = await first.openAnotherTab();
  });

  it('a place added in one tab is on the map of the other once it asks again', async () => {
    const inFirst = new PlaceDriver(first);
    await inFirst.startAddingPlace();
    await first.tapMapCentre();
    await inFirst.fillPlace(speeltuin);
    await inFirst.save();
    expect(await inFirst.detailsHeading()).toBe(speeltuin.name);

    await second.reload();
    const inSecond = new PlaceDriver(second);
    await inSecond.openPlaceAtMapCentre();
    expect(await inSecond.detailsHeading()).toBe(speeltuin.name);
    expect(await inSecond.storyTexts()).toEqual([speeltuin.story]);
  });

  it('a refusal is explained by its SQLSTATE in the tab that runs the database and in the other', async () => {
    for (const tab of [first, second]) {
      await tab.closePanel('Sluiten');
      const places = new PlaceDriver(tab);
      await places.startAddingPlace();
      await tab.tapMapCentre();
      await places.fillPlace({ ...moestuin, name: '   ' });
      await places.save();
      // WKREQ with detail "name"; without its code it would be the general "something went wrong".
      expect(await tab.alertText()).toBe('Vul een naam in.');
    }
  });

  it('a notification from the database reaches the subscribers of its topic in the other tab', async () => {
    await new LiveDriver(second).subscribe(['session:1', 'session:2']);
    await new LiveDriver(first).notify({ topic: 'session:1', event: 'changed', payload: { table: 'assets' } });
    expect(await new LiveDriver(second).receivedOnce('session:1', 1)).toEqual({
      'session:1': [{ event: 'changed', payload: { table: 'assets' } }],
      'session:2': [],
    });
  });

  // Last before the first tab closes: the database is left holding a lock for the tab that went (see leaveWhileWaiting).
  it('a tab that goes away while its call waits leaves no error in the tab that runs the database', async () => {
    await leaveWhileWaiting(second);
    // PGlite logs the answer it could not deliver: the tab had gone before the answer.
    await expect
      .poll(() => first.consoleErrors.some((text) => text.includes('Channel is closed')), { timeout: 60_000, interval: 200 })
      .toBe(true);
    // One more call through the database, so what the failed answer raised has surfaced.
    await new LiveDriver(first).notify({ topic: 'session:3', event: 'changed', payload: {} });
    expect(first.pageErrors).toEqual([]);
  });

  it('after the tab that ran the database closes, the other tab takes over: it saves and hears', async () => {
    await first.closeTab();
    const places = new PlaceDriver(second);
    await places.fillPlace(moestuin);
    await places.save();
    // The save waits while this tab's worker starts the database, as a first start does.
    const saved = await second.step('the other tab saves once it runs the database', () => places.detailsHeading({ timeout: 120_000 }));
    expect(saved).toBe(moestuin.name);

    const live = new LiveDriver(second);
    await live.notify({ topic: 'session:2', event: 'changed', payload: { table: 'stories' } });
    expect((await live.receivedOnce('session:2', 1))['session:2']).toEqual([{ event: 'changed', payload: { table: 'stories' } }]);
    expect(second.pageErrors).toEqual([]);
  });
});
