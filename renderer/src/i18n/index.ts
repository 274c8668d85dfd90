import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/api';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** Initialises i18next with both languages bundled (the app works offline); zh-CN is the default. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  return i18next;
}
