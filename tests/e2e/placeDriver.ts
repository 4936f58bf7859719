import type { AppBrowser } from './browser';

export interface PlaceInput {
  name: string;
  category: string;
  dimensions: string[];
  story: string;
  authorName?: string;
}

/** Adding a place by tapping the map, and reading its details back. */
export class PlaceDriver {
  constructor(private readonly app: AppBrowser) {}

  async startAddingPlace(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Voeg een plek toe' }).click();
    await this.app.page.getByText('Tik op de kaart waar de plek is.').waitFor();
  }

  async fillPlace(place: PlaceInput): Promise<void> {
    await this.app.page.getByLabel('Naam van de plek').fill(place.name);
    await this.app.page.getByLabel('Wat voor plek is het?').selectOption({ label: place.category });
    for (const dimension of place.dimensions) {
      await this.app.page.getByRole('checkbox', { name: dimension }).check();
    }
    await this.app.page.getByLabel('Waarom is deze plek belangrijk?').fill(place.story);
    if (place.authorName) await this.app.page.getByLabel('Uw naam (mag leeg blijven)').fill(place.authorName);
  }

  async save(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  /** Taps the map's centre until a place's details open (it may still be rendering). */
  async openPlaceAtMapCentre(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await this.app.tapMapCentre();
      if (await this.app.page.getByRole('heading', { name: 'Waarom deze plek belangrijk is' }).isVisible()) return;
      await this.app.page.waitForTimeout(500);
    }
    throw new Error('no place opened at the centre of the map');
  }

  /** The open place's name; `timeout` for a save that first waits for the database to start (another tab took it over). */
  async detailsHeading({ timeout = 30_000 } = {}): Promise<string> {
    const heading = this.app.page.locator('section.panel h2');
    await heading.filter({ hasNotText: 'Even laden' }).waitFor({ timeout });
    return (await heading.textContent()) ?? '';
  }

  async storyTexts(): Promise<string[]> {
    return this.app.page.locator('.stories blockquote').allTextContents();
  }
}
