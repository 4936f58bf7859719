import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'wijkkracht.language';

function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(storageKey);
  return value === 'en' ? 'en' : 'nl';
}

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storageKey, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: language,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false }, // React escapes
  });
}
