import { useCallback } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { Werkgebied } from '../backend/wireTypes';
import { useApiResource } from './useApiResource';

const none: Werkgebied[] = [];

/** Every werkgebied (everyone may read them), by name. */
export function useWerkgebieden(api: WijkkrachtApi) {
  const { value, error, reload } = useApiResource(useCallback(() => api.listWerkgebieden(), [api]));
  return { werkgebieden: value ?? none, error, reload };
}
