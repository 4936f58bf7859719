import type { AppBrowser } from './browser';

/** A point of a shape, in pixels right of and below the centre of the map. */
export interface ScreenOffset {
  right: number;
  down: number;
}

export interface DrawnShape {
  kind: 'route' | 'area';
  geometry: { type: 'LineString'; coordinates: number[][] } | { type: 'Polygon'; coordinates: number[][][] };
}

/** Drawing a walking route or an area: choose it, set points with the mouse or a finger, undo, finish. */
export class DrawingDriver {
  constructor(private readonly app: AppBrowser) {}

  /** In the "Voeg een plek toe" banner: what to add. */
  async choose(kind: 'Plek' | 'Wandelroute' | 'Gebied'): Promise<void> {
    await this.app.page.getByRole('button', { name: kind, exact: true }).click();
    if (kind !== 'Plek') await this.app.page.getByText('Tik op de kaart om punten te zetten.').waitFor();
  }

  /** Clicks a point with the mouse and waits until it is counted. */
  async clickPoint(point: ScreenOffset, pointsAfter: number): Promise<void> {
    await this.app.clickMapOffset(point.right, point.down);
    await this.waitForPoints(pointsAfter);
  }

  /** Taps a point with a finger and waits until it is counted. */
  async tapPoint(point: ScreenOffset, pointsAfter: number): Promise<void> {
    await this.app.touchMapOffset(point.right, point.down);
    await this.waitForPoints(pointsAfter);
  }

  async undoLastPoint(pointsAfter: number): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Laatste punt weg' }).click();
    await this.waitForPoints(pointsAfter);
  }

  /** "Klaar": the shape's form opens. */
  async finish(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Klaar' }).click();
    await this.app.page.getByLabel('Naam van de plek').waitFor();
  }

  async canFinish(): Promise<boolean> {
    return this.app.page.getByRole('button', { name: 'Klaar' }).isEnabled();
  }

  async canUndo(): Promise<boolean> {
    return this.app.page.getByRole('button', { name: 'Laatste punt weg' }).isEnabled();
  }

  /** What the drawing says about its points, e.g. "2 punten gezet Zet nog een punt, of tik op Klaar." */
  async pointsText(): Promise<string> {
    return (await this.app.page.locator('.draw-shape-count').textContent()) ?? '';
  }

  async formTitle(): Promise<string> {
    return (await this.app.page.locator('form.panel h2').textContent()) ?? '';
  }

  /** The drawn shape waiting for its form, as the app keeps it (null: none). */
  async drawnShape(): Promise<DrawnShape | null> {
    const stored = await this.app.storedItem('wijkkracht.shapeDraft');
    return stored === null ? null : (JSON.parse(stored) as DrawnShape);
  }

  private async waitForPoints(count: number): Promise<void> {
    const text = count === 1 ? '1 punt gezet' : `${count} punten gezet`;
    await this.app.step(`wait until the drawing counts ${text}`, () =>
      this.app.page.locator('.draw-shape-count').filter({ hasText: text }).waitFor({ timeout: 10_000 }),
    );
  }
}
