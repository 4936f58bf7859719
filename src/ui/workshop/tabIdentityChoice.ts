import type { WorkshopRoute } from './workshopRoute';

/** Who this tab is on the embedded database (see src/backend/embedded/tabIdentity.ts). */
type TabIdentity = 'local-user' | 'tab-guest';

const joinedAsGuestKey = 'wijkkracht.workshop.guestTab';

/**
 * A tab that opens a join link is a participant of its own, not the browser's
 * local administrator: on one computer the shared screen and a "phone" window
 * are then two people, as in the room. It stays one after joining, when its
 * address has become the session's, and after a reload (sessionStorage lives
 * as long as the tab). Supabase ignores this: there everyone signs in.
 */
export function tabIdentityFor(route: WorkshopRoute, tabStorage: Pick<Storage, 'getItem' | 'setItem'>): TabIdentity {
  if (route.name === 'join') tabStorage.setItem(joinedAsGuestKey, 'yes');
  return tabStorage.getItem(joinedAsGuestKey) === 'yes' ? 'tab-guest' : 'local-user';
}
