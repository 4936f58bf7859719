import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkshopButton } from './workshop/WorkshopButton';
import { WorkshopEntryContext } from './workshop/workshopEntryContext';

interface TopBarProps {
  backendName: 'embedded' | 'supabase';
  onImport(): void;
  onExport(): void;
  onShare(): void;
  onPlanner(): void;
  /** Items waiting for the user's decision; null: the user moderates nowhere (no button). */
  moderationCount: number | null;
  onModeration(): void;
  /** Administrators only. */
  showWerkgebieden: boolean;
  onWerkgebieden(): void;
  /** Signing in for staff (shared mode only). */
  account?: ReactNode;
}

export function TopBar(props: TopBarProps) {
  const { backendName, onImport, onExport, onShare, onPlanner, moderationCount, onModeration, showWerkgebieden, onWerkgebieden, account } =
    props;
  const { t } = useTranslation();
  const workshopApi = useContext(WorkshopEntryContext);
  // Who moderates somewhere facilitates there (the same roles: facilitator, admin of a werkgebied, administrator).
  const facilitates = moderationCount !== null && workshopApi !== null;
  return (
    <header className="top-bar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="data-actions">
        <button type="button" onClick={onPlanner}>
          {t('planner.open')}
        </button>
        <button type="button" onClick={onImport}>
          {t('import.open')}
        </button>
        <button type="button" onClick={onExport}>
          {t('export.open')}
        </button>
        <button type="button" onClick={onShare}>
          {t('share.open')}
        </button>
      </div>
      {(moderationCount !== null || showWerkgebieden) && (
        <div className="data-actions role-actions">
          {moderationCount !== null && (
            // The count is part of the name as it is seen ("Te controleren 3"), so speech input finds the button by what it shows.
            <button type="button" onClick={onModeration}>
              {t('moderation.open')}
              {moderationCount > 0 && (
                <>
                  {' '}
                  <span className="badge">{moderationCount}</span>
                </>
              )}
            </button>
          )}
          {showWerkgebieden && (
            <button type="button" onClick={onWerkgebieden}>
              {t('werkgebieden.open')}
            </button>
          )}
          {facilitates && <WorkshopButton api={workshopApi} />}
        </div>
      )}
      {account}
      <p className="backend-badge">{backendName === 'embedded' ? t('app.localDatabase') : t('app.sharedDatabase')}</p>
      <LanguageSwitch />
    </header>
  );
}
