// i18next with Italian first and English second; every string of the interface comes from src/locales.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import it from '../locales/it.json';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'albero.language';

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

/** Initialises i18next (Italian unless English was chosen) and keeps <html lang> in step. */
export async function initI18n(language: Language = storedLanguage()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'it',
    supportedLngs: LANGUAGES,
    resources: { it: { translation: it }, en: { translation: en } },
    // React escapes; numbers are formatted by format.ts before they are interpolated.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const sync = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  sync(instance.language);
  instance.on('languageChanged', (lng) => {
    sync(lng);
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  });
  return instance;
}
