import { createContext, useContext } from 'react';
import type { DatabaseStatus } from './useBackend';

/** Whether the database answers yet: screens mount before it does (useBackend.ts). */
export const DatabaseStatusContext = createContext<DatabaseStatus>({ status: 'ready' });

export function useDatabaseStatus(): DatabaseStatus {
  return useContext(DatabaseStatusContext);
}

export function useDatabaseReady(): boolean {
  return useDatabaseStatus().status === 'ready';
}
