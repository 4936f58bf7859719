import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AppBrowser } from './browser';
import type { ScreenOffset } from './drawingDriver';
import type { ImportDriver } from './importDriver';

/** Poppler's PDF-to-PNG converter (apt poppler-utils), to look at the printed pages; at a fixed path, as Chromium is. */
const pdfToPngPath = '/usr/bin/pdftoppm';

export function pdfToPngAvailable(): boolean {
  return existsSync(pdfToPngPath);
}

/** A place as a participant adds it; the dimensions by their labels ("Meedoen"), and may be left out. */
export interface PlaceInput {
  category: string;
  name: string;
  story: string;
  dimensions?: string[];
}

export type PhaseLabel = 'Verkennen' | 'Waarderen' | 'Gaten zien' | 'Acties';

/** A werkgebied as an administrator makes it in the "Werkgebieden" dialog: a name and the buurten it is made of. */
export interface WerkgebiedInput {
  name: string;
  buurten: string[];
}

/**
 * A workshop session, from both sides: the facilitator at the shared screen
 * (opening the session, moving through the phases, the summary) and a resident
 * on a phone (joining with the code, adding a place, appreciating, an action).
 * One driver per screen: `new WorkshopDriver(sharedScreen)`, `new WorkshopDriver(phone)`.
 */
export class WorkshopDriver {
  constructor(private readonly app: AppBrowser) {}

  private get page() {
    return this.app.page;
  }

  /** Areas and their population through the import dialog, then a werkgebied of some of the buurten (the embedded user is administrator). */
  async setUpWerkgebied(imports: ImportDriver, files: string[], werkgebied: WerkgebiedInput): Promise<void> {
    await imports.startEmpty();
    for (const file of files) {
      await this.app.step(`import ${basename(file)}`, async () => {
        await imports.openImportDialog();
        await imports.chooseImportFile(file);
        await imports.confirmImport();
        await this.app.closePanel('Sluiten');
      });
    }
    await this.app.step(`make the werkgebied "${werkgebied.name}"`, async () => {
      await this.page.getByRole('banner').getByRole('button', { name: 'Werkgebieden' }).click();
      const dialog = this.page.getByRole('dialog', { name: 'Werkgebieden' });
      await dialog.getByLabel('Naam', { exact: true }).fill(werkgebied.name);
      for (const buurt of werkgebied.buurten) {
        await dialog.getByRole('checkbox', { name: buurt, exact: true }).check();
      }
      await dialog.getByRole('button', { name: 'Werkgebied maken' }).click();
      await this.app.waitForStatus(`Werkgebied "${werkgebied.name}" is gemaakt.`);
      await this.app.closePanel('Sluiten');
    });
  }

  /** The facilitator opens a new session from the top bar; the session screen takes over. */
  async openNewSession(session: { werkgebied: string; title: string }): Promise<void> {
    await this.app.step(`open the session "${session.title}"`, async () => {
      await this.page.getByRole('banner').getByRole('button', { name: 'Workshop' }).click();
      const dialog = this.page.getByRole('dialog', { name: 'Workshop' });
      await dialog.getByLabel('Werkgebied').selectOption({ label: session.werkgebied }, { timeout: 60_000 });
      await dialog.getByLabel('Naam van de bijeenkomst').fill(session.title);
      await dialog.getByRole('button', { name: 'Sessie openen' }).click();
      await this.page.getByTestId('session-phase').waitFor({ timeout: 60_000 });
    });
  }

  /** The code in big letters in the shared screen's corner (what the QR code holds too). */
  async joinCodeShown(): Promise<string> {
    return (await this.page.getByTestId('join-code').textContent())?.trim() ?? '';
  }

  /** The QR code in the shared screen's corner: its size on screen and its image (an SVG data URL). */
  async qrCodeShown(): Promise<{ width: number; source: string }> {
    const image = this.page.getByRole('img', { name: 'QR-code om mee te doen met deze sessie' });
    const box = await image.boundingBox();
    return { width: box?.width ?? 0, source: (await image.getAttribute('src')) ?? '' };
  }

  /** A resident on the join screen: the code is filled in from the link; a first name, then "Meedoen". */
  async joinAs(firstName: string): Promise<void> {
    await this.app.step(`join as ${firstName}`, async () => {
      await this.page.getByLabel('Uw voornaam (mag leeg blijven)').fill(firstName);
      await this.page.getByRole('button', { name: 'Meedoen' }).click();
      await this.page.getByTestId('session-phase').waitFor({ timeout: 60_000 });
    });
  }

