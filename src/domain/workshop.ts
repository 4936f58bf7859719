// A workshop session's own vocabulary: its phases, in the order the facilitator
// moves through them, and the join code people type or read from a QR code.

/** verkennen: add places and routes; waarderen: appreciate and say why; gaten_zien: who is left out; acties: agree on actions. */
export const sessionPhases = ['verkennen', 'waarderen', 'gaten_zien', 'acties'] as const;
export type SessionPhase = (typeof sessionPhases)[number];

/** Which residents the "gaten zien" phase counts (the planner's two target groups). */
export type GapPopulation = 'all' | 'age65plus';

/** Why a join code was refused (join_session's answer). */
export type JoinRefusal = 'unknown_code' | 'expired' | 'locked' | 'too_many_attempts';

/** The characters a code is made of: no 0/O, 1/I/L, 2/Z, 5/S or 8/B to mix up. */
const codeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
export const joinCodeLength = 6;

/** What someone typed, as the code it must be: upper case, without spaces or dashes ("ack-4df" is "ACK4DF"). */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Whether a typed code can be a join code at all (saves a round trip and an attempt). */
export function isPossibleJoinCode(typed: string): boolean {
  const code = normaliseJoinCode(typed);
  return code.length === joinCodeLength && [...code].every((character) => codeAlphabet.includes(character));
}

/** The phase after this one, or null in the last. */
export function nextPhase(phase: SessionPhase): SessionPhase | null {
  return sessionPhases[sessionPhases.indexOf(phase) + 1] ?? null;
}
