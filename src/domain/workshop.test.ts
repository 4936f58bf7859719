import { describe, expect, it } from 'vitest';
import { isPossibleJoinCode, nextPhase, normaliseJoinCode } from './workshop';

describe('join codes', () => {
  it('reads a code as people type it: lower case, spaces and dashes', () => {
    expect(normaliseJoinCode(' ack-4df ')).toBe('ACK4DF');
    expect(normaliseJoinCode('ack 4df')).toBe('ACK4DF');
  });

  it('knows a code cannot hold look-alike characters or the wrong length', () => {
    expect(isPossibleJoinCode('ack-4df')).toBe(true);
    expect(isPossibleJoinCode('ACK0DF')).toBe(false); // 0 is not in the alphabet (O is not either)
    expect(isPossibleJoinCode('ACK4D')).toBe(false);
    expect(isPossibleJoinCode('ACK4DFX')).toBe(false);
  });
});

describe('phases', () => {
  it('go verkennen, waarderen, gaten zien, acties, and stop there', () => {
    expect(nextPhase('verkennen')).toBe('waarderen');
    expect(nextPhase('waarderen')).toBe('gaten_zien');
    expect(nextPhase('gaten_zien')).toBe('acties');
    expect(nextPhase('acties')).toBeNull();
  });
});
