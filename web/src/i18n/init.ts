import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setNetworkErrorMessage } from '../api/client';
import { WEB_MODULES } from '../modules';
import { DAYJS_LOCALE, DEFAULT_LANG, LANGS, readStoredLang } from './index';
import { messageResources } from './resources';

/**
 * Starts i18next with the shell's words and every web module's. Only the entry point imports this file:
 * pages import the language helpers of ./index, which know no module (so no import circle).
 */
const initial = readStoredLang() ?? DEFAULT_LANG;

void i18n.use(initReactI18next).init({
  resources: messageResources(WEB_MODULES),
  lng: initial,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: LANGS,
  // Resources are bundled, so initialisation is synchronous and the first render is already translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

document.documentElement.lang = initial;
dayjs.locale(DAYJS_LOCALE[initial]);
setNetworkErrorMessage(() => i18n.t('errors.network'));

