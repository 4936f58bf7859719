import { useCallback } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import type { Category } from '../../backend/wireTypes';
import { useApiResource } from '../useApiResource';

/** The kinds of place with their names and colours, once per screen; null until they arrive. */
export function useCategories(api: WijkkrachtApi): { categories: Category[] | null; error: unknown } {
  const { value, error } = useApiResource(useCallback(() => api.listCategories(), [api]));
  return { categories: value, error };
}
