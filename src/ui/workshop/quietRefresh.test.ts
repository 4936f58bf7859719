import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterBurst } from './quietRefresh';

describe('a refresh after a burst of live messages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once for messages that come together, and again for a later one', () => {
    const refresh = vi.fn();
    const burst = afterBurst(refresh, 60);
    burst.request();
    vi.advanceTimersByTime(30);
    burst.request();
    vi.advanceTimersByTime(30);
    expect(refresh).toHaveBeenCalledTimes(1);
    burst.request();
    vi.advanceTimersByTime(60);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('asks nothing once cancelled (the screen is gone)', () => {
    const refresh = vi.fn();
    const burst = afterBurst(refresh, 60);
    burst.request();
    burst.cancel();
    vi.advanceTimersByTime(100);
    expect(refresh).not.toHaveBeenCalled();
  });
});
