import { createContext } from 'react';
import type { WijkkrachtApi } from '../../backend/api';

/**
 * The API for the top bar's "Workshop" button. App provides it around the
 * Workspace, so the button (in TopBar) can open sessions without the Workspace
 * passing the API down through its panels' props.
 */
export const WorkshopEntryContext = createContext<WijkkrachtApi | null>(null);
