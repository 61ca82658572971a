import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import i18n from 'i18next';
import type { Lang } from '../api/contract/platform';
import { LANGS } from './resources';

export { LANGS };
export const DEFAULT_LANG: Lang = 'zh-CN';
const STORAGE_KEY = 'gx_lang';
const COOKIE = 'gx_lang';

export const DAYJS_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as string[]).includes(value);
}

export function readStoredLang(): Lang | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage may be disabled; fall through to the cookie
  }
  const m = /(?:^|;\s*)gx_lang=([^;]+)/.exec(document.cookie);
  const fromCookie = m ? decodeURIComponent(m[1]) : null;
  return isLang(fromCookie) ? fromCookie : null;
}

/** Applies a language to everything on this page and remembers it in this browser (localStorage + cookie). */
export async function applyLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the cookie still carries the choice
  }
  // The server reads gx_lang to answer in the same language (docs/api.md "Errors").
  document.cookie = `${COOKIE}=${encodeURIComponent(lang)}; path=/; SameSite=Lax; max-age=31536000`;
  document.documentElement.lang = lang;
  dayjs.locale(DAYJS_LOCALE[lang]);
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}

export default i18n;
