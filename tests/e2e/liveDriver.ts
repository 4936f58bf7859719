import type { createEmbeddedBackend } from '../../src/backend/embedded/createEmbeddedBackend';
import { embeddedStoreName } from '../../src/backend/embedded/embeddedStore';
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
    await this.asAnotherTab(
      [`select pg_notify('wijkkracht_realtime', '${JSON.stringify(message).replaceAll("'", "''")}')`],
      'after the answer',
    );
  }

  /**
   * Joins the database as one more tab, begins a transaction, and closes the
   * tab right after sending its commit, as a phone that reloads in the middle of
   * a call. The leader answers a commit only after writing the store to
   * IndexedDB (leaderDatabase.ts), and learns meanwhile that the tab has gone.
   */
  async leaveWhileCommitting(statement: string): Promise<void> {
    await this.asAnotherTab(['begin', `${statement}; commit`], 'before the last answer');
  }

  /** Joins the database as one more tab would, by PGlite's multi-tab protocol, and runs statements there, one message each. */
  private async asAnotherTab(statements: string[], leave: 'after the answer' | 'before the last answer'): Promise<void> {
    await this.app.page.evaluate(
      async ({ storeName, texts, leaveEarly }) => {
        // PGlite's worker serves a tab while the tab holds this lock, and answers on the tab's channel.
        const tabId = crypto.randomUUID();
        let leaveDatabase = () => {};
        await new Promise<void>((held) => {
          void navigator.locks.request(
            `pglite-tab-close:${tabId}`,
            () =>
              new Promise<void>((release) => {
                leaveDatabase = release;
                held();
              }),
          );
        });
        const tab = new BroadcastChannel(`pglite-tab:${tabId}`);
        const leader = new BroadcastChannel(`pglite-broadcast:${storeName}`);
        await new Promise<void>((connected) => {
          // As PGlite's own tabs do: knock until the leader (perhaps still starting) lets this tab in.
          const knock = setInterval(() => leader.postMessage({ type: 'tab-here', id: tabId }), 50);
          tab.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
            if (event.data.type !== 'connected') return;
            clearInterval(knock);
            connected();
          });
        });
        const send = (callId: string, method: string, ...args: unknown[]) => tab.postMessage({ type: 'rpc-call', callId, method, args });
        const call = (method: string, ...args: unknown[]) =>
          new Promise<void>((resolve, reject) => {
            const callId = crypto.randomUUID();
            const answer = (event: MessageEvent<{ callId: string; type: string; error?: { message: string } }>) => {
              if (event.data.callId !== callId) return;
              tab.removeEventListener('message', answer);
              if (event.data.type === 'rpc-return') resolve();
              else reject(new Error(event.data.error?.message ?? event.data.type));
            };
            tab.addEventListener('message', answer);
            send(callId, method, ...args);
          });
        // PostgreSQL's simple-query message: 'Q', its length, the SQL text, a zero byte.
        const queryMessage = (sql: string) => {
          const text = new TextEncoder().encode(`${sql}\0`);
          const query = new Uint8Array(5 + text.length);
          query[0] = 'Q'.charCodeAt(0);
          new DataView(query.buffer).setInt32(1, 4 + text.length);
          query.set(text, 5);
          return query;
        };
        await call('_acquireTransactionLock');
        try {
          for (const [index, sql] of texts.entries()) {
            // Leaving at once: the leader has the message before it learns the tab has gone
            // (that news takes one more hop, through the browser's lock manager).
            if (leaveEarly && index === texts.length - 1) send(crypto.randomUUID(), 'execProtocolStream', queryMessage(sql));
            else await call('execProtocolStream', queryMessage(sql));
          }
        } finally {
          if (!leaveEarly) await call('_releaseTransactionLock');
          tab.close();
          leader.close();
          // Gone: the leader rolls back and frees what this tab held once it sees the lock released.
          leaveDatabase();
        }
      },
      { storeName: embeddedStoreName, texts: statements, leaveEarly: leave === 'before the last answer' },
    );
  }
}
