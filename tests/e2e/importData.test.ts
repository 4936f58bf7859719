import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/migrationFiles';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { chromiumAvailable, viewports, WijkkrachtDriver } from './driver';

const skip = requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable());
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', 'import', name);
const leidenBuurten = join(sharedDataDirectory, 'leiden', 'cbs_buurten_leiden_2024_gegeneraliseerd.geojson');
const skipShared = skip || requirementMissing(`Leiden buurten at ${leidenBuurten}`, existsSync(leidenBuurten));

describe.skipIf(skip)('data in and out (embedded database, real Chromium)', () => {
  let driver: WijkkrachtDriver;
  beforeAll(() => {
    driver = new WijkkrachtDriver(inject('appUrl'));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('on a shared screen: the first run offers the fictional demo, which can be exported with its credit', async () => {
    await driver.open(viewports.sharedScreen);
    await driver.waitForText('Welkom bij Wijkkracht');
    await driver.screenshot('import-shared-1-first-run');
    await driver.chooseFirstRunOption('Probeer een voorbeeldwijk');
    await driver.waitForStatus('De voorbeeldwijk staat klaar. Alles daarin is verzonnen.');
    await driver.waitForAttribution('Fictieve voorbeeldgegevens, gemaakt door Wijkkracht');
    await driver.screenshot('import-shared-2-demo-loaded');

    const { fileName, text } = await driver.download('Plekken als GeoJSON (voor GIS)');
    expect(fileName).toMatch(/^wijkkracht-assets-\d{4}-\d{2}-\d{2}\.geojson$/);
    const exported = JSON.parse(text) as { attribution: string[]; features: Array<{ properties: { name: string; source: string } }> };
    expect(exported.features).toHaveLength(12);
    expect(exported.features.every((feature) => feature.properties.name.endsWith('(fictief)'))).toBe(true);
    expect(exported.attribution).toEqual(['Fictieve voorbeeldgegevens, gemaakt door Wijkkracht']);

    const stories = await driver.download('Verhalen als CSV');
    expect(stories.text.split('\r\n')).toHaveLength(1 + 11);
    expect(driver.pageErrors).toEqual([]);
  });

  it('on a phone: a spreadsheet is checked row by row, shown before it is written, and written all at once', async () => {
    await driver.open(viewports.phone);
    await driver.chooseFirstRunOption('Bestanden toevoegen');
    await driver.chooseImportFile(fixture('mixed_rows.csv'));
    expect(await driver.importSummary()).toBe('0 nieuw, 0 bijgewerkt, 0 al zo, 1 overgeslagen, 2 fout');
    expect(await driver.importTable()).toEqual([
      ['4', "<script>alert('x')</script>", 'Bevat HTML of code. Gebruik gewone tekst.'],
      ['5', '', 'Geen naam.'],
      ['6', 'Zusterstad Parijs', 'Ligt buiten Nederland. Klopt dat?'],
    ]);
    expect((await driver.confirmImportButton()).enabled).toBe(false);
    await driver.screenshot('import-phone-1-errors');

    await driver.tickImportChoice('Sla de foute rijen over en voeg de rest toe');
    expect(await driver.importSummary()).toBe('3 nieuw, 0 bijgewerkt, 0 al zo, 1 overgeslagen, 2 fout');
    expect(await driver.confirmImportButton()).toEqual({ label: 'Voeg 3 toe', enabled: true });
    await driver.screenshot('import-phone-2-preview');
    expect(await driver.confirmImport()).toBe('Klaar: 3 toegevoegd, 0 bijgewerkt.');

    // A list under a name of its own; the same list again under that name: nothing new, the rows are there.
    await driver.chooseImportFile(fixture('places.csv'));
    expect(await driver.importSourceName()).toBe('places');
    await driver.setImportSourceName('Lijst welzijn Merenwijk');
    expect(await driver.importSummary()).toBe('4 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
    await driver.confirmImport();
    await driver.chooseImportFile(fixture('places.csv'));
    await driver.setImportSourceName('Lijst welzijn Merenwijk');
    expect(await driver.importSummary()).toBe('0 nieuw, 0 bijgewerkt, 4 al zo, 0 overgeslagen, 0 fout');
    await driver.screenshot('import-phone-3-same-list-again');
    expect(driver.pageErrors).toEqual([]);
  });

  it('refuses a file that is not UTF-8, and says how to fix it', async () => {
    await driver.open(viewports.sharedScreen);
    await driver.startEmpty();
    await driver.openImportDialog();
    await driver.chooseImportFile(fixture('windows1252.csv'));
    expect(await driver.importDialogAlert()).toMatch(/^Het bestand is geen UTF-8 .*Sla het in Excel op als "CSV UTF-8"/);
  });

  it('says so clearly when a municipality cannot be loaded because there is no internet', async () => {
    await driver.open(viewports.phone);
    await driver.cutOffHost('api.pdok.nl');
    await driver.loadMunicipalityOnline('GM0546');
    await driver.waitForText('Geen verbinding met api.pdok.nl. Is er internet? U kunt ook een bestand kiezen.');
  });

  it.skipIf(skipShared)('on a shared screen: the CBS buurten of Leiden, previewed on the map, then imported', async () => {
    await driver.open(viewports.sharedScreen);
    await driver.startEmpty();
    await driver.openImportDialog();
    await driver.chooseImportFile(leidenBuurten);
    expect(await driver.importSummary()).toBe('54 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
    await driver.screenshot('import-shared-3-buurten-preview');
    expect(await driver.confirmImport()).toBe('Klaar: 54 toegevoegd, 0 bijgewerkt.');
    await driver.closePanel('Sluiten');
    await driver.waitForAttribution('CBS en Kadaster (CC BY 4.0)');
    await driver.screenshot('import-shared-4-buurten-on-map');
  });
});
