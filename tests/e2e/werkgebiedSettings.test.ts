import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

describe.skipIf(skip)(
  "an administrator sets a werkgebied's review, reports and months until faded (embedded database, real Chromium)",
  () => {
    const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
    const imports = new ImportDriver(app);
    const dialog = () => app.page.getByRole('dialog', { name: 'Werkgebieden' });
    const settings = () => app.page.getByRole('form', { name: 'Instellingen van Vlinderwijk' });
    const row = () => dialog().getByTestId('werkgebied-list').getByRole('listitem');

    beforeAll(async () => {
      await imports.openWithDemo(viewports.sharedScreen);
      // The embedded user is the administrator: a werkgebied of the demo's one area.
      await app.page.getByRole('banner').getByRole('button', { name: 'Werkgebieden' }).click();
      await dialog().getByLabel('Naam', { exact: true }).fill('Vlinderwijk');
      await dialog().getByRole('checkbox', { name: 'Vlinderwijk (fictief)', exact: true }).check();
      await dialog().getByRole('button', { name: 'Werkgebied maken' }).click();
      await app.waitForStatus('Werkgebied "Vlinderwijk" is gemaakt.');
    });
    afterAll(async () => {
      await app.close();
    });

    it('refuses months out of range in Dutch, and keeps what was typed', async () => {
      expect(await row().textContent()).toContain('vaag na 12 maanden');
      await dialog().getByRole('button', { name: 'Instellingen van Vlinderwijk' }).click();
      const months = settings().getByLabel('Na hoeveel maanden zonder "bestaat nog" ziet een plek er vaag uit? (1 tot 120)');
      await months.fill('200');
      await settings().getByRole('button', { name: 'Opslaan' }).click();
      expect(await settings().getByRole('alert').textContent()).toBe('Kies een heel getal van 1 tot 120 maanden.');
      expect(await months.inputValue()).toBe('200');
      await app.screenshotAtBothSizes('werkgebied-settings-1-refused');
      expect(await app.wcagViolations()).toEqual([]);
    });

    it('saves the months and review first, which stay after a reload', async () => {
      await settings().getByLabel('Na hoeveel maanden zonder "bestaat nog" ziet een plek er vaag uit? (1 tot 120)').fill('6');
      await settings().getByLabel('Na hoeveel meldingen gaat een plek van de kaart tot iemand kijkt? (1 tot 100)').fill('2');
      await settings().getByLabel('Eerst controleren').check();
      await settings().getByRole('button', { name: 'Opslaan' }).click();
      await app.waitForStatus('De instellingen van "Vlinderwijk" zijn opgeslagen.');
      await row().filter({ hasText: 'Eerst controleren · vaag na 6 maanden' }).waitFor();
      await app.reload();
      await app.page.getByRole('banner').getByRole('button', { name: 'Werkgebieden' }).click();
      await row().filter({ hasText: 'Eerst controleren · vaag na 6 maanden' }).waitFor();
      await dialog().getByRole('button', { name: 'Instellingen van Vlinderwijk' }).click();
      expect(
        await settings().getByLabel('Na hoeveel meldingen gaat een plek van de kaart tot iemand kijkt? (1 tot 100)').inputValue(),
      ).toBe('2');
      expect(app.pageErrors).toEqual([]);
    });
  },
);
