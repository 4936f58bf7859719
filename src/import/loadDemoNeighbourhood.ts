import type { WijkkrachtApi } from '../backend/api';
import { demoPlans } from './demoNeighbourhood';
import { commitImport } from './runImport';

/** Writes the fictional demo neighbourhood: its boundary first, then its places and stories. */
export async function loadDemoNeighbourhood(api: WijkkrachtApi) {
  const { areas, assets } = demoPlans();
  await commitImport(api, areas);
  return commitImport(api, assets);
}
