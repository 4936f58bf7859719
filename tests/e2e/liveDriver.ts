import type { createEmbeddedBackend } from '../../src/backend/embedded/createEmbeddedBackend';
import { runAsAnotherTab } from './anotherTab';
import type { AppBrowser } from './browser';

interface LiveMessage {
  event: string;
  payload: Record<string, unknown>;
}

type EmbeddedBackendModule = { createEmbeddedBackend: typeof createEmbeddedBackend };

/** What subscribe() leaves in the page: the messages each topic received. */
type ProbeWindow = Window & { wijkkrachtLiveProbe?: Record<string, LiveMessage[]> };

/**
 * Live messages between tabs of the embedded app. No screen shows them yet, so
 * this driver reaches them through what the app ships. To listen, it starts the
 * built app's own embedded backend once more in the tab (the lazily loaded
 * createEmbeddedBackend module) and subscribes through `backend.live`. To send,
 * it joins the database as one more tab would, by PGlite's multi-tab protocol,
 * and runs `pg_notify` there: what the database's `realtime.send` does.
 */
export class LiveDriver {
  constructor(private readonly app: AppBrowser) {}

  async subscribe(topics: string[]): Promise<void> {
    await this.app.page.evaluate(async (names) => {
      const moduleUrl = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .find((name) => /\/assets\/createEmbeddedBackend-[^/]*\.js$/.test(name));
      if (!moduleUrl) throw new Error('the app did not load its embedded backend module');
      // Written as text: vitest rewrites an import() in a test file, and this function runs in the page.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<EmbeddedBackendModule>;
      const backend = await (await load(moduleUrl)).createEmbeddedBackend();
      const received: Record<string, LiveMessage[]> = {};
      for (const topic of names) {
        const messages: LiveMessage[] = (received[topic] = []);
        backend.live?.subscribe(topic, (message) => messages.push(message));
      }
      (window as ProbeWindow).wijkkrachtLiveProbe = received;
    }, topics);
  }

  /** Waits until a topic has received `count` messages, then returns what each topic received. */
  async receivedOnce(topic: string, count: number): Promise<Record<string, LiveMessage[]>> {
    await this.app.page.waitForFunction(
      ({ name, atLeast }) => ((window as ProbeWindow).wijkkrachtLiveProbe?.[name]?.length ?? 0) >= atLeast,
      { name: topic, atLeast: count },
      { timeout: 60_000 },
    );
    return this.app.page.evaluate(() => (window as ProbeWindow).wijkkrachtLiveProbe ?? {});
  }

  async notify(message: { topic: string } & LiveMessage): Promise<void> {
    await runAsAnotherTab(this.app, [`select pg_notify('wijkkracht_realtime', '${JSON.stringify(message).replaceAll("'", "''")}')`]);
  }
}
