import type { AppBrowser } from './browser';

/** In the planner: one werkgebied at a time, and werkgebieden side by side ("Vergelijk werkgebieden"). */
export class WerkgebiedComparisonDriver {
  constructor(private readonly app: AppBrowser) {}

  async chooseWerkgebied(name: string): Promise<void> {
    await this.app.step(`choose werkgebied "${name}"`, () =>
      this.app.page.getByLabel('Werkgebied', { exact: true }).selectOption({ label: name }, { timeout: 60_000 }),
    );
  }

  async startComparing(): Promise<void> {
    const page = this.app.page;
    const control = page
      .getByRole('button', { name: 'Vergelijk werkgebieden' })
      .or(page.getByRole('checkbox', { name: 'Vergelijk werkgebieden' }))
      .or(page.locator('summary', { hasText: 'Vergelijk werkgebieden' }));
    await this.app.step('open "Vergelijk werkgebieden"', () => control.first().click({ timeout: 60_000 }));
  }

  async tick(name: string): Promise<void> {
    await this.app.step(`tick "${name}"`, () => this.app.page.getByRole('checkbox', { name, exact: true }).check({ timeout: 60_000 }));
  }

  private get table() {
    return this.app.page.getByRole('heading', { name: 'Vergelijking' }).locator('xpath=following::table[1]');
  }

  /** The comparison table once it has a row for each of these werkgebieden, as text cells per row. */
  async comparison(names: string[]): Promise<string[][]> {
    await this.app.step(`a comparison of ${names.join(' and ')}`, async () => {
      for (const name of names) await this.table.locator('tbody tr').filter({ hasText: name }).waitFor({ timeout: 60_000 });
    });
    return Promise.all((await this.table.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents()));
  }

  /** Scrolls the planner down until the comparison table ends on screen, for a screenshot. */
  async scrollToComparison(): Promise<void> {
    await this.table.evaluate((table) => table.scrollIntoView({ block: 'end' }));
  }
}
