import type { Page } from 'playwright-core';

/** Records the first WebGL draw call, in the page's own clock (ms since navigation); add as an init script. */
export function recordFirstDraw() {
  const marked = window as Window & { firstMapDraw?: number };
  for (const prototype of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays'] as const) {
      const original = prototype[name] as (...args: unknown[]) => void;
      (prototype as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        marked.firstMapDraw ??= performance.now();
        return original.apply(this, args);
      };
    }
  }
}

/** Waits for the page's first draw call and gives its time (ms since navigation). */
export async function firstDraw(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(() => (window as Window & { firstMapDraw?: number }).firstMapDraw, null, {
    polling: 50,
    timeout: timeoutMs,
  });
  return (await handle.jsonValue()) as number;
}
