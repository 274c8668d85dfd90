import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../electron/api';
import { call } from './api';
import { initI18n } from './i18n';

const i18n = initI18n('zh-CN');

interface LanguageContextValue {
  language: Language;
  /** Switches the UI language; persisted through the service when someone is signed in. */
  setLanguage: (language: Language, persist: boolean) => Promise<void>;
}

const LanguageContext = createContext<LanguageContextValue>({ language: 'zh-CN', setLanguage: async () => undefined });

function apply(language: Language): void {
  void i18n.changeLanguage(language);
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

/** Provides the current UI language, loaded from settings, and applies it to i18next and dayjs. */
export function LanguageProvider({ children }: { children: (language: Language) => ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['settings', 'language'], queryFn: () => call('settings:get-language', {}) });
  const language: Language = query.data?.language ?? 'zh-CN';
  apply(language);
  const setLanguage = useCallback(
    async (next: Language, persist: boolean) => {
      if (persist) await call('settings:set-language', { language: next });
      queryClient.setQueryData(['settings', 'language'], { language: next });
    },
    [queryClient],
  );
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children(language)}</LanguageContext.Provider>;
}

/** The current language and a setter. */
export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