  async codeFieldValue(): Promise<string> {
    return this.page.getByLabel('Code', { exact: true }).inputValue();
  }

  async typeJoinCode(code: string): Promise<void> {
    await this.page.getByLabel('Code', { exact: true }).fill(code);
  }

  /** Types a code, presses "Meedoen", and returns what the screen says back (a refusal). */
  async tryToJoinWith(code: string): Promise<string> {
    await this.typeJoinCode(code);
    const alert = this.page.getByRole('alert');
    const previous = (await alert.isVisible()) ? await alert.textContent() : null;
    await this.page.getByRole('button', { name: 'Meedoen' }).click();
    // The answer to this try, not the one before it.
    if (previous) await alert.filter({ hasNotText: previous }).waitFor({ timeout: 30_000 });
    return this.app.alertText();
  }

  async phaseShown(): Promise<string> {
    return (await this.page.getByTestId('session-phase').textContent()) ?? '';
  }

  /** Waits (at most `timeoutMs`) until the screen shows this phase: it follows the facilitator without a reload. */
  async waitForPhase(phase: PhaseLabel, timeoutMs: number): Promise<void> {
    await this.app.step(`the phase "${phase}" on screen within ${timeoutMs} ms`, () =>
      this.page
        .getByTestId('session-phase')
        .filter({ hasText: new RegExp(`^${phase}$`) })
        .waitFor({ timeout: timeoutMs }),
    );
  }

  /** The facilitator presses one of the four phase buttons. */
  async choosePhase(phase: PhaseLabel): Promise<void> {
    await this.app.step(`move to "${phase}"`, async () => {
      await this.page.getByRole('group', { name: 'Ga naar de stap' }).getByRole('button', { name: phase }).click();
      await this.waitForPhase(phase, 10_000);
    });
  }

  async phaseButtonsShown(): Promise<boolean> {
    return this.page.getByRole('group', { name: 'Ga naar de stap' }).isVisible();
  }

  /** "Verkennen" on a phone: a kind from the palette, a tap on the map, why, what it helps with, a name, save. */
  async addPlace(place: PlaceInput): Promise<void> {
    await this.app.step(`add the place "${place.name}"`, async () => {
      await this.fillPlace(place);
      await this.savePlace();
    });
  }

  /** A kind from the palette, a tap on the map's centre, why, what it helps with and a name; not saved yet. */
  async fillPlace(place: PlaceInput): Promise<void> {
    await this.page.getByRole('group', { name: 'Wat wilt u op de kaart zetten?' }).getByRole('button', { name: place.category }).click();
    await this.page.getByText('Tik op de kaart waar het is.').waitFor();
    await this.app.tapMapCentre();
    await this.page.getByLabel('Waarom is dit belangrijk? (mag leeg blijven)').fill(place.story);
    for (const dimension of place.dimensions ?? []) await this.page.getByRole('checkbox', { name: dimension }).check();
    await this.page.getByLabel('Naam (mag leeg blijven)').fill(place.name);
  }

  async savePlace(): Promise<void> {
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
    await this.waitForThanks(30_000);
  }

  /** "Teken een route": the palette makes way for the drawing controls; points are then set on the map (DrawingDriver). */
  async startRoute(): Promise<void> {
    await this.app.step('start drawing a route', async () => {
      await this.page.getByRole('button', { name: 'Teken een route' }).click();
      await this.page.getByText('Tik op de kaart om punten te zetten.').waitFor();
    });
  }

  /** "Klaar" after the points, then why and a name, and save. */
  async finishRoute(route: { name: string; story: string }): Promise<void> {
    await this.app.step(`finish the route "${route.name}"`, async () => {
      await this.page.getByRole('button', { name: 'Klaar' }).click();
      await this.page.getByLabel('Waarom is dit belangrijk? (mag leeg blijven)').fill(route.story);
      await this.page.getByLabel('Naam (mag leeg blijven)').fill(route.name);
      await this.page.getByRole('button', { name: 'Opslaan' }).click();
      await this.page.getByText('Dank u wel!').waitFor({ timeout: 30_000 });
    });
  }

  /**
   * The same without a network: after "Opslaan" the phone says it keeps the
   * place and sends it once the network is back (and shows the offline banner).
   */
  async addPlaceAndKeepIt(place: PlaceInput): Promise<void> {
    await this.app.step(`add the place "${place.name}" without a network`, async () => {
      await this.fillPlace(place);
      await this.page.getByRole('button', { name: 'Opslaan' }).click();
      await this.page.getByText('Bewaard. Het wordt verstuurd zodra er weer verbinding is.').waitFor({ timeout: 30_000 });
      await this.page.getByText('Geen verbinding — wat u invoert wordt bewaard').waitFor();
    });
  }

