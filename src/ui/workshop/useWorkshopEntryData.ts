import { useCallback } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import type { Werkgebied } from '../../backend/wireTypes';
import { moderatesIn } from '../../domain/roles';
import { useApiResource } from '../useApiResource';

/**
 * The werkgebieden the user may open a session in, with their earlier
 * sessions: facilitators and admins of the werkgebied (and administrators, who
 * are both everywhere) are the ones create_session lets in.
 */
export function useWorkshopEntryData(api: WijkkrachtApi) {
  const load = useCallback(async () => {
    const [roles, werkgebieden, sessions] = await Promise.all([api.myRoles(), api.listWerkgebieden(), api.listMySessions()]);
    const facilitated: Werkgebied[] = werkgebieden.filter((werkgebied) => moderatesIn(roles, werkgebied.id));
    return { werkgebieden: facilitated, sessions };
  }, [api]);
  return useApiResource(load);
}
