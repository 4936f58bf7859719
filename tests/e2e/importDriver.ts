import type { AppBrowser } from './browser';

/** Data in and out: the first-run screen, the import dialog with its preview, and the export dialog. */
export class ImportDriver {
  constructor(private readonly app: AppBrowser) {}

  /** The first-run screen of an empty map: start without data. */
  async startEmpty(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Leeg beginnen' }).click({ timeout: 60_000 });
  }

  /** Opens the app in a new profile and loads the fictional demo neighbourhood from the first-run screen. */
  async openWithDemo(viewport: { width: number; height: number }): Promise<void> {
    await this.app.open(viewport);
    await this.chooseFirstRunOption('Probeer een voorbeeldwijk');
    await this.app.waitForStatus('De voorbeeldwijk staat klaar. Alles daarin is verzonnen.');
  }

  async chooseFirstRunOption(label: 'Probeer een voorbeeldwijk' | 'Bestanden toevoegen'): Promise<void> {
    await this.app.page.getByRole('button', { name: label }).click({ timeout: 60_000 });
  }

  async loadMunicipalityOnline(code: string): Promise<void> {
    await this.app.page.getByLabel('Gemeentecode').fill(code, { timeout: 60_000 });
    await this.app.page.getByRole('button', { name: 'Ophalen' }).click();
  }

  async openImportDialog(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Gegevens toevoegen' }).click();
  }

  /** Picks a file in the import dialog without waiting for the result. */
  async startImportFile(path: string): Promise<void> {
    await this.app.page.locator('.import-dialog input[type=file]').setInputFiles(path);
  }

  /** The progress line of the import dialog, e.g. "Nagaan wat er verandert… 40%". */
  async importProgressText(): Promise<string> {
    const progress = this.app.page.locator('.import-dialog .import-progress');
    await progress.filter({ hasText: '%' }).waitFor({ timeout: 60_000 });
    return (await progress.textContent()) ?? '';
  }

  /** Picks a file in the import dialog and waits until its preview (or its refusal) is shown. */
  async chooseImportFile(path: string): Promise<void> {
    await this.startImportFile(path);
    await this.app.page.locator('.import-dialog .import-summary, .import-dialog [role=alert]').first().waitFor({ timeout: 60_000 });
    await this.app.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** Renames the list (the source re-imports match on) and waits for the new preview. */
  async setImportSourceName(name: string): Promise<void> {
    const field = this.app.page.getByLabel('Naam van deze lijst');
    await field.fill(name);
    await field.blur();
    await this.app.page.locator('.import-dialog .import-summary').waitFor();
    await this.app.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async importSourceName(): Promise<string> {
    return this.app.page.getByLabel('Naam van deze lijst').inputValue();
  }

  async importSummary(): Promise<string> {
    return (await this.app.page.getByTestId('import-summary').textContent()) ?? '';
  }

  /** The preview table as [row, name, what happens] lines. */
  async importTable(): Promise<string[][]> {
    return this.app.page
      .locator('.import-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }

  async importDialogAlert(): Promise<string> {
    return (await this.app.page.locator('.import-dialog [role=alert]').textContent()) ?? '';
  }

  async tickImportChoice(label: string): Promise<void> {
    await this.app.page.getByLabel(label).check();
    await this.app.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async confirmImportButton(): Promise<{ label: string; enabled: boolean }> {
    const button = this.app.page.locator('.import-preview button.primary');
    return { label: (await button.textContent()) ?? '', enabled: await button.isEnabled() };
  }

  async confirmImport({ timeout = 60_000 } = {}): Promise<string> {
    await this.app.page.locator('.import-preview button.primary').click();
    const done = this.app.page.locator('.import-done');
    await done.waitFor({ timeout });
    return (await done.textContent()) ?? '';
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async download(label: string): Promise<{ fileName: string; text: string }> {
    await this.app.page.getByRole('button', { name: 'Gegevens downloaden' }).click();
    return this.app.downloadByButton(label);
  }

  /** Waits until the map's attribution credits this source (it follows the data a moment later). */
  async waitForAttribution(credit: string): Promise<void> {
    await this.app.page
      .locator('.maplibregl-ctrl-attrib-inner')
      .filter({ hasText: credit })
      .waitFor({ state: 'attached', timeout: 30_000 });
  }
}
