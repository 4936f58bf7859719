import { describe, expect, it } from 'vitest';
import { toggleLimited } from './limitedSelection';

describe('ticking at most a few', () => {
  it('adds and removes', () => {
    expect(toggleLimited([], 'a', 3)).toEqual(['a']);
    expect(toggleLimited(['a', 'b'], 'a', 3)).toEqual(['b']);
  });

  it('ignores a tick beyond the limit, but always allows an untick', () => {
    expect(toggleLimited(['a', 'b', 'c'], 'd', 3)).toEqual(['a', 'b', 'c']);
    expect(toggleLimited(['a', 'b', 'c'], 'b', 3)).toEqual(['a', 'c']);
  });
});
