import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n';

/** NL / EN, in the top bar of the app and of a shared map. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {languages.map((language) => (
        <button key={language} type="button" aria-pressed={i18n.language === language} onClick={() => setLanguage(language)}>
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
