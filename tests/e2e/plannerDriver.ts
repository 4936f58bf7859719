import type { AppBrowser } from './browser';

/** The planner view: figures, the distance slider, target groups, what-if, the per-buurt table and its files. */
export class PlannerDriver {
  constructor(private readonly app: AppBrowser) {}

  async openPlanner(): Promise<void> {
    await this.app.page.getByRole('button', { name: 'Gaten zoeken' }).click();
    await this.app.page.locator('.planner-panel').waitFor();
  }

  /** The planner's figures once they match the current question (not while they are being recomputed). */
  async plannerFigures(): Promise<{ headline: string; detail: string }> {
    const figures = this.app.page.locator('[data-testid=planner-figures]:not(.stale)');
    try {
      await figures.waitFor({ timeout: 60_000 });
    } catch (error) {
      const panel = await this.app.page.locator('.planner-panel').innerText();
      throw new Error(
        `No up-to-date figures. The planner says: ${panel.slice(0, 600)}. Page errors: ${this.app.pageErrors.join(' | ')}. Console: ${this.app.consoleErrors.join(' | ')}`,
        { cause: error },
      );
    }
    const [headline, detail] = await figures.locator('p').allTextContents();
    return { headline: headline ?? '', detail: detail ?? '' };
  }

  /** Moves the distance slider step by step with the arrow keys, as a hand dragging it would. */
  async moveDistanceSlider(steps: number): Promise<void> {
    const slider = this.app.page.getByTestId('distance-slider');
    await slider.focus();
    for (let step = 0; step < Math.abs(steps); step++) await slider.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  }

  /** One step of the slider by keyboard. */
  async pressDistanceKey(key: 'ArrowLeft' | 'ArrowRight'): Promise<void> {
    await this.app.page.getByTestId('distance-slider').press(key);
  }

  /** The figures as they are this moment, without waiting for them to be up to date. */
  async figuresRightNow(): Promise<{ headline: string; upToDate: boolean }> {
    return this.app.page.evaluate(() => {
      const figures = document.querySelector('[data-testid=planner-figures]');
      return {
        headline: figures?.querySelector('p')?.textContent ?? '',
        upToDate: figures !== null && !figures.classList.contains('stale'),
      };
    });
  }

  async distanceShown(): Promise<string> {
    return (await this.app.page.getByTestId('distance-value').textContent()) ?? '';
  }

  async choosePlannerGroup(label: 'Alle inwoners' | '65 jaar en ouder'): Promise<void> {
    await this.app.page.locator('.planner-panel .toggle button').filter({ hasText: label }).click();
  }

  /** "Afstand meten": in a straight line, or on foot along the paths. */
  async measureDistance(label: 'Hemelsbreed' | 'Lopend'): Promise<void> {
    await this.app.page.getByRole('group', { name: 'Afstand meten' }).getByRole('button', { name: label }).click();
  }

  async chooseWalkingPace(label: '4,5 km/u (gewoon)' | '3 km/u (rustig)'): Promise<void> {
    await this.app.page.getByRole('group', { name: 'Tempo' }).getByRole('button', { name: label }).click();
  }

  async choosePlannerTarget(label: string): Promise<void> {
    await this.app.page.getByTestId('target-picker').selectOption({ label });
  }

  /** "Tel plekken die misschien niet meer bestaan niet mee": on, or off again. */
  async leaveOutPlacesPossiblyGone(leaveOut: boolean): Promise<void> {
    await this.app.page.getByRole('checkbox', { name: 'Tel plekken die misschien niet meer bestaan niet mee' }).setChecked(leaveOut);
  }

  async startWhatIf(): Promise<void> {
    await this.app.page.getByTestId('what-if-toggle').check();
  }

  async whatIfGain(): Promise<string> {
    const gain = this.app.page.getByTestId('what-if-gain');
    await gain.waitFor({ timeout: 60_000 });
    await this.app.page.locator('[data-testid=planner-figures]:not(.stale)').waitFor({ timeout: 60_000 });
    return (await gain.textContent()) ?? '';
  }

  /** The per-buurt table, as text cells per row. */
  async buurtTable(): Promise<string[][]> {
    const rows = this.app.page.locator('[data-testid=buurt-table] tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    return Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
  }

  /** Scrolls the planner panel to one of its parts (charts, table), for a screenshot. */
  async scrollPlannerTo(testId: 'coverage-curve' | 'buurt-bars' | 'dimension-radar' | 'buurt-table'): Promise<void> {
    await this.app.page.getByTestId(testId).scrollIntoViewIfNeeded();
  }

  /** Clicks one of the planner's export buttons and returns the file. */
  async downloadFromPlanner(label: string): Promise<{ fileName: string; text: string }> {
    return this.app.downloadByButton(label);
  }
}
