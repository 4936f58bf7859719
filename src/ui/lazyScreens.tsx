import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The screens a visit may never open, each loaded the first time it is shown
 * (its own chunk: the import formats, d3 for the planner, the exports, the
 * workshop with its QR code), so the map's first download stays small.
 */
export const ImportDialog = lazy(() => import('./ImportDialog').then((module) => ({ default: module.ImportDialog })));
export const PlannerPanel = lazy(() => import('./planner/PlannerPanel').then((module) => ({ default: module.PlannerPanel })));
export const NearbyPanel = lazy(() => import('./nearby/NearbyPanel').then((module) => ({ default: module.NearbyPanel })));
export const ExportDialog = lazy(() => import('./ExportDialog').then((module) => ({ default: module.ExportDialog })));
export const ShareDialog = lazy(() => import('./share/ShareDialog').then((module) => ({ default: module.ShareDialog })));
export const SharedMapScreen = lazy(() => import('./share/SharedMapScreen').then((module) => ({ default: module.SharedMapScreen })));
export const WerkgebiedenDialog = lazy(() => import('./WerkgebiedenDialog').then((module) => ({ default: module.WerkgebiedenDialog })));
export const WorkshopDialog = lazy(() => import('./workshop/WorkshopDialog').then((module) => ({ default: module.WorkshopDialog })));
export const WorkshopScreen = lazy(() => import('./workshop/WorkshopScreen').then((module) => ({ default: module.WorkshopScreen })));
export const WorkshopSummary = lazy(() => import('./workshop/WorkshopSummary').then((module) => ({ default: module.WorkshopSummary })));
export const JoinScreen = lazy(() => import('./workshop/JoinScreen').then((module) => ({ default: module.JoinScreen })));

/** Around a lazy screen: a short "loading" line until its chunk has arrived (never around the map). */
export function WhenLoaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingScreen />}>{children}</Suspense>;
}

function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <p className="loading-screen" role="status">
      {t('app.loadingScreen')}
    </p>
  );
}
