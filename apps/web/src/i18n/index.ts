import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, readStoredLanguage } from './languages';

// Typed against the pt-BR catalogue: a key missing in English fails the type check.
const enCatalogue: typeof ptBR = en;

export const resources = {
  'pt-BR': { translation: ptBR },
  en: { translation: enCatalogue },
} as const;

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: SUPPORTED_LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false }, // React already escapes.
  returnNull: false,
  showSupportNotice: false,
});

export default i18n;
