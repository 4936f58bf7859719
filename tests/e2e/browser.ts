/**
 * The generic browser helper, and the only file that imports Playwright at run
 * time: it starts Debian's Chromium (never a downloaded browser), opens the app,
 * collects page errors, takes screenshots, catches downloads and runs axe-core. The feature
 * drivers beside it (importDriver, placeDriver, plannerDriver) speak the user's
 * language on top of it; specs talk to those.
 */
import AxeBuilder from '@axe-core/playwright';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { projectRoot } from '../support/migrationFiles';

export const chromiumPath = '/usr/bin/chromium';
const screenshotDirectory = join(projectRoot, 'test-output', 'screenshots');

export const viewports = {
  phone: { width: 390, height: 844 },
  sharedScreen: { width: 1920, height: 1080 },
} as const;

export const chromiumFlags = [
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

/** The app's own code (src/startApp.tsx's chunk), which the page's entry loads after the map's first frame. */
const appCodeFiles = /\/assets\/startApp-[^/]*\.js$/;

/** The app marks the page once its database answers (useBackend.ts); the map is there before that. */
const databaseReady = 'html[data-database="ready"]';

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

/**
 * A browser profile in which the app has started once, so its embedded database
 * exists and is migrated. Made once per run (appServerGlobalSetup): each test then
 * starts from a copy, a returning visitor with an empty map, instead of waiting
 * for PGlite to create and migrate a database in every test. The first visit
 * itself is exercised here, and fails the run if the app does not start.
 */
export async function prepareStartedProfile(appUrl: string): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'wijkkracht-profile-'));
  const context = await chromium.launchPersistentContext(directory, { executablePath: chromiumPath, args: chromiumFlags, locale: 'nl-NL' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    // The map screen is there at once; the database is ready when the page says so, the first run screen once it is known to be empty.
    await page.locator(databaseReady).waitFor({ state: 'attached', timeout: 240_000 });
    await page.getByText('Welkom bij Wijkkracht').waitFor({ timeout: 120_000 });
  } catch (error) {
    await context.close();
    rmSync(directory, { recursive: true, force: true });
    throw new Error('The app did not start in a fresh browser profile', { cause: error });
  }
  await context.close();
  return directory;
}

/**
 * One Chromium for the fresh profiles of openFresh(): several people at once
 * are several contexts (each its own storage), not several browsers.
 */
let freshProfileChromium: { browser: Promise<Browser>; contexts: number } | null = null;

async function openFreshContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  freshProfileChromium ??= { browser: chromium.launch({ executablePath: chromiumPath, args: chromiumFlags }), contexts: 0 };
  const shared = freshProfileChromium;
  shared.contexts++;
  try {
    return await (await shared.browser).newContext(options);
  } catch (error) {
    await releaseFreshContext(null);
    throw error;
  }
}

async function releaseFreshContext(context: BrowserContext | null): Promise<void> {
  await context?.close();
  const shared = freshProfileChromium;
  if (!shared || --shared.contexts > 0) return;
  freshProfileChromium = null;
  await (await shared.browser.catch(() => null))?.close();
}

export interface FreshProfileOptions {
  /** Put in localStorage before the app's first script runs, e.g. a session supabase-js should find. */
  localStorage?: Record<string, string>;
  /** Appended to the app's URL, e.g. `#kaart=16/52.17/4.5` to open the map there, or `?bekijk=<id>` for a shared map. */
  hash?: string;
}

export class AppBrowser {
  private context: BrowserContext | null = null;
  private contextIsFresh = false;
  /** Made by openAnotherTab(): the browser belongs to the AppBrowser that opened this tab. */
  private isTabOfAnother = false;
  private currentPage: Page | null = null;
  private profileCopy: string | null = null;
  readonly pageErrors: string[] = [];
  /** Console errors, for diagnosis only (the basemap's tile failures are expected offline). */
  readonly consoleErrors: string[] = [];
  /** Every URL the page asked for, in order (e.g. to see which font files the app served). */
  readonly requestedUrls: string[] = [];
  /** What the page asked of hosts other than the app's after cutOffInternet(); none of it reached them. */
  readonly cutOffRequests: string[] = [];
  /** Each open() starts from a copy of `startedProfile` (prepareStartedProfile); null only where Chromium is missing and the specs skip. */
  constructor(
    private readonly appUrl: string,
    private readonly startedProfile: string | null,
  ) {}

