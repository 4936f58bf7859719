import type { Claims } from '../sqlRpc';
import { localUserClaims } from './localUser';

/**
 * Who a tab acts as on the embedded database. 'local-user' (the default) is the
 * browser's one resident, the administrator of everything. 'tab-guest' is an
 * ordinary signed-in participant of its own, one per tab: a second window that
 * joins a workshop by its code is then someone else, with no administrator rights.
 */
export type EmbeddedIdentity = 'local-user' | 'tab-guest';

/** The claims a tab's calls carry; `sub` is the local user's id or the tab guest's (tabGuestId). */
export function claimsFor(identity: EmbeddedIdentity, sub: string): Claims {
  return identity === 'tab-guest' ? { role: 'authenticated', sub } : localUserClaims(sub);
}

const tabGuestKey = 'wijkkracht-tab-guest';

/**
 * The tab guest's id, made once per tab. sessionStorage lives as long as the
 * tab and is not shared with other tabs, so a reload is still the same guest.
 */
export function tabGuestId(storage: Pick<Storage, 'getItem' | 'setItem'>, newId: () => string = () => crypto.randomUUID()): string {
  const kept = storage.getItem(tabGuestKey);
  if (kept) return kept;
  const id = newId();
  storage.setItem(tabGuestKey, id);
  return id;
}
