import { embeddedStoreName } from '../../src/backend/embedded/embeddedStore';
import type { AppBrowser } from './browser';

/**
 * Joins the embedded database from a page as more tabs would, by PGlite's
 * multi-tab protocol, as the database's owner (no role, no RLS): for what no
 * screen does (a notification, a tab that leaves mid-call) and for setting up
 * many rows at once.
 */
type Scenario =
  /** Runs statements one message each, in the transaction lock, then leaves. */
  | { name: 'run'; statements: string[] }
  /**
   * A tab leaves while its call waits behind another tab's query lock; then the
   * lock is freed and the leader answers the tab that has gone. (The leader then
   * keeps the query lock for the tab that left: PGlite frees a tab's locks only
   * when it leaves. Only the raw protocol, as `run` uses, still goes through.)
   */
  | { name: 'leave while waiting' };

const inPage = ({ storeName, scenario }: { storeName: string; scenario: Scenario }): Promise<void> => {
  /** One more tab, connected to the leader. */
  const joinTab = async () => {
    // PGlite's worker serves a tab while the tab holds this lock, and answers on the tab's channel.
    const tabId = crypto.randomUUID();
    const closeLock = `pglite-tab-close:${tabId}`;
    let releaseCloseLock = () => {};
    await new Promise<void>((held) => {
      void navigator.locks.request(
        closeLock,
        () =>
          new Promise<void>((release) => {
            releaseCloseLock = release;
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
    const leave = () => {
      tab.close();
      leader.close();
      releaseCloseLock();
    };
    /** The leader has closed its channel to this tab: it then holds the tab's lock itself, with nothing waiting for it. */
    const leaderLetGo = async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return held.some((lock) => lock.name === closeLock) && !pending.some((lock) => lock.name === closeLock);
    };
    return { send, call, leave, leaderLetGo };
  };

  // PostgreSQL's simple-query message: 'Q', its length, the SQL text, a zero byte.
  const queryMessage = (sql: string) => {
    const text = new TextEncoder().encode(`${sql}\0`);
    const query = new Uint8Array(5 + text.length);
    query[0] = 'Q'.charCodeAt(0);
    new DataView(query.buffer).setInt32(1, 4 + text.length);
    query.set(text, 5);
    return query;
  };

  const run = async (statements: string[]) => {
    const tab = await joinTab();
    await tab.call('_acquireTransactionLock');
    try {
      for (const sql of statements) await tab.call('execProtocolStream', queryMessage(sql));
    } finally {
      await tab.call('_releaseTransactionLock');
      tab.leave();
    }
  };

  const leaveWhileWaiting = async () => {
    const holder = await joinTab();
    await holder.call('_acquireQueryLock');
    const leaving = await joinTab();
    leaving.send(crypto.randomUUID(), '_acquireQueryLock');
    // The leader takes a tab's calls in order and answers this one at once: it has the waiting call.
    await leaving.call('getDebugLevel');
    leaving.leave();
    while (!(await leaving.leaderLetGo())) await new Promise((resolve) => setTimeout(resolve, 20));
    await holder.call('_releaseQueryLock');
    holder.leave();
  };

  return scenario.name === 'run' ? run(scenario.statements) : leaveWhileWaiting();
};

export async function runAsAnotherTab(app: AppBrowser, statements: string[]): Promise<void> {
  await app.page.evaluate(inPage, { storeName: embeddedStoreName, scenario: { name: 'run', statements } satisfies Scenario });
}

/** As a phone that reloads while its call waits in the database (see Scenario). */
export async function leaveWhileWaiting(app: AppBrowser): Promise<void> {
  await app.page.evaluate(inPage, { storeName: embeddedStoreName, scenario: { name: 'leave while waiting' } satisfies Scenario });
}
