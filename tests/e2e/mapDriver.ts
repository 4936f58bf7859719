import type { AppBrowser } from './browser';

export interface Spot {
  lon: number;
  lat: number;
}

/** Tapping places on the map by where they are, as a person who knows the spot would. */
export class MapDriver {
  constructor(private readonly app: AppBrowser) {}

  private get details() {
    return this.app.page.getByRole('heading', { name: 'Waarom deze plek belangrijk is' });
  }

  /** Taps the spot until a place's details open (the map may still be loading or drawing it). */
  async openPlaceAt(spot: Spot): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      // An earlier tap may have opened it after the wait below gave up (a loaded machine).
      if (await this.details.isVisible()) return;
      await this.app.tapMapAt(spot.lon, spot.lat);
      const opened = await this.details.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (opened) return;
    }
    throw await this.app.failure(`no place opened at ${spot.lon}, ${spot.lat}`);
  }

  /** Waits until the map holds `count` places (after the filter): the data-places mark on MapLibre's container (WijkMap). */
  async waitForPlacesOnMap(count: number): Promise<void> {
    await this.app.page.waitForFunction(
      (wanted) => document.querySelector('[data-places]')?.getAttribute('data-places') === String(wanted),
      count,
    );
  }

  /** Taps the spot once; true when no place's details opened (call it once the map has drawn what it knows). */
  async opensNothingAt(spot: Spot): Promise<boolean> {
    if (!(await this.app.tapMapAt(spot.lon, spot.lat))) throw await this.app.failure(`${spot.lon}, ${spot.lat} is not in view`);
    await this.app.settle();
    return !(await this.details.isVisible());
  }
}
