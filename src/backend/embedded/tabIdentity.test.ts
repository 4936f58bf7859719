import { describe, expect, it } from 'vitest';
import { claimsFor, tabGuestId } from './tabIdentity';

const someone = '7f0c7c8e-58a4-4c0f-9d4c-4f0a3c1d2e5b';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('who a tab acts as on the embedded database', () => {
  it('the local user is the administrator', () => {
    expect(claimsFor('local-user', someone)).toEqual({ role: 'authenticated', sub: someone, app_metadata: { wijkkracht_role: 'admin' } });
  });

  it('a tab guest is signed in, without administrator rights', () => {
    const claims = claimsFor('tab-guest', someone);
    expect(claims).toEqual({ role: 'authenticated', sub: someone });
    expect(claims).not.toHaveProperty('app_metadata');
  });

  it("a tab guest's id is made once per tab and kept", () => {
    const storage = memoryStorage();
    const ids = ['first', 'second'];
    const newId = () => ids.shift() ?? 'none';
    expect(tabGuestId(storage, newId)).toBe('first');
    expect(tabGuestId(storage, newId)).toBe('first');
  });

  it('another tab (its own sessionStorage) is another guest', () => {
    expect(tabGuestId(memoryStorage())).not.toBe(tabGuestId(memoryStorage()));
  });
});
