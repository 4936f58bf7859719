import i18next, { type TFunction } from 'i18next';
import { en } from '../src/i18n/en';
import { nl } from '../src/i18n/nl';

/** The app's own Dutch and English texts, so the CLI and the dialog say the same thing. */
export async function cliTranslator(language: 'nl' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: language,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
