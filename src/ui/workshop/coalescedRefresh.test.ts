import { describe, expect, it } from 'vitest';
import { coalescedRefresh } from './coalescedRefresh';

/** A refresh that waits until the test lets it finish, counting runs and how many ran at once. */
function controlledRefresh() {
  const state = { runs: 0, running: 0, mostAtOnce: 0, finish: [] as Array<() => void> };
  const refresh = () =>
    new Promise<void>((resolve) => {
      state.runs++;
      state.running++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      state.finish.push(() => {
        state.running--;
        resolve();
      });
    });
  return { state, refresh };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a coalesced refresh', () => {
  it('runs once more after a burst of requests, never two at once', async () => {
    const { state, refresh } = controlledRefresh();
    const request = coalescedRefresh(refresh);
    void request();
    for (let i = 0; i < 10; i++) void request();
    expect(state.runs).toBe(1);
    state.finish.shift()!();
    await tick();
    expect(state.runs).toBe(2);
    state.finish.shift()!();
    await tick();
    expect(state.runs).toBe(2);
    expect(state.mostAtOnce).toBe(1);
  });

  it('starts afresh once idle, and keeps going after a failure', async () => {
    let calls = 0;
    const request = coalescedRefresh(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
    });
    await request();
    await request();
    expect(calls).toBe(2);
  });
});
