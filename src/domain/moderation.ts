import type { AssetStatus } from './types';

/** The message key for an item's status in the queue: a published item is there because it was reported. */
export function queueStatusKey(status: AssetStatus): string {
  return status === 'published' ? 'status.reported' : `status.${status}`;
}
