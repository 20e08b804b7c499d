import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resources } from './resources.ts';

export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'trama.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'it';
  } catch {
    return 'it';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'it';
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'it',
  supportedLngs: [...languages],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

document.documentElement.lang = initial;
i18n.on('languageChanged', applyLanguage);

export default i18n;