  get page(): Page {
    if (!this.currentPage) throw new Error('open() the app first');
    return this.currentPage;
  }

  /** A fresh browser profile of its own: no data, nothing left from an earlier test. */
  async open(viewport: { width: number; height: number }): Promise<void> {
    await this.openStartedProfile(viewport);
    await this.startPage(this.appUrl);
  }

  /**
   * As open(), but the database's files (PGlite's wasm and data, the PostGIS
   * bundle) are held back until `release()`, as on a slow line: what the app
   * shows before its database can answer. Returns once the page has loaded.
   */
  async openWithDatabaseHeld(viewport: { width: number; height: number }): Promise<{ release(): void }> {
    return this.openWithFilesHeld(viewport, /\/assets\/(pglite|postgis|initdb)[^/]*$/);
  }

  /**
   * As open(), but the app's own code (src/startApp.tsx and what it loads: React, the screens) is
   * held back until `release()`: what the page shows from its entry alone. Returns once the page has loaded.
   * The internet is cut off from the start (cutOffInternet), so PDOK's tiles fail before the app is there.
   */
  async openWithAppHeld(viewport: { width: number; height: number }): Promise<{ release(): void }> {
    return this.openWithFilesHeld(viewport, appCodeFiles, { withoutInternet: true });
  }

  /**
   * As open(), but every request for the app's own code (src/startApp.tsx's chunk) fails, as on a
   * line that drops halfway; `allow()` lets the next requests through.
   */
  async openWithAppCodeFailing(viewport: { width: number; height: number }): Promise<{ allow(): Promise<void> }> {
    await this.openWithRoute(viewport, appCodeFiles, (route) => route.abort('internetdisconnected'));
    return { allow: () => this.context!.unroute(appCodeFiles) };
  }

