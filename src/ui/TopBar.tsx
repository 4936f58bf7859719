import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n';

interface TopBarProps {
  backendName: 'embedded' | 'supabase';
  onImport(): void;
  onExport(): void;
  onPlanner(): void;
}

export function TopBar({ backendName, onImport, onExport, onPlanner }: TopBarProps) {
  const { t, i18n } = useTranslation();
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
      </div>
      <p className="backend-badge">{backendName === 'embedded' ? t('app.localDatabase') : t('app.sharedDatabase')}</p>
      <div className="language-switch" role="group" aria-label={t('app.language')}>
        {languages.map((language) => (
          <button key={language} type="button" aria-pressed={i18n.language === language} onClick={() => setLanguage(language)}>
            {language.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
