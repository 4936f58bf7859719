import { describe, expect, it } from 'vitest';
import { mayAddCircles } from './roles';

describe('mayAddCircles', () => {
  it('offers circles to key persons, facilitators and administrators (of the app or a werkgebied) only', () => {
    const withRole = (role: 'key_person' | 'facilitator' | 'planner' | 'admin') => ({ is_admin: false, werkgebieden: [{ id: 'w', role }] });
    expect(mayAddCircles(withRole('key_person'))).toBe(true);
    expect(mayAddCircles(withRole('facilitator'))).toBe(true);
    expect(mayAddCircles(withRole('planner'))).toBe(false);
    expect(mayAddCircles(withRole('admin'))).toBe(true);
    expect(mayAddCircles({ is_admin: true, werkgebieden: [] })).toBe(true);
    expect(mayAddCircles({ is_admin: false, werkgebieden: [] })).toBe(false);
    expect(mayAddCircles(null)).toBe(false);
  });
});