  private async openWithFilesHeld(
    viewport: { width: number; height: number },
    files: RegExp,
    options: { withoutInternet?: boolean } = {},
  ): Promise<{ release(): void }> {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      await released;
      await route.continue();
    };
    await this.openWithRoute(viewport, files, hold, options);
    return { release };
  }

  /** As open(), with `files` answered by `handle` from the first request on. */
  private async openWithRoute(
    viewport: { width: number; height: number },
    files: RegExp,
    handle: (route: Route) => Promise<void>,
    { withoutInternet = false } = {},
  ): Promise<void> {
    await this.openStartedProfile(viewport);
    await this.context!.route(files, handle);
    this.currentPage = this.context!.pages()[0] ?? (await this.context!.newPage());
    this.collectErrors(this.currentPage);
    if (withoutInternet) await this.cutOffInternet();
    await this.currentPage.goto(this.appUrl);
  }

  /**
   * Closes the whole browser at once, as when a tablet's lid is shut or the
   * app is swiped away (no waiting for anything the page still does), then
   * starts it again on the same profile, as the same person coming back.
   */
  async closeBrowserAndReopen(viewport: { width: number; height: number }): Promise<void> {
    if (!this.context || !this.profileCopy) throw new Error('open() the app first');
    await this.context.close();
    this.context = await chromium.launchPersistentContext(this.profileCopy, {
      executablePath: chromiumPath,
      args: chromiumFlags,
      viewport,
      locale: 'nl-NL',
    });
    await this.startPage(this.appUrl);
  }

  private async openStartedProfile(viewport: { width: number; height: number }): Promise<void> {
    await this.closeContext();
    // A test that starts the app afresh answers for its own page's errors only.
    this.pageErrors.length = 0;
    this.consoleErrors.length = 0;
    this.requestedUrls.length = 0;
    this.cutOffRequests.length = 0;
    if (!this.startedProfile) throw new Error('No started browser profile: tests/e2e/appServerGlobalSetup.ts makes one');
    this.profileCopy = mkdtempSync(join(tmpdir(), 'wijkkracht-profile-copy-'));
    cpSync(this.startedProfile, this.profileCopy, { recursive: true });
    this.context = await chromium.launchPersistentContext(this.profileCopy, {
      executablePath: chromiumPath,
      args: chromiumFlags,
      viewport,
      locale: 'nl-NL',
    });
  }

  /**
   * An empty profile without the started embedded database: for the app in
   * shared (Supabase) mode, where a first visit creates nothing in the browser
   * but a sign-in. Each AppBrowser is one person (its own storage and session).
   */
  async openFresh(viewport: { width: number; height: number }, options: FreshProfileOptions = {}): Promise<void> {
    await this.closeContext();
    this.pageErrors.length = 0;
    this.consoleErrors.length = 0;
    this.context = await openFreshContext({ viewport, locale: 'nl-NL' });
    this.contextIsFresh = true;
    if (options.localStorage) {
      await this.context.addInitScript((items: Record<string, string>) => {
        // Only where nothing is stored yet: what the app itself stored later (a refreshed session) stays.
        for (const [key, value] of Object.entries(items)) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      }, options.localStorage);
    }
    await this.startPage(new URL(options.hash ?? '', this.appUrl).toString());
  }

  /**
   * Another tab of the same browser, at this tab's address (its map view
   * included): the same profile, so the same embedded database. Its close()
   * closes that tab only; the browser closes with this AppBrowser.
   */
  async openAnotherTab(): Promise<AppBrowser> {
    if (!this.context) throw new Error('open() the app first');
    const tab = new AppBrowser(this.appUrl, null);
    tab.context = this.context;
    tab.isTabOfAnother = true;
    await tab.startPage(this.page.url(), { newTab: true });
    return tab;
  }

  /**
   * Another tab of the same browser at the app's address with `hash` (e.g.
   * `#meedoen=ACK4DF`), at a size of its own: the same profile, so the same
   * embedded database. Ready once the app has left its start screen, whatever
   * it shows then (a join screen has no map).
   */
  async openAnotherTabAt(hash: string, viewport: { width: number; height: number }): Promise<AppBrowser> {
    if (!this.context) throw new Error('open() the app first');
    const tab = new AppBrowser(this.appUrl, null);
    tab.context = this.context;
    tab.isTabOfAnother = true;
    await tab.startPageAt(await this.context.newPage(), hash, viewport);
    return tab;
  }

  /**
   * As openFresh(), opening the app at `hash` on a screen that has no map (the
   * join screen, `#meedoen=CODE`): ready once the app has left its start screen.
   */
  async openFreshAt(hash: string, viewport: { width: number; height: number }): Promise<void> {
    await this.closeContext();
    this.pageErrors.length = 0;
    this.consoleErrors.length = 0;
    this.context = await openFreshContext({ viewport, locale: 'nl-NL' });
    this.contextIsFresh = true;
    await this.startPageAt(this.context.pages()[0] ?? (await this.context.newPage()), hash, viewport);
  }

  /** The page's uncaught errors, its console errors for diagnosis (a failed resource is expected offline), and what it asked for. */
  private collectErrors(page: Page): void {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('request', (request) => this.requestedUrls.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.consoleErrors.push(message.text().slice(0, 300));
      }
    });
  }

  /** Opens the app at `hash` in this page, collecting its errors, and waits until it has started (whatever screen it shows). */
  private async startPageAt(page: Page, hash: string, viewport: { width: number; height: number }): Promise<void> {
    this.currentPage = page;
    this.collectErrors(page);
    await page.setViewportSize(viewport);
    await page.goto(new URL(hash, this.appUrl).toString());
    await this.step('the app leaves its start screen', () => this.waitUntilStarted());
  }

  /** The database is ready and the app shows a screen of its own (not the start screen), whichever. */
  async waitUntilStarted(): Promise<void> {
    await this.page.locator(databaseReady).waitFor({ state: 'attached', timeout: 120_000 });
    await this.page.locator('#root > :not(.start-screen)').first().waitFor({ timeout: 120_000 });
  }

  /**
   * window.print() as a print dialog the user closes at once: headless
   * Chromium opens no dialog but starts a print job that never ends (and then
   * refuses printToPdf). Counts the calls, for printDialogsOpened().
   */
  async closePrintDialogsAtOnce(): Promise<void> {
    await this.page.evaluate(() => {
      const counted = window as Window & { printDialogsOpened?: number };
      counted.printDialogsOpened = 0;
      window.print = () => {
        counted.printDialogsOpened = (counted.printDialogsOpened ?? 0) + 1;
      };
    });
  }

  async printDialogsOpened(): Promise<number> {
    return this.page.evaluate(() => (window as Window & { printDialogsOpened?: number }).printDialogsOpened ?? 0);
  }

  /** The page as a printer gets it (A4, its print stylesheet, backgrounds), as a PDF beside the screenshots. */
  async printToPdf(name: string): Promise<string> {
    mkdirSync(screenshotDirectory, { recursive: true });
    const path = join(screenshotDirectory, `${name}.pdf`);
    await this.page.pdf({ path, format: 'A4', printBackground: true });
    return path;
  }

  /** The network goes away (or comes back) for this browser, as on a venue's Wi-Fi; the page hears 'offline' / 'online'. */
  async setOffline(offline: boolean): Promise<void> {
    await this.page.context().setOffline(offline);
  }

  /**
   * The next request to this path (e.g. `/rest/v1/rpc/add_asset`) reaches the
   * server, but its answer is lost on the way back, as when the Wi-Fi drops
   * just then. Resolves once that trap is set; the request after it goes
   * through as usual.
   */
  async loseNextAnswerFrom(path: string): Promise<void> {
    await this.page.route(
      (url) => url.pathname === path,
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
  }

  /** Closes this tab only, as a person closing it would (no beforeunload); the browser and its other tabs stay. */
  async closeTab(): Promise<void> {
    await this.currentPage?.close();
    this.currentPage = null;
  }

  private async startPage(url: string, { newTab = false } = {}): Promise<void> {
    if (!this.context) throw new Error('no browser context');
    this.currentPage = (newTab ? undefined : this.context.pages()[0]) ?? (await this.context.newPage());
    this.collectErrors(this.currentPage);
    await this.page.goto(url);
    await this.waitUntilReady();
  }

  private async closeContext(): Promise<void> {
    if (this.contextIsFresh) await releaseFreshContext(this.context);
    else await this.context?.close();
    this.context = null;
    this.contextIsFresh = false;
    if (this.profileCopy) rmSync(this.profileCopy, { recursive: true, force: true });
    this.profileCopy = null;
  }

  async close(): Promise<void> {
    if (this.isTabOfAnother) await this.closeTab();
    else await this.closeContext();
  }

  async waitUntilReady(): Promise<void> {
    try {
      await this.page.locator(databaseReady).waitFor({ state: 'attached', timeout: 120_000 });
      // A screen's top bar (the app's, a workshop's), or (a map embedded in another website has none) the map area React put there.
      await this.page.getByRole('banner').or(this.page.locator('.share-embed .map-area')).first().waitFor({ timeout: 120_000 });
      await this.page.locator('.map canvas').waitFor({ timeout: 30_000 });
    } catch (error) {
      const shot = await this.screenshot('failed-to-start');
      const text = (await this.page.locator('body').innerText()).slice(0, 500);
      throw new Error(
        `The app did not start. Page says: ${text}. Screenshot: ${shot}. Page errors: ${this.pageErrors.join(' | ')}. Console: ${this.consoleErrors.join(' | ')}`,
        {
          cause: error,
        },
      );
    }
  }

  /** An error that says what the page showed when something did not happen: its text, a screenshot, its errors. */
  async failure(what: string, cause?: unknown): Promise<Error> {
    const shot = await this.screenshot(`failed-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => 'none');
    const text = (
      await this.page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 800);
    return new Error(
      `${what}. Page says: ${text}. Screenshot: ${shot}. Page errors: ${this.pageErrors.join(' | ')}. Console: ${this.consoleErrors.join(' | ')}`,
      { cause },
    );
  }

  /** Runs a step; if it fails, the error says what the page showed (see failure()). */
  async step<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw await this.failure(what, error);
    }
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /**
   * Waits until the app's service worker controls this page and has stored
   * everything it precaches (its install ends only then): from here on the
   * app opens without network.
   */
  async waitForOfflineReady(): Promise<void> {
    // Synchronous on purpose: waitForFunction takes the promise an async predicate returns as a true value at once.
    await this.page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
      polling: 250,
      timeout: 240_000,
    });
  }

  /**
   * No network at all, as on a venue without Wi-Fi: the page hears 'offline',
   * and every request that would leave the browser, the app's own server
   * included, fails. What the service worker answers from its cache still
   * arrives (such requests never reach the network).
   */
  async cutOffNetwork(): Promise<void> {
    const context = this.page.context();
    await context.setOffline(true);
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
  }

  /** Makes a host unreachable, as when there is no internet. */
  async cutOffHost(host: string): Promise<void> {
    await this.page.context().route(`https://${host}/**`, (route) => route.abort('internetdisconnected'));
  }

  /**
   * Answers for an internet service, served by the test instead of the service
   * (e.g. PDOK's recorded answers): `answer` gives the JSON text for a URL, or
   * null to fail that request. Wins over cutOffInternet() (Playwright tries the
   * routes added last first).
   */
  async answerFor(urlPrefix: string, answer: (url: URL) => string | null): Promise<void> {
    await this.page.context().route(
      (url) => url.href.startsWith(urlPrefix),
      (route) => {
        const body = answer(new URL(route.request().url()));
        if (body === null) return route.abort('failed');
        return route.fulfill({ status: 200, contentType: 'application/json', body, headers: { 'access-control-allow-origin': '*' } });
      },
    );
  }

  /** No internet at all: every request to a host other than the app's fails (and is listed in cutOffRequests). */
  async cutOffInternet(): Promise<void> {
    const appOrigin = new URL(this.appUrl).origin;
    await this.page.context().route(
      (url) => url.origin !== appOrigin,
      (route) => {
        this.cutOffRequests.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
  }

  /**
   * The colours of the map's middle (the centre half of its width and height, clear of the buttons
   * and notices at its edges) from a screenshot, counted in the page: `rrggbb` → number of pixels.
   */
  async mapMiddleColours(): Promise<Map<string, number>> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map is not visible');
    // The map alone: the white buttons over it (on a phone the fifth reaches into the middle) are not the map.
    const withoutButtons =
      '.basemap-button, .filter-button, .search-button, .list-button, .nearby-button { visibility: hidden !important; }';
    return this.screenColours(
      { x: box.x + box.width / 4, y: box.y + box.height / 4, width: box.width / 2, height: box.height / 2 },
      withoutButtons,
    );
  }

  /** The colours of a screenshot of the page (or of `clip` on it), counted in the page: `rrggbb` → number of pixels. */
  async screenColours(clip?: { x: number; y: number; width: number; height: number }, style?: string): Promise<Map<string, number>> {
    const png = (await this.page.screenshot({ clip, style })).toString('base64');
    const counts = await this.page.evaluate(async (base64) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const histogram: Record<string, number> = {};
      for (let index = 0; index < data.length; index += 4) {
        const colour = ((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!).toString(16).padStart(6, '0');
        histogram[colour] = (histogram[colour] ?? 0) + 1;
      }
      return histogram;
    }, png);
    return new Map(Object.entries(counts));
  }

  async closePanel(label: 'Sluiten' | 'Annuleren'): Promise<void> {
    // By accessible name: a close button may show only "×" with the word as its label.
    await this.page.locator('section.panel .panel-header').getByRole('button', { name: label, exact: true }).click();
  }

  async downloadByButton(label: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: label }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async waitForStatus(text: string): Promise<void> {
    await this.page.locator('.status-toast').filter({ hasText: text }).waitFor({ timeout: 60_000 });
  }

  /** What the app says of its database: 'starting', 'ready' or 'failed' (useBackend.ts marks the page). */
  async databaseStatus(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.database);
  }

  async waitForText(text: string): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout: 60_000 });
  }

  async tapMapCentre(): Promise<void> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map is not visible');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Where the map looks, from the URL (`#kaart=zoom/lat/lon`, MapLibre's hash). */
  async mapView(): Promise<{ zoom: number; lat: number; lon: number }> {
    const hash = await this.page.evaluate(() => location.hash);
    const view = /kaart=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
    if (!view) throw new Error(`the URL does not say where the map looks: ${hash}`);
    const [zoom, lat, lon] = view.slice(1).map(Number) as [number, number, number];
    return { zoom, lat, lon };
  }

  /** Moves the map by its address (MapLibre's hash), and waits until it is there. */
  async showMapAt(zoom: number, lat: number, lon: number): Promise<void> {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, `kaart=${zoom}/${lat}/${lon}`);
    await this.page.waitForFunction((wanted) => location.hash.includes(wanted), `kaart=${zoom}/`);
  }

  /**
   * Taps the map where a longitude and latitude are, worked out from the view
   * in the URL (`#kaart=zoom/lat/lon`, MapLibre's hash; the centre of the map
   * element) with Web Mercator on 512-pixel tiles, as MapLibre draws it.
   * False, and no click, when that spot is outside the map element.
   */
  async tapMapAt(lon: number, lat: number): Promise<boolean> {
    const { zoom, lat: centreLat, lon: centreLon } = await this.mapView();
    const worldSize = 512 * 2 ** zoom;
    const x = (longitude: number) => ((longitude + 180) / 360) * worldSize;
    const y = (latitude: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2) * worldSize;
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map is not visible');
    const point = { x: box.x + box.width / 2 + x(lon) - x(centreLon), y: box.y + box.height / 2 + y(lat) - y(centreLat) };
    // A spot out of view (the map just shrank for a panel) is not clicked: the click would land on the page around it.
    if (point.x < box.x || point.x > box.x + box.width || point.y < box.y || point.y > box.y + box.height) return false;
    await this.page.mouse.click(point.x, point.y);
    return true;
  }

  /**
   * As open(), on a touch screen (`hasTouch`): for touchMapOffset(). open() is left as it is, so this
   * repeats its few lines with the one option more.
   */
  async openWithTouch(viewport: { width: number; height: number }): Promise<void> {
    await this.closeContext();
    this.pageErrors.length = 0;
    this.consoleErrors.length = 0;
    if (!this.startedProfile) throw new Error('No started browser profile: tests/e2e/appServerGlobalSetup.ts makes one');
    this.profileCopy = mkdtempSync(join(tmpdir(), 'wijkkracht-profile-copy-'));
    cpSync(this.startedProfile, this.profileCopy, { recursive: true });
    const options = { executablePath: chromiumPath, args: chromiumFlags, viewport, locale: 'nl-NL', hasTouch: true };
    this.context = await chromium.launchPersistentContext(this.profileCopy, options);
    await this.startPage(this.appUrl);
  }

  /** Clicks the map with the mouse, this many pixels right of and below its centre. */
  async clickMapOffset(right: number, down: number): Promise<void> {
    const { x, y } = await this.mapPointAtOffset(right, down);
    await this.page.mouse.click(x, y);
  }

  /** Taps the map with a finger (a page opened with openWithTouch), this many pixels right of and below its centre. */
  async touchMapOffset(right: number, down: number): Promise<void> {
    const { x, y } = await this.mapPointAtOffset(right, down);
    await this.page.touchscreen.tap(x, y);
  }

  private async mapPointAtOffset(right: number, down: number): Promise<{ x: number; y: number }> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('the map is not visible');
    return { x: box.x + box.width / 2 + right, y: box.y + box.height / 2 + down };
  }

  /** Lets the page handle what just happened and paint it, twice over: after this, a tap that would open something has. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** What the app keeps in localStorage under this key (null: nothing). */
  async storedItem(key: string): Promise<string | null> {
    return this.page.evaluate((name) => localStorage.getItem(name), key);
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

  async textVisible(text: string): Promise<boolean> {
    return this.page.getByText(text, { exact: true }).isVisible();
  }

  async switchLanguage(code: 'NL' | 'EN'): Promise<void> {
    await this.page.getByRole('button', { name: code, exact: true }).click();
  }

  /**
   * The same screen at the other size too: `<name>-phone.png` and `<name>-shared-screen.png`;
   * `arrange` runs after each resize (e.g. to scroll a panel to what the picture is about). The page keeps its size.
   */
  async screenshotAtBothSizes(name: string, arrange?: () => Promise<void>): Promise<string[]> {
    const original = this.page.viewportSize();
    const paths: string[] = [];
    for (const [size, viewport] of [
      ['phone', viewports.phone],
      ['shared-screen', viewports.sharedScreen],
    ] as const) {
      await this.page.setViewportSize(viewport);
      await arrange?.();
      paths.push(await this.screenshot(`${name}-${size}`));
    }
    if (original) await this.page.setViewportSize(original);
    return paths;
  }

  /** What axe-core finds against WCAG 2.1 A and AA on the page as it is now, as "rule: the elements" so a failure says what to mend. */
  async wcagViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDirectory, { recursive: true });
    const path = join(screenshotDirectory, `${name}.png`);
    await this.page.waitForTimeout(400); // let the map finish its frame
    await this.page.screenshot({ path });
    return path;
  }
}
