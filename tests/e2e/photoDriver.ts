import type { AppBrowser } from './browser';

export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A place's photos in its details: choosing one, posting it, and what is shown. */
export class PhotoDriver {
  constructor(private readonly app: AppBrowser) {}

  private get section() {
    return this.app.page.getByRole('region', { name: "Foto's" });
  }

  /** Opens "Foto toevoegen" and chooses a file; resolves when it is made smaller, or refused (then with the message). */
  async choose(file: ChosenFile): Promise<string | null> {
    const addButton = this.section.getByRole('button', { name: 'Foto toevoegen' });
    if (await addButton.isVisible()) await addButton.click();
    await this.section.getByLabel('Kies een foto').setInputFiles(file);
    const ready = this.section.getByText(/Klaar om te plaatsen/);
    const refused = this.section.getByRole('alert');
    await ready.or(refused).first().waitFor();
    return (await refused.isVisible()) ? ((await refused.textContent()) ?? '') : null;
  }

  /** What the form says about the chosen photo once it is made smaller. */
  async readyText(): Promise<string> {
    return (await this.section.getByText(/Klaar om te plaatsen/).textContent()) ?? '';
  }

  async post(caption: string): Promise<void> {
    await this.section.getByLabel(/Wat staat erop/).fill(caption);
    await this.section.getByRole('button', { name: 'Foto plaatsen' }).click();
  }

  /** The photos shown, once their files have loaded: their alternative text and the bytes the page shows. */
  async shownPhotos(count: number): Promise<{ alt: string; bytes: Uint8Array }[]> {
    const images = this.section.locator('img[data-photo-id]');
    await images.nth(count - 1).waitFor();
    const shown = await images.evaluateAll(async (elements) =>
      Promise.all(
        (elements as HTMLImageElement[]).map(async (image) => {
          const bytes = new Uint8Array(await (await fetch(image.src)).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          return { alt: image.alt, base64: btoa(binary) };
        }),
      ),
    );
    return shown.map(({ alt, base64 }) => ({ alt, bytes: new Uint8Array(Buffer.from(base64, 'base64')) }));
  }

  async remove(): Promise<void> {
    await this.section.getByRole('button', { name: 'Foto weghalen' }).first().click();
    await this.section.getByRole('group', { name: 'Foto weghalen' }).getByRole('button', { name: 'Foto weghalen' }).click();
  }
}
