import type { AssetStatus, ModerationDecision } from './types';

/**
 * Which decisions a facilitator can take on an item in each status, as
 * public.moderate allows them: approve pending or hidden items (or keep a
 * reported published one, which closes its reports), reject
 * anything not yet archived or rejected, put back what is hidden, rejected
 * or archived.
 */
export function allowedDecisions(status: AssetStatus): ModerationDecision[] {
  const decisions: ModerationDecision[] = [];
  if (status === 'pending' || status === 'hidden' || status === 'published') decisions.push('approve');
  if (status === 'pending' || status === 'hidden' || status === 'published') decisions.push('reject');
  if (status === 'hidden' || status === 'rejected' || status === 'archived') decisions.push('restore');
  return decisions;
}

/** The message key for an item's status in the queue: a published item is there because it was reported. */
export function queueStatusKey(status: AssetStatus): string {
  return status === 'published' ? 'status.reported' : `status.${status}`;
}
