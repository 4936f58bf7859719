import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/migrationFiles';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { ImportDriver } from './importDriver';
import { PlannerDriver } from './plannerDriver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', 'import', name);
const leidenBuurten = join(sharedDataDirectory, 'leiden', 'cbs_buurten_leiden_2024_gegeneraliseerd.geojson');
const leidenWijken = join(sharedDataDirectory, 'leiden', 'cbs_wijken_leiden_2022_kwb.geojson');
const skipShared =
  skip || requirementMissing(`Leiden buurten and wijken at ${leidenBuurten}`, existsSync(leidenBuurten) && existsSync(leidenWijken));

describe.skipIf(skip)('data in and out (embedded database, real Chromium)', () => {
  const app = new AppBrowser(inject('appUrl'), inject('startedProfile'));
  const imports = new ImportDriver(app);
  afterAll(async () => {
    await app.close();
  });

  it('on a shared screen: the first run offers the fictional demo, which can be exported with its credit', async () => {
    await app.open(viewports.sharedScreen);
    await app.waitForText('Welkom bij Wijkkracht');
    await app.screenshot('import-shared-1-first-run');
    await imports.chooseFirstRunOption('Probeer een voorbeeldwijk');
    await app.waitForStatus('De voorbeeldwijk staat klaar. Alles daarin is verzonnen.');
    await imports.waitForAttribution('Fictieve voorbeeldgegevens, gemaakt door Wijkkracht');
    await app.screenshot('import-shared-2-demo-loaded');

    const { fileName, text } = await imports.download('Plekken als GeoJSON (voor GIS)');
    expect(fileName).toMatch(/^wijkkracht-assets-\d{4}-\d{2}-\d{2}\.geojson$/);
    const exported = JSON.parse(text) as { attribution: string[]; features: Array<{ properties: { name: string; source: string } }> };
    expect(exported.features).toHaveLength(12);
    expect(exported.features.every((feature) => feature.properties.name.endsWith('(fictief)'))).toBe(true);
    expect(exported.attribution).toEqual(['Fictieve voorbeeldgegevens, gemaakt door Wijkkracht']);

    const stories = await imports.download('Verhalen als CSV');
    expect(stories.text.split('\r\n')).toHaveLength(1 + 11);
    expect(app.pageErrors).toEqual([]);
  });

  // One start-up per screen: on a phone from the first-run screen of an empty map.
  describe('on a phone, from the first-run screen', () => {
    beforeAll(async () => {
      await app.open(viewports.phone);
    });

    it('says so clearly when a municipality cannot be loaded because there is no internet', async () => {
      await app.cutOffHost('api.pdok.nl');
      await imports.loadMunicipalityOnline('GM0546');
      await app.waitForText('Geen verbinding met api.pdok.nl. Is er internet? U kunt ook een bestand kiezen.');
    });

    it('checks a spreadsheet row by row, shows it before it is written, and writes it all at once', async () => {
      await imports.chooseFirstRunOption('Bestanden toevoegen');
      await imports.chooseImportFile(fixture('mixed_rows.csv'));
      expect(await imports.importSummary()).toBe('0 nieuw, 0 bijgewerkt, 0 al zo, 1 overgeslagen, 2 fout');
      expect(await imports.importTable()).toEqual([
        ['4', "<script>alert('x')</script>", 'Bevat HTML of code. Gebruik gewone tekst.'],
        ['5', '', 'Geen naam.'],
        ['6', 'Zusterstad Parijs', 'Ligt buiten Nederland. Klopt dat?'],
      ]);
      expect((await imports.confirmImportButton()).enabled).toBe(false);
      await app.screenshot('import-phone-1-errors');

      await imports.tickImportChoice('Sla de foute rijen over en voeg de rest toe');
      expect(await imports.importSummary()).toBe('3 nieuw, 0 bijgewerkt, 0 al zo, 1 overgeslagen, 2 fout');
      expect(await imports.confirmImportButton()).toEqual({ label: 'Voeg 3 toe', enabled: true });
      await app.screenshot('import-phone-2-preview');
      expect(await imports.confirmImport()).toBe('Klaar: 3 toegevoegd, 0 bijgewerkt.');

      // A list under a name of its own; the same list again under that name: nothing new, the rows are there.
      await imports.chooseImportFile(fixture('places.csv'));
      expect(await imports.importSourceName()).toBe('places');
      await imports.setImportSourceName('Lijst welzijn Merenwijk');
      expect(await imports.importSummary()).toBe('4 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
      await imports.confirmImport();
      await imports.chooseImportFile(fixture('places.csv'));
      await imports.setImportSourceName('Lijst welzijn Merenwijk');
      expect(await imports.importSummary()).toBe('0 nieuw, 0 bijgewerkt, 4 al zo, 0 overgeslagen, 0 fout');
      await app.screenshot('import-phone-3-same-list-again');
      expect(app.pageErrors).toEqual([]);
    });
  });

  // And on a shared screen, importing into an empty map.
  describe('on a shared screen, importing into an empty map', () => {
    beforeAll(async () => {
      await app.open(viewports.sharedScreen);
      await imports.startEmpty();
    });

    it.skipIf(skipShared)('the CBS buurten of Leiden, previewed on the map, then imported', async () => {
      await imports.openImportDialog();
      await imports.chooseImportFile(leidenBuurten);
      expect(await imports.importSummary()).toBe('54 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
      await app.screenshot('import-shared-3-buurten-preview');
      expect(await imports.confirmImport()).toBe('Klaar: 54 toegevoegd, 0 bijgewerkt.');
      await app.closePanel('Sluiten');
      await imports.waitForAttribution('CBS en Kadaster (CC BY 4.0)');
      await app.screenshot('import-shared-4-buurten-on-map');
    });

    it.skipIf(skipShared)('the CBS wijken of Leiden with their key figures: the boundaries and the residents at once', async () => {
      await imports.openImportDialog();
      await imports.chooseImportFile(leidenWijken);
      expect(await app.page.locator('.format-choice select').inputValue()).toBe('cbs-areas-population');
      expect(await imports.importSummary()).toBe('10 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
      expect(await app.page.getByTestId('areas-too').textContent()).toBe(
        'De grenzen van deze 10 gebieden komen ook op de kaart. Grenzen en inwoners komen samen, of allebei niet.',
      );
      expect(await app.page.getByTestId('key-figures-too').textContent()).toBe(
        'Er komen ook 14 soorten cijfers per gebied mee, zoals woningen en inkomen. U kunt ze op de kaart tonen onder "Legenda en filter".',
      );
      // What came in and what lands in the cells, side by side: the same.
      const totals = (await app.page.getByTestId('population-totals').textContent()) ?? '';
      const residents = /^([\d.]+) inwoners/.exec(totals)![1]!;
      expect(await app.page.getByTestId('population-landed').textContent()).toContain(`In de vakken van 100 m: ${residents} inwoners`);
      await app.screenshotAtBothSizes('import-wijken-with-population', () => app.page.getByTestId('areas-too').scrollIntoViewIfNeeded());
      expect(await imports.confirmImport()).toBe('Klaar: 10 toegevoegd, 0 bijgewerkt.');
      await app.closePanel('Sluiten');
    });

    it.skipIf(skipShared)('the same wijken as dwellings: the residents spread again by them, each area keeping its count', async () => {
      await imports.openImportDialog();
      await imports.chooseImportFile(leidenWijken);
      await app.page.locator('.format-choice select').selectOption('population-weights');
      const result = app.page.getByTestId('weights-result');
      await result.waitFor({ timeout: 60_000 });
      expect(await imports.importSummary()).toBe('10 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
      expect(await app.page.getByTestId('weights-total').textContent()).toMatch(
        /^10 punten of vlakken in het bestand, met samen [\d.]+ woningen of gebouwen\.$/,
      );
      const [, cells, before, after] =
        /^Daarna: ([\d.]+) vakken verdeeld naar woningen of gebouwen\. Alle inwoners samen: ([\d.]+) nu, ([\d.]+) daarna\.$/.exec(
          (await result.textContent()) ?? '',
        )!;
      expect(Number(cells!.replace(/\./g, ''))).toBeGreaterThan(1000);
      expect(after).toBe(before);
      await app.screenshotAtBothSizes('import-population-weights', () => result.scrollIntoViewIfNeeded());
      expect(await imports.confirmImport()).toBe('Klaar: 10 toegevoegd, 0 bijgewerkt.');
      expect(await app.page.getByTestId('weights-done').textContent()).toBe(
        `De inwoners zijn opnieuw verdeeld: ${cells} vakken volgen nu de woningen of gebouwen.`,
      );
      await app.closePanel('Sluiten');
      // The planner says which method its figures rest on.
      const planner = new PlannerDriver(app);
      await planner.openPlanner();
      await planner.plannerFigures();
      expect(await app.page.getByTestId('estimated-hint').textContent()).toBe(
        'Een deel van de vakken is geschat: de inwoners van een postcode of buurt zijn over de vakken verdeeld naar de woningen of gebouwen in elk vak. Op de kaart hebben die vakken een stippellijn.',
      );
      await app.screenshotAtBothSizes('planner-estimated-by-dwellings', () =>
        app.page.getByTestId('estimated-hint').scrollIntoViewIfNeeded(),
      );
      await app.closePanel('Sluiten');
    });

    it.skipIf(skipShared)(
      'colours the wijken by a CBS key figure from the same file, with a legend of its classes and source',
      async () => {
        const chooseKeyFigure = async (label: string) => {
          await app.page.getByRole('button', { name: 'Legenda en filter' }).click();
          await app.page.getByLabel('Cijfers van het CBS per wijk of buurt').selectOption({ label });
          await app.page.getByRole('dialog', { name: 'Legenda en filter' }).getByRole('button', { name: 'Sluiten' }).click();
        };
        await chooseKeyFigure('65 jaar en ouder (%)');
        const legend = app.page.getByTestId('key-figure-legend');
        await legend.getByText('65 jaar en ouder (%) per wijk').waitFor();
        // Ten wijken in five classes, from the lowest share to the highest, in percent.
        const classes = await legend.locator('li').allTextContents();
        expect(classes).toHaveLength(5);
        expect(classes[0]).toMatch(/^\d+ % – \d+ %$/);
        expect(await legend.getByText('Bron: CBS (CC BY 4.0)').count()).toBe(1);
        // The map draws the wijken in purples: blue well above green, which neither the map's grey nor its outlines are.
        const purpleShare = async () => {
          let purple = 0;
          let all = 0;
          for (const [hex, count] of await app.mapMiddleColours()) {
            const [r, g, b] = [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
            all += count;
            if (b - g > 20 && r - g > 5) purple += count;
          }
          return purple / all;
        };
        await expect.poll(purpleShare, { timeout: 30_000 }).toBeGreaterThan(0.03);
        // On a phone the legend sits where the open credit line was: the credits fold to their (i) button, which is still there.
        const creditsOverLegend = async () => {
          const [legendBox, creditsBox] = await Promise.all([
            legend.boundingBox(),
            app.page.locator('.maplibregl-ctrl-attrib-inner').boundingBox(),
          ]);
          if (!legendBox) throw new Error('the key figure legend is not on the map');
          // Folded, the credits' text is hidden and has no box.
          if (!creditsBox) return 0;
          const width = Math.min(legendBox.x + legendBox.width, creditsBox.x + creditsBox.width) - Math.max(legendBox.x, creditsBox.x);
          const height = Math.min(legendBox.y + legendBox.height, creditsBox.y + creditsBox.height) - Math.max(legendBox.y, creditsBox.y);
          return Math.max(0, width) * Math.max(0, height);
        };
        await app.screenshotAtBothSizes('key-figure-65plus-per-wijk', async () => {
          if (app.page.viewportSize()!.width > 700) return;
          await expect.poll(creditsOverLegend, { timeout: 10_000 }).toBe(0);
          expect(await app.page.locator('.maplibregl-ctrl-attrib-button').isVisible()).toBe(true);
        });
        // Urbanity is CBS's five classes, named.
        await chooseKeyFigure('Hoe stedelijk');
        await legend.getByText('Hoe stedelijk per wijk').waitFor();
        expect(await legend.locator('li').first().textContent()).toBe('zeer sterk stedelijk');
        await chooseKeyFigure('Niet tonen');
        await legend.waitFor({ state: 'detached' });
        await expect.poll(purpleShare, { timeout: 30_000 }).toBeLessThan(0.01);
        expect(app.pageErrors).toEqual([]);
      },
    );

    it('refuses a file that is not UTF-8, and says how to fix it', async () => {
      await imports.openImportDialog();
      await imports.chooseImportFile(fixture('windows1252.csv'));
      expect(await imports.importDialogAlert()).toMatch(/^Het bestand is geen UTF-8 .*Sla het in Excel op als "CSV UTF-8"/);
    });
  });
});
