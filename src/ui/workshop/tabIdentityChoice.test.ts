import { describe, expect, it } from 'vitest';
import { tabIdentityFor } from './tabIdentityChoice';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('who a tab is', () => {
  it('is the local administrator on the map and on a session it opened itself', () => {
    const storage = memoryStorage();
    expect(tabIdentityFor({ name: 'map' }, storage)).toBe('local-user');
    expect(tabIdentityFor({ name: 'session', sessionId: 'x' }, storage)).toBe('local-user');
  });

  it('is a guest from the join link on, also on the session screen it moves to and after a reload', () => {
    const storage = memoryStorage();
    expect(tabIdentityFor({ name: 'join', code: 'ACK4DF' }, storage)).toBe('tab-guest');
    expect(tabIdentityFor({ name: 'session', sessionId: 'x' }, storage)).toBe('tab-guest');
    expect(tabIdentityFor({ name: 'map' }, storage)).toBe('tab-guest');
  });
});
