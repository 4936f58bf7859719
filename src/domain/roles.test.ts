import { describe, expect, it } from 'vitest';
import { mayArchive, mayEdit, mayReport, maySeeHistory, moderatesAnywhere, moderatesIn, type RoleSummary } from './roles';

const resident: RoleSummary = { is_admin: false, werkgebieden: [] };
const facilitator: RoleSummary = { is_admin: false, werkgebieden: [{ id: 'merenwijk', role: 'facilitator' }] };
const planner: RoleSummary = { is_admin: false, werkgebieden: [{ id: 'merenwijk', role: 'planner' }] };
const administrator: RoleSummary = { is_admin: true, werkgebieden: [] };

const place = { mine: false, werkgebied_id: 'merenwijk', status: 'published' as const };

describe('what the screens offer, by role', () => {
  it('lets facilitators and admins moderate only in their own werkgebied, administrators everywhere', () => {
    expect(moderatesIn(facilitator, 'merenwijk')).toBe(true);
    expect(moderatesIn(facilitator, 'stevenshof')).toBe(false);
    expect(moderatesIn(facilitator, null)).toBe(false);
    expect(moderatesIn({ is_admin: false, werkgebieden: [{ id: 'merenwijk', role: 'admin' }] }, 'merenwijk')).toBe(true);
    expect(moderatesIn(planner, 'merenwijk')).toBe(false);
    expect(moderatesIn(administrator, null)).toBe(true);
    expect(moderatesIn(null, 'merenwijk')).toBe(false);
  });

  it('shows the moderation queue to whoever moderates somewhere', () => {
    expect(moderatesAnywhere(facilitator)).toBe(true);
    expect(moderatesAnywhere(administrator)).toBe(true);
    expect(moderatesAnywhere(planner)).toBe(false);
    expect(moderatesAnywhere(resident)).toBe(false);
    expect(moderatesAnywhere(null)).toBe(false);
  });

  it('lets the author and the facilitators edit, archive and read the history', () => {
    expect(maySeeHistory(resident, { ...place, mine: true })).toBe(true);
    expect(maySeeHistory(resident, place)).toBe(false);
    expect(maySeeHistory(facilitator, place)).toBe(true);
    expect(mayEdit(facilitator, place)).toBe(true);
    expect(mayEdit(resident, place)).toBe(false);
  });

  it('offers no edit on an archived or rejected place, and no second archive', () => {
    expect(mayEdit(facilitator, { ...place, status: 'archived' })).toBe(false);
    expect(mayEdit(facilitator, { ...place, status: 'rejected' })).toBe(false);
    expect(mayEdit(facilitator, { ...place, status: 'pending' })).toBe(true);
    expect(mayArchive(facilitator, { ...place, status: 'archived' })).toBe(false);
    expect(mayArchive(resident, { ...place, mine: true, status: 'pending' })).toBe(true);
  });

  it('lets anyone signed in report a published place someone else added', () => {
    expect(mayReport(true, place)).toBe(true);
    expect(mayReport(false, place)).toBe(false);
    expect(mayReport(true, { ...place, mine: true })).toBe(false);
    expect(mayReport(true, { ...place, status: 'pending' })).toBe(false);
  });
});
