/**
 * The only file that imports Playwright. Specs speak the user's language
 * ("add a place", "open the place at the map's centre"), the driver knows
 * the browser. Uses Debian's Chromium; never downloads a browser.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../support/migrationFiles';

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDirectory = join(projectRoot, 'test-output', 'screenshots');

export const viewports = {
  phone: { width: 390, height: 844 },
  sharedScreen: { width: 1920, height: 1080 },
} as const;

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGL (MapLibre) on the software rasteriser, as there is no GPU.
  '--enable-unsafe-swiftshader',
];

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

export interface PlaceInput {
  name: string;
  category: string;
  dimensions: string[];
  story: string;
  authorName?: string;
}

export class WijkkrachtDriver {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;
  private currentPage: Page | null = null;
  readonly pageErrors: string[] = [];
  /** Console errors, for diagnosis only (the basemap's tile failures are expected offline). */
  readonly consoleErrors: string[] = [];

  constructor(private readonly appUrl: string) {}

  private get page(): Page {
    if (!this.currentPage) throw new Error('open() the app first');
    return this.currentPage;
  }

  /** A fresh browser profile: empty IndexedDB, so a first visit. */
  async open(viewport: { width: number; height: number }): Promise<void> {
    this.browser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
    await this.context?.close();
    this.context = await this.browser.newContext({ viewport, locale: 'nl-NL' });
    this.currentPage = await this.context.newPage();
    this.currentPage.on('pageerror', (error) => this.pageErrors.push(error.message));
    this.currentPage.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.consoleErrors.push(message.text().slice(0, 300));
      }
    });
    await this.page.goto(this.appUrl);
    await this.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
  }

  async waitUntilReady(): Promise<void> {
    try {
      await this.page.getByRole('banner').waitFor({ timeout: 120_000 });
      await this.page.locator('.map canvas').waitFor({ timeout: 30_000 });
    } catch (error) {
      const shot = await this.screenshot('failed-to-start');
      const text = (await this.page.locator('body').innerText()).slice(0, 500);
      throw new Error(`The app did not start. Page says: ${text}. Screenshot: ${shot}. Page errors: ${this.pageErrors.join(' | ')}. Console: ${this.consoleErrors.join(' | ')}`, {
        cause: error,
      });
    }
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /** The first-run screen of an empty map: start without data. */
  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: 'Leeg beginnen' }).click({ timeout: 60_000 });
  }

  async chooseFirstRunOption(label: 'Probeer een voorbeeldwijk' | 'Bestanden toevoegen'): Promise<void> {
    await this.page.getByRole('button', { name: label }).click({ timeout: 60_000 });
  }

  async loadMunicipalityOnline(code: string): Promise<void> {
    await this.page.getByLabel('Gemeentecode').fill(code, { timeout: 60_000 });
    await this.page.getByRole('button', { name: 'Ophalen' }).click();
  }

  /** Makes a host unreachable, as when there is no internet. */
  async cutOffHost(host: string): Promise<void> {
    await this.page.context().route(`https://${host}/**`, (route) => route.abort('internetdisconnected'));
  }

  async openImportDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gegevens toevoegen' }).click();
  }

  /** Picks a file in the import dialog without waiting for the result. */
  async startImportFile(path: string): Promise<void> {
    await this.page.locator('.import-dialog input[type=file]').setInputFiles(path);
  }

  /** The progress line of the import dialog, e.g. "Nagaan wat er verandert… 40%". */
  async importProgressText(): Promise<string> {
    const progress = this.page.locator('.import-dialog .import-progress');
    await progress.filter({ hasText: '%' }).waitFor({ timeout: 60_000 });
    return (await progress.textContent()) ?? '';
  }

  /** Picks a file in the import dialog and waits until its preview (or its refusal) is shown. */
  async chooseImportFile(path: string): Promise<void> {
    await this.startImportFile(path);
    await this.page.locator('.import-dialog .import-summary, .import-dialog [role=alert]').first().waitFor({ timeout: 60_000 });
    await this.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** Renames the list (the source re-imports match on) and waits for the new preview. */
  async setImportSourceName(name: string): Promise<void> {
    const field = this.page.getByLabel('Naam van deze lijst');
    await field.fill(name);
    await field.blur();
    await this.page.locator('.import-dialog .import-summary').waitFor();
    await this.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async importSourceName(): Promise<string> {
    return this.page.getByLabel('Naam van deze lijst').inputValue();
  }

  async importSummary(): Promise<string> {
    return (await this.page.getByTestId('import-summary').textContent()) ?? '';
  }

  /** The preview table as [row, name, what happens] lines. */
  async importTable(): Promise<string[][]> {
    return this.page
      .locator('.import-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }

  async importDialogAlert(): Promise<string> {
    return (await this.page.locator('.import-dialog [role=alert]').textContent()) ?? '';
  }

  async tickImportChoice(label: string): Promise<void> {
    await this.page.getByLabel(label).check();
    await this.page.locator('.import-dialog .import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async confirmImportButton(): Promise<{ label: string; enabled: boolean }> {
    const button = this.page.locator('.import-preview button.primary');
    return { label: (await button.textContent()) ?? '', enabled: await button.isEnabled() };
  }

  async confirmImport(): Promise<string> {
    await this.page.locator('.import-preview button.primary').click();
    const done = this.page.locator('.import-done');
    await done.waitFor({ timeout: 60_000 });
    return (await done.textContent()) ?? '';
  }

  async closePanel(label: 'Sluiten' | 'Annuleren'): Promise<void> {
    await this.page.locator('section.panel .panel-header button').filter({ hasText: label }).click();
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async download(label: string): Promise<{ fileName: string; text: string }> {
    await this.page.getByRole('button', { name: 'Gegevens downloaden' }).click();
    return this.downloadByButton(label);
  }

  private async downloadByButton(label: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: label }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Waits until the map's attribution credits this source (it follows the data a moment later). */
  async waitForAttribution(credit: string): Promise<void> {
    await this.page.locator('.maplibregl-ctrl-attrib-inner').filter({ hasText: credit }).waitFor({ state: 'attached', timeout: 30_000 });
  }

  async waitForStatus(text: string): Promise<void> {
    await this.page.locator('.status-toast').filter({ hasText: text }).waitFor({ timeout: 60_000 });
  }

  async waitForText(text: string): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout: 60_000 });
  }

  async startAddingPlace(): Promise<void> {
    await this.page.getByRole('button', { name: 'Voeg een plek toe' }).click();
    await this.page.getByText('Tik op de kaart waar de plek is.').waitFor();
  }

  async tapMapCentre(): Promise<void> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map is not visible');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async fillPlace(place: PlaceInput): Promise<void> {
    await this.page.getByLabel('Naam van de plek').fill(place.name);
    await this.page.getByLabel('Wat voor plek is het?').selectOption({ label: place.category });
    for (const dimension of place.dimensions) {
      await this.page.getByRole('checkbox', { name: dimension }).check();
    }
    await this.page.getByLabel('Waarom is deze plek belangrijk?').fill(place.story);
    if (place.authorName) await this.page.getByLabel('Uw naam (mag leeg blijven)').fill(place.authorName);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  async alertText(): Promise<string> {
    const alert = this.page.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  async fieldValue(label: string): Promise<string> {
    return this.page.getByLabel(label).inputValue();
  }

  async statusText(): Promise<string> {
    return (await this.page.locator('.status-toast').textContent()) ?? '';
  }

  /** Taps the map's centre until a place's details open (it may still be rendering). */
  async openPlaceAtMapCentre(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await this.tapMapCentre();
      if (await this.page.getByRole('heading', { name: 'Waarom deze plek belangrijk is' }).isVisible()) return;
      await this.page.waitForTimeout(500);
    }
    throw new Error('no place opened at the centre of the map');
  }

  async detailsHeading(): Promise<string> {
    const heading = this.page.locator('section.panel h2');
    await heading.filter({ hasNotText: 'Even laden' }).waitFor();
    return (await heading.textContent()) ?? '';
  }

  async storyTexts(): Promise<string[]> {
    return this.page.locator('.stories blockquote').allTextContents();
  }

  async textVisible(text: string): Promise<boolean> {
    return this.page.getByText(text, { exact: true }).isVisible();
  }

  async switchLanguage(code: 'NL' | 'EN'): Promise<void> {
    await this.page.getByRole('button', { name: code, exact: true }).click();
  }

  async openPlanner(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gaten zoeken' }).click();
    await this.page.locator('.planner-panel').waitFor();
  }

  /** The planner's figures once they match the current question (not while they are being recomputed). */
  async plannerFigures(): Promise<{ headline: string; detail: string }> {
    const figures = this.page.locator('[data-testid=planner-figures]:not(.stale)');
    try {
      await figures.waitFor({ timeout: 60_000 });
    } catch (error) {
      const panel = await this.page.locator('.planner-panel').innerText();
      throw new Error(`No up-to-date figures. The planner says: ${panel.slice(0, 600)}. Page errors: ${this.pageErrors.join(' | ')}. Console: ${this.consoleErrors.join(' | ')}`, { cause: error });
    }
    const [headline, detail] = await figures.locator('p').allTextContents();
    return { headline: headline ?? '', detail: detail ?? '' };
  }

  /** Moves the distance slider step by step with the arrow keys, as a hand dragging it would. */
  async moveDistanceSlider(steps: number): Promise<void> {
    const slider = this.page.getByTestId('distance-slider');
    await slider.focus();
    for (let step = 0; step < Math.abs(steps); step++) await slider.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  }

  async distanceShown(): Promise<string> {
    return (await this.page.getByTestId('distance-value').textContent()) ?? '';
  }

  async choosePlannerGroup(label: 'Alle inwoners' | '65 jaar en ouder'): Promise<void> {
    await this.page.locator('.planner-panel .toggle button').filter({ hasText: label }).click();
  }

  async choosePlannerTarget(label: string): Promise<void> {
    await this.page.getByTestId('target-picker').selectOption({ label });
  }

  async startWhatIf(): Promise<void> {
    await this.page.getByTestId('what-if-toggle').check();
  }

  async whatIfGain(): Promise<string> {
    const gain = this.page.getByTestId('what-if-gain');
    await gain.waitFor({ timeout: 60_000 });
    await this.page.locator('[data-testid=planner-figures]:not(.stale)').waitFor({ timeout: 60_000 });
    return (await gain.textContent()) ?? '';
  }

  /** The per-buurt table, as text cells per row. */
  async buurtTable(): Promise<string[][]> {
    const rows = this.page.locator('[data-testid=buurt-table] tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    return Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
  }

  /** Scrolls the planner panel to one of its parts (charts, table), for a screenshot. */
  async scrollPlannerTo(testId: 'coverage-curve' | 'buurt-bars' | 'dimension-radar' | 'buurt-table'): Promise<void> {
    await this.page.getByTestId(testId).scrollIntoViewIfNeeded();
  }

  /** Clicks one of the planner's export buttons and returns the file. */
  async downloadFromPlanner(label: string): Promise<{ fileName: string; text: string }> {
    return this.downloadByButton(label);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDirectory, { recursive: true });
    const path = join(screenshotDirectory, `${name}.png`);
    await this.page.waitForTimeout(400); // let the map finish its frame
    await this.page.screenshot({ path });
    return path;
  }
}
