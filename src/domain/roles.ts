import { circleRoles } from './circles';
import type { AssetStatus, MemberRole } from './types';

/**
 * What the app may offer a person, read from their roles (public.my_roles).
 * The database decides again on every call; this only keeps the screens from
 * showing buttons that would be refused.
 */
export interface RoleSummary {
  is_admin: boolean;
  werkgebieden: ReadonlyArray<{ id: string; role: MemberRole }>;
}

const moderatorRoles: ReadonlySet<MemberRole> = new Set(['facilitator', 'admin']);

/** Facilitators and admins of the werkgebied, and administrators, decide on what is in it. */
export function moderatesIn(roles: RoleSummary | null, werkgebiedId: string | null): boolean {
  if (!roles) return false;
  if (roles.is_admin) return true;
  return werkgebiedId !== null && roles.werkgebieden.some((grant) => grant.id === werkgebiedId && moderatorRoles.has(grant.role));
}

/** Whether the person has anything to moderate anywhere (the "Te controleren" button). */
export function moderatesAnywhere(roles: RoleSummary | null): boolean {
  if (!roles) return false;
  return roles.is_admin || roles.werkgebieden.some((grant) => moderatorRoles.has(grant.role));
}

interface ItemFacts {
  mine: boolean;
  werkgebied_id: string | null;
  status: AssetStatus;
}

/** Its author and the werkgebied's facilitators may edit, archive and see the history of a place. */
export function maySeeHistory(roles: RoleSummary | null, item: ItemFacts): boolean {
  return item.mine || moderatesIn(roles, item.werkgebied_id);
}

/** Editing needs the right, and a place that is not archived or rejected (put it back first). */
export function mayEdit(roles: RoleSummary | null, item: ItemFacts): boolean {
  return maySeeHistory(roles, item) && item.status !== 'archived' && item.status !== 'rejected';
}

export function mayArchive(roles: RoleSummary | null, item: ItemFacts): boolean {
  return maySeeHistory(roles, item) && item.status !== 'archived';
}

/** Anyone signed in may report a published place that someone else added. */
export function mayReport(signedIn: boolean, item: ItemFacts): boolean {
  return signedIn && !item.mine && item.status === 'published';
}

/** Key persons and facilitators (somewhere) may add a circle; the database checks the werkgebied of the spot. */
export function mayAddCircles(roles: RoleSummary | null): boolean {
  if (!roles) return false;
  const allowed: ReadonlySet<MemberRole> = new Set(circleRoles);
  return roles.is_admin || roles.werkgebieden.some((grant) => allowed.has(grant.role));
}