  /** "Dank u wel!": what was saved has landed. */
  async waitForThanks(timeoutMs: number): Promise<void> {
    await this.app.step(`"Dank u wel!" within ${timeoutMs} ms`, () => this.page.getByText('Dank u wel!').waitFor({ timeout: timeoutMs }));
  }

  /** One of the four live numbers on the shared screen (plekken, verhalen, waarderingen, deelnemers). */
  async countShown(name: 'contributions' | 'stories' | 'appreciations' | 'participants'): Promise<number> {
    return Number(await this.page.getByTestId(`count-${name}`).locator('dd').textContent());
  }

  /** Waits at most `timeoutMs` for a number to reach a value, without reloading. */
  async waitForCount(
    name: 'contributions' | 'stories' | 'appreciations' | 'participants',
    value: number,
    timeoutMs: number,
  ): Promise<void> {
    await this.app.step(`${value} ${name} on screen within ${timeoutMs} ms`, () =>
      this.page
        .getByTestId(`count-${name}`)
        .locator('dd')
        .filter({ hasText: new RegExp(`^${value}$`) })
        .waitFor({ timeout: timeoutMs }),
    );
  }

  /** Waits at most `timeoutMs` for a story in the shared screen's ticker of newest stories. */
  async waitForStoryInTicker(text: string, timeoutMs: number): Promise<void> {
    await this.app.step(`the story "${text}" in the ticker within ${timeoutMs} ms`, () =>
      this.page.getByRole('region', { name: 'Nieuwste verhalen' }).getByText(text).waitFor({ timeout: timeoutMs }),
    );
  }

  /** "Waarderen": pick the place in the list, give a reason, "Ik waardeer dit". */
  async appreciate(placeName: string, reason: string): Promise<void> {
    await this.app.step(`appreciate "${placeName}"`, async () => {
      await this.page.getByRole('button', { name: new RegExp(`^${placeName}`) }).click();
      await this.page.getByLabel('Waarom? (mag leeg blijven)').fill(reason);
      await this.page.getByRole('button', { name: 'Ik waardeer dit' }).click();
      await this.page.getByText('U waardeert dit. Dank u wel!').waitFor({ timeout: 30_000 });
    });
  }

  /** The count beside a place in the "waarderen" list, e.g. "1 waardering". */
  async waitForAppreciationCount(placeName: string, countText: string, timeoutMs: number): Promise<void> {
    await this.app.step(`"${countText}" beside "${placeName}" within ${timeoutMs} ms`, () =>
      this.page
        .getByRole('button', { name: new RegExp(`^${placeName}`) })
        .filter({ hasText: countText })
        .waitFor({ timeout: timeoutMs }),
    );
  }

  /** "Gaten zien": the planner's headline for the session's werkgebied. */
  async gapHeadline(): Promise<string> {
    const headline = this.page.getByTestId('gap-figures').locator('.headline');
    await this.app.step('the gap figures', () => headline.waitFor({ timeout: 60_000 }));
    return (await headline.textContent()) ?? '';
  }

  /** The facilitator's "Voor wie" in "gaten zien": every screen counts for that group. */
  async chooseGapGroup(group: 'Alle inwoners' | '65 jaar en ouder'): Promise<void> {
    await this.app.step(`count for "${group}"`, () =>
      this.page.getByRole('group', { name: 'Voor wie' }).getByRole('button', { name: group }).click(),
    );
  }

  /** The facilitator's "Afstand meten" in "gaten zien": every screen measures that way. */
  async chooseGapMeasure(measure: 'Hemelsbreed' | 'Lopend'): Promise<void> {
    await this.app.step(`measure "${measure}"`, () =>
      this.page.getByRole('group', { name: 'Afstand meten' }).getByRole('button', { name: measure }).click(),
    );
  }

  /** The facilitator's distance in "gaten zien", with how it is measured, e.g. "Afstand: 500 m (hemelsbreed)". */
  async gapDistanceLabel(): Promise<string> {
    return (await this.page.getByTestId('gap-distance').locator('..').textContent()) ?? '';
  }

  /** Waits at most `timeoutMs` until the gap headline reads like this. */
  async waitForGapHeadline(pattern: RegExp, timeoutMs: number): Promise<void> {
    await this.app.step(`a gap headline like ${String(pattern)} within ${timeoutMs} ms`, () =>
      this.page.getByTestId('gap-figures').locator('.headline').filter({ hasText: pattern }).waitFor({ timeout: timeoutMs }),
    );
  }

