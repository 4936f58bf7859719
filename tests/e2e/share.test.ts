import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

// Shared mode's link and embed page: tests/e2e/sharedShare.test.ts.
describe.skipIf(skip)('"Delen" in the embedded default (real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);

  beforeAll(async () => {
    await imports.openWithDemo(viewports.phone);
  });
  afterAll(async () => {
    await app.close();
  });

  it('explains that a link needs the shared mode, and offers the download instead', async () => {
    await app.page.getByRole('banner').getByRole('button', { name: 'Delen' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Kaart delen' });
    await dialog.getByText('Deze kaart staat alleen op dit apparaat.', { exact: false }).waitFor();
    // No link is offered that would show others nothing.
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await app.screenshotAtBothSizes('share-0-embedded');
    await dialog.getByRole('button', { name: 'Naar Gegevens downloaden' }).click();
    await app.page.getByRole('dialog', { name: 'Gegevens downloaden' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
