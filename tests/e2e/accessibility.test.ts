import { afterAll, describe, expect, inject, it } from 'vitest';
import { requirementMissing } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlaceDriver } from './placeDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());

describe.skipIf(skip)('no WCAG 2.1 A/AA violations that axe-core finds (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  const places = new PlaceDriver(app);
  afterAll(async () => {
    await app.close();
  });

  const violations = () => app.wcagViolations();

  describe.each([
    ['phone', viewports.phone],
    ['shared screen', viewports.sharedScreen],
  ] as const)('on a %s', (_name, viewport) => {
    it('the first-run screen', async () => {
      await app.open(viewport);
      await app.page.getByRole('button', { name: 'Probeer een voorbeeldwijk' }).waitFor({ timeout: 60_000 });
      expect(await violations()).toEqual([]);
    });

    it('the map with places, the legend and filter, and the search', async () => {
      await imports.chooseFirstRunOption('Probeer een voorbeeldwijk');
      await app.waitForStatus('De voorbeeldwijk staat klaar. Alles daarin is verzonnen.');
      expect(await violations()).toEqual([]);
      await app.page.getByRole('button', { name: 'Legenda en filter' }).click();
      expect(await violations()).toEqual([]);
      await app.page.getByRole('button', { name: 'Sluiten' }).click();
      await app.page.getByRole('button', { name: 'Zoek een plek' }).click();
      // Without internet, so no real PDOK answers; its note (after the pause in typing) is scanned too.
      await app.cutOffInternet();
      await app.page.getByLabel('Adres, straat, buurt, wijk of plek').fill('vlinder');
      await app.page.getByText('Adressen zoeken lukt nu niet', { exact: false }).waitFor();
      expect(await violations()).toEqual([]);
    });

    it("a place's details, and the form to add one", async () => {
      await app.page.getByRole('button', { name: 'Sportclub VV De Vlinders (fictief)' }).click();
      await places.detailsHeading();
      expect(await violations()).toEqual([]);
      await app.closePanel('Sluiten');
      await places.startAddingPlace();
      await app.step('tap the map to add', () => app.tapMapCentre());
      await app.step('the form', () => app.page.getByLabel('Wat voor plek is het?').waitFor({ timeout: 5000 }));
      await app.page.getByLabel('Wat voor plek is het?').selectOption({ label: 'Cirkel met sleutelfiguur' });
      expect(await violations()).toEqual([]);
    });

    it('the list of places, and the form that asks where the place is', async () => {
      await app.page.getByRole('button', { name: 'Annuleren' }).click();
      await app.page.getByRole('button', { name: 'Lijst van plekken' }).click();
      // The first place in the list, chosen (whichever places the view holds).
      await app.page.locator('.place-list-place').first().click();
      expect(await violations()).toEqual([]);
      await app.page.getByRole('button', { name: 'Voeg een plek toe' }).last().click();
      await app.page.getByLabel('Kies een buurt').waitFor();
      expect(await violations()).toEqual([]);
    });

    it('"Wat is er in de buurt?" with its answer', async () => {
      await app.page.getByRole('button', { name: 'Annuleren' }).click();
      await app.page.getByRole('button', { name: 'Wat is er in de buurt?' }).click();
      await app.tapMapCentre();
      await app.page.locator('[data-testid=nearby-result]:not(.stale) .headline').waitFor();
      expect(await violations()).toEqual([]);
      await app.closePanel('Sluiten');
    });

    // The screens behind the top bar, each opened from a fresh start of the page.
    it.each(['Gegevens toevoegen', 'Gegevens downloaden', 'Delen', 'Gaten zoeken', 'Te controleren', 'Werkgebieden', 'Workshop'])(
      'the screen behind "%s"',
      async (button) => {
        await app.reload();
        await app.page.getByRole('banner').getByRole('button', { name: button }).click();
        await app.page.locator('section.panel, [role="dialog"]').first().waitFor();
        // What loads when first asked for (lazyScreens.tsx) has a moment to settle.
        await app.page.waitForLoadState('networkidle');
        expect(await violations()).toEqual([]);
      },
    );
  });
});
