import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from './api-client';
import type { MessageTree } from './define-messages';
import { CORE_NAMESPACES } from './i18n-resources';
import { setDayjsLanguage } from './time';

export type UiLanguage = 'zh-CN' | 'en';
const STORAGE_KEY = 'closeloop.lang';

const stored = (): UiLanguage => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

const resources = {
  'zh-CN': Object.fromEntries(Object.entries(CORE_NAMESPACES).map(([ns, m]) => [ns, m['zh-CN']])),
  en: Object.fromEntries(Object.entries(CORE_NAMESPACES).map(([ns, m]) => [ns, m.en])),
};

/** Adds a feature's namespace (both languages) when its module loads; safe to call more than once. */
export const registerMessages = (
  ns: string,
  messages: { readonly 'zh-CN': MessageTree; readonly en: MessageTree },
): void => {
  for (const lng of ['zh-CN', 'en'] as const)
    if (!i18next.hasResourceBundle(lng, ns)) i18next.addResourceBundle(lng, ns, messages[lng], true, false);
};

/** zh-CN first (the product's users), English second; the choice is kept in this browser. */
export const initI18n = (): typeof i18next => {
  const lng = stored();
  setApiLanguage(lng);
  setDayjsLanguage(lng);
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    ns: Object.keys(CORE_NAMESPACES),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
};

export const changeLanguage = async (lng: UiLanguage): Promise<void> => {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  setApiLanguage(lng);
  setDayjsLanguage(lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
};
