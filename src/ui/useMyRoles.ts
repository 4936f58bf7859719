import { useCallback } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import { useApiResource } from './useApiResource';

/** Who the user is to the database: signed in, administrator, roles per werkgebied. Null until known. */
export function useMyRoles(api: WijkkrachtApi) {
  const { value, reload } = useApiResource(useCallback(() => api.myRoles(), [api]));
  return { roles: value, reload };
}
