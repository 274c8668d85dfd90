import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/api';
import { enUS } from './en-US';
import { institutionsMessages } from './modules/institutions';
import { statisticMessages } from './modules/statistics';
import { documentMessages } from './modules/documents';
import { hazardMessages } from './modules/hazards';
import { inspectionMessages } from './modules/inspections';
import { lawMessages } from './modules/laws';
import { planMessages } from './modules/plans';
import { checklistMessages } from './modules/checklists';
import { zhCN } from './zh-CN';

/**
 * Each module keeps its strings in i18n/modules/<module>.ts (both languages side by side, same keys) and is
 * merged here under its own key, so modules can grow without touching each other's files.
 */
const modules = { institutions: institutionsMessages, statistics: statisticMessages, documents: documentMessages, hazards: hazardMessages, inspections: inspectionMessages, laws: lawMessages, plans: planMessages, checklists: checklistMessages };

function bundle(language: Language): Record<string, unknown> {
  const base = language === 'zh-CN' ? zhCN : enUS;
  return { ...base, ...Object.fromEntries(Object.entries(modules).map(([key, m]) => [key, m[language]])) };
}

/** Initialises i18next with both languages bundled (the app works offline); zh-CN is the default. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: bundle('zh-CN') }, 'en-US': { translation: bundle('en-US') } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  return i18next;
}