  /** "Acties": a tap on the map (this many pixels from its centre), what will be done, who takes it up, save. */
  async addAction(action: { body: string; takenUpBy?: string }, at: ScreenOffset = { right: 0, down: 0 }): Promise<void> {
    await this.app.step(`add the action "${action.body}"`, async () => {
      await this.fillAction(action, at);
      await this.saveAction(action.body);
    });
  }

  /** The tap and the words of an action; not saved yet. */
  async fillAction(action: { body: string; takenUpBy?: string }, at: ScreenOffset): Promise<void> {
    await this.page.getByText('Tik op de kaart waar de actie over gaat.').waitFor();
    await this.app.clickMapOffset(at.right, at.down);
    await this.page.getByLabel('Wat gaan we doen?').fill(action.body);
    if (action.takenUpBy) await this.page.getByLabel('Wie pakt het op? (mag leeg blijven)').fill(action.takenUpBy);
  }

  /** What the action form holds, e.g. after a reload. */
  async actionForm(): Promise<{ body: string; takenUpBy: string }> {
    return {
      body: await this.page.getByLabel('Wat gaan we doen?').inputValue(),
      takenUpBy: await this.page.getByLabel('Wie pakt het op? (mag leeg blijven)').inputValue(),
    };
  }

  async saveAction(body: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Actie opslaan' }).click();
    await this.page.getByTestId('action-list').getByText(body).waitFor({ timeout: 30_000 });
  }

  /** The facilitator fills in who takes up an action that nobody took yet. */
  async setWhoTakesUp(body: string, who: string): Promise<void> {
    await this.app.step(`"${who}" takes up "${body}"`, async () => {
      const item = this.page.getByTestId('action-list').getByRole('listitem').filter({ hasText: body });
      await item.getByLabel('Wie pakt het op?').fill(who);
      await item.getByRole('button', { name: 'Opslaan' }).click();
      await item.getByText(`Pakt het op: ${who}`).waitFor({ timeout: 30_000 });
    });
  }

  async waitForAction(text: string, timeoutMs: number): Promise<void> {
    await this.app.step(`the action "${text}" within ${timeoutMs} ms`, () =>
      this.page.getByTestId('action-list').getByText(text).waitFor({ timeout: timeoutMs }),
    );
  }

  async openSummary(): Promise<void> {
    await this.app.step('open the summary', async () => {
      await this.page.getByRole('link', { name: 'Verslag' }).click();
      await this.page.getByRole('button', { name: 'Afdrukken' }).waitFor({ timeout: 60_000 });
    });
  }

  /** A section of the summary (by its heading) as text. */
  async summarySection(heading: string): Promise<string> {
    const section = this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: heading, exact: true }) });
    await section.waitFor({ timeout: 30_000 });
    return ((await section.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits at most `timeoutMs` until a section of the summary holds this text: it follows the session without a reload. */
  async waitForSummaryText(heading: string, text: string, timeoutMs: number): Promise<void> {
    const section = this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 2, name: heading, exact: true }) });
    await this.app.step(`"${text}" in the summary's "${heading}" within ${timeoutMs} ms`, () =>
      section.getByText(text).waitFor({ timeout: timeoutMs }),
    );
  }

  /**
   * "Afdrukken" (the print dialog closed at once), then the page as the
   * printer gets it, each A4 page as a PNG beside the screenshots (pdftoppm).
   * What the button does before the dialog (a picture of the map in place of
   * the WebGL canvas, which a print would show blank) is what is checked here.
   */
  async printSummary(name: string): Promise<{ pages: string[]; printDialogs: number }> {
    return this.app.step('print the summary', async () => {
      await this.app.closePrintDialogsAtOnce();
      await this.page.getByRole('button', { name: 'Afdrukken' }).click();
      // On screen the picture is hidden (the live map shows); it takes the map's place in print.
      await this.page
        .getByRole('img', { name: 'Kaart met wat er is toegevoegd', includeHidden: true })
        .waitFor({ state: 'attached', timeout: 30_000 });
      const pdf = await this.app.printToPdf(name);
      execFileSync(pdfToPngPath, ['-png', '-r', '60', pdf, join(dirname(pdf), name)]);
      const pages = readdirSync(dirname(pdf))
        .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
        .sort()
        .map((file) => join(dirname(pdf), file));
      return { pages, printDialogs: await this.app.printDialogsOpened() };
    });
  }
}
