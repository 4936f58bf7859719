import type { AppBrowser } from './browser';

/** "Door de tijd" in the planner: taking snapshots, the list, and two dates side by side. */
export class SnapshotDriver {
  constructor(private readonly app: AppBrowser) {}

  private get section() {
    return this.app.page.getByTestId('snapshots');
  }

  async open(): Promise<void> {
    await this.app.step('open "Door de tijd"', () => this.app.page.getByRole('button', { name: 'Door de tijd' }).click());
  }

  /** The list's rows (newest first) once it has `count` of them, as the text of each row's cells. */
  async rows(count: number): Promise<string[][]> {
    const rows = this.section.getByTestId('snapshot-list').locator('tbody tr');
    await this.app.step(`a list of ${count} snapshots`, () => rows.nth(count - 1).waitFor({ timeout: 60_000 }));
    if ((await rows.count()) !== count) throw new Error(`expected ${count} snapshots, the list has ${await rows.count()}`);
    return Promise.all((await rows.all()).map((row) => row.locator('th, td').allTextContents()));
  }

  async take(note: string): Promise<string> {
    await this.section.getByLabel('Notitie (mag leeg blijven)').fill(note);
    await this.section.getByRole('button', { name: 'Momentopname maken' }).click();
    const saved = this.section.getByRole('status');
    await saved.waitFor({ timeout: 60_000 });
    return (await saved.textContent()) ?? '';
  }

  /** Chooses a snapshot by the start of its option's text (its date, then its note). */
  async compare(side: 'Eerste datum' | 'Tweede datum', optionContaining: string): Promise<void> {
    const select = this.section.getByLabel(side);
    const options = await select.locator('option').allTextContents();
    const label = options.find((option) => option.includes(optionContaining));
    if (!label) throw new Error(`no snapshot "${optionContaining}" among ${options.join(' | ')}`);
    await select.selectOption({ label });
  }

  /** The comparison's rows once its whole-werkgebied row says `totalContains`. */
  async comparison(totalContains: string | RegExp): Promise<string[][]> {
    const table = this.section.getByTestId('snapshot-comparison');
    await table.getByTestId('snapshot-comparison-total').filter({ hasText: totalContains }).waitFor({ timeout: 60_000 });
    return Promise.all((await table.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents()));
  }

  async counts(): Promise<string[][]> {
    const table = this.section.getByTestId('snapshot-counts');
    return Promise.all((await table.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents()));
  }

  async scrollTo(testId: 'snapshot-trend' | 'snapshot-comparison'): Promise<void> {
    await this.section.getByTestId(testId).evaluate((element) => element.scrollIntoView({ block: 'end' }));
  }
}
