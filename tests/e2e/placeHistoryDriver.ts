import type { AppBrowser } from './browser';

/** Changing a place one added, its history ("Geschiedenis") and taking a change back ("Ongedaan maken"). */
export class PlaceHistoryDriver {
  constructor(private readonly app: AppBrowser) {}

  private get panel() {
    return this.app.page.locator('section.panel');
  }

  private get history() {
    return this.app.page.locator('details').filter({ has: this.app.page.locator('summary', { hasText: 'Geschiedenis' }) });
  }

  /** Bewerken → a new name → Opslaan; waits until the details show the new name. */
  async rename(newName: string): Promise<void> {
    await this.app.step('rename the place', async () => {
      await this.panel.getByRole('button', { name: 'Bewerken' }).click({ timeout: 60_000 });
      await this.panel.getByLabel('Naam', { exact: true }).fill(newName);
      await this.panel.getByRole('button', { name: 'Opslaan', exact: true }).click();
    });
    await this.waitForName(newName);
  }

  /** Waits until the place's details carry this name as their heading. */
  async waitForName(name: string): Promise<void> {
    await this.app.step(`the details headed "${name}"`, () =>
      this.panel
        .locator('h2')
        .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) })
        .waitFor({ timeout: 60_000 }),
    );
  }

  /** Opens the history and waits until it lists a change that can be taken back. */
  async openHistory(): Promise<void> {
    await this.app.step('open "Geschiedenis"', async () => {
      await this.app.page.locator('summary', { hasText: 'Geschiedenis' }).click({ timeout: 60_000 });
      await this.history.getByRole('button', { name: 'Ongedaan maken' }).first().waitFor({ timeout: 60_000 });
    });
  }

  /** The history as the reader sees it. */
  async historyText(): Promise<string> {
    return this.history.innerText();
  }

  /** "Ongedaan maken" on the history entry that mentions this text (e.g. the name a change gave). */
  async undoChangeMentioning(text: string): Promise<void> {
    await this.app.step(`"Ongedaan maken" on the change to "${text}"`, () =>
      this.history
        .getByText(text)
        .first()
        // The nearest element around that text that holds an undo button: the entry itself.
        .locator(`xpath=ancestor-or-self::*[.//button[contains(normalize-space(.), 'Ongedaan maken')]][1]`)
        .getByRole('button', { name: 'Ongedaan maken' })
        .click({ timeout: 60_000 }),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
