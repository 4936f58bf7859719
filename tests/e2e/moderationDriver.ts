import type { AppBrowser } from './browser';

/** The review list ("Te controleren"): residents' new places and stories waiting for a facilitator's decision. */
export class ModerationDriver {
  constructor(private readonly app: AppBrowser) {}

  /** What a resident reads after adding a place where a facilitator looks first. */
  async pendingNotice(): Promise<string> {
    const notice = this.app.page.getByText('Bedankt! Je plek is opgeslagen. Een begeleider kijkt ernaar').first();
    await this.app.step('the notice that a facilitator looks first', () => notice.waitFor({ timeout: 60_000 }));
    return (await notice.textContent()) ?? '';
  }

  async openReviewList(): Promise<void> {
    await this.app.step('open "Te controleren"', () =>
      this.app.page
        .getByRole('banner')
        .getByRole('button', { name: /^Te controleren/ })
        .click({ timeout: 60_000 }),
    );
  }

  /**
   * The place itself in the list (headed by its name, level 3), not the story
   * that came with it: that is an item of its own, under the same heading.
   */
  private placeItem(name: string) {
    return this.app.page
      .getByRole('listitem')
      .filter({ has: this.app.page.getByRole('heading', { level: 3, name, exact: true }) })
      .filter({ hasNotText: 'Verhaal over deze plek' });
  }

  async waitForPlace(name: string): Promise<void> {
    await this.app.step(`the place "${name}" in the review list`, () => this.placeItem(name).waitFor({ timeout: 60_000 }));
  }

  /** The names in the review list, as its level-3 headings (a place and its story each have one). */
  async itemNames(): Promise<string[]> {
    return this.app.page.getByRole('heading', { level: 3 }).allTextContents();
  }

  /** Decides on the place ("Goedkeuren" or "Afwijzen") and waits until it has left the list. */
  async decideOnPlace(name: string, decision: 'Goedkeuren' | 'Afwijzen'): Promise<void> {
    await this.waitForPlace(name);
    await this.app.step(`${decision} the place "${name}"`, async () => {
      await this.placeItem(name).getByRole('button', { name: decision, exact: true }).click();
      await this.placeItem(name).waitFor({ state: 'detached', timeout: 60_000 });
    });
  }
}
