import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from './api-client';
import { NAMESPACES } from './i18n-resources';
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
  'zh-CN': Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m['zh-CN']])),
  en: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m.en])),
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
    ns: Object.keys(NAMESPACES),
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
