import type { AppBrowser } from './browser';

/** What the map shows beneath the places, in the middle of the view. */
export interface MapMiddle {
  /** Pure white pixels: the streets of the stored basemap (and the halos of its labels). */
  white: number;
  /** Near-black pixels: only label text is drawn that dark (street names, buurt and place names). */
  text: number;
}

const isWhite = (red: number, green: number, blue: number) => red === 255 && green === 255 && blue === 255;
const isText = (red: number, green: number, blue: number) => Math.max(red, green, blue) < 80;

/** The background map: its notice, its "Kaart" button and panel, and what the map then draws. */
export class BasemapDriver {
  constructor(private readonly app: AppBrowser) {}

  private get panel() {
    return this.app.page.getByRole('dialog', { name: 'Achtergrondkaart' });
  }

  async noticeText(): Promise<string> {
    const notice = this.app.page.locator('.map-notice').first();
    await notice.waitFor({ timeout: 30_000 });
    return ((await notice.textContent()) ?? '').trim();
  }

  /** The notice's own button, shown when there is no internet and no map file. */
  async openFromNotice(): Promise<void> {
    await this.app.page.locator('.map-notice').getByRole('button', { name: 'Kaartbestand laden' }).click();
    await this.panel.waitFor();
  }

  async openPanel(): Promise<void> {
    if (await this.panel.isVisible()) return;
    await this.app.page.getByRole('button', { name: 'Achtergrondkaart' }).click();
    await this.panel.waitFor();
  }

  /** Which of the background map's controls lie over the map now. */
  async controlsShown(): Promise<{ kaartButton: boolean; noticeButton: boolean; panel: boolean }> {
    const page = this.app.page;
    return {
      kaartButton: await page.getByRole('button', { name: 'Achtergrondkaart' }).isVisible(),
      noticeButton: await page.locator('.map-notice').getByRole('button', { name: 'Kaartbestand laden' }).isVisible(),
      panel: await this.panel.isVisible(),
    };
  }

  async closePanel(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Sluiten' }).click();
  }

  /** Picks a file in the panel and waits until it is kept or refused; returns what the panel then says about it. */
  async chooseFile(path: string): Promise<string> {
    await this.openPanel();
    await this.panel.getByLabel('Kaartbestand kiezen (.pmtiles)').setInputFiles(path);
    const outcome = this.panel
      .getByText(/^Op dit apparaat: /)
      .or(this.panel.getByRole('alert'))
      .first();
    await outcome.waitFor({ timeout: 60_000 });
    return ((await outcome.textContent()) ?? '').trim();
  }

  async removeFile(): Promise<void> {
    await this.openPanel();
    await this.panel.getByRole('button', { name: 'Kaartbestand verwijderen' }).click();
    await this.panel.getByText('Er staat nog geen kaartbestand op dit apparaat.').waitFor();
  }

  /** Moves the map as a shared link would (`#kaart=zoom/lat/lon`, MapLibre's hash). */
  async lookAt(zoom: number, lat: number, lon: number): Promise<void> {
    await this.app.page.evaluate((hash) => (location.hash = hash), `#kaart=${zoom}/${lat}/${lon}`);
  }

  /** Where the map looks, from the URL (`#kaart=zoom/lat/lon`). */
  async mapCentre(): Promise<{ lon: number; lat: number }> {
    const hash = await this.app.page.evaluate(() => location.hash);
    const [, lat, lon] = /kaart=[\d.]+\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash) ?? [];
    return { lon: Number(lon), lat: Number(lat) };
  }

  async mapMiddle(): Promise<MapMiddle> {
    const middle: MapMiddle = { white: 0, text: 0 };
    for (const [colour, count] of await this.app.mapMiddleColours()) {
      const value = Number.parseInt(colour, 16);
      const [red, green, blue] = [value >> 16, (value >> 8) & 255, value & 255];
      if (isWhite(red, green, blue)) middle.white += count;
      if (isText(red, green, blue)) middle.text += count;
    }
    return middle;
  }

  /** Waits (tiles load, fonts load, labels fade in) until the map's middle passes `enough`, and returns it; else fails saying what the page showed. */
  async waitForMapMiddle(what: string, enough: (middle: MapMiddle) => boolean, timeout = 45_000): Promise<MapMiddle> {
    const deadline = Date.now() + timeout;
    let middle = await this.mapMiddle();
    while (!enough(middle)) {
      if (Date.now() > deadline)
        throw await this.app.failure(`${what}: the map's middle has ${middle.white} white and ${middle.text} dark pixels`);
      await this.app.page.waitForTimeout(1_000);
      middle = await this.mapMiddle();
    }
    return middle;
  }
}
