import { Segmented } from 'antd';
import type { Language } from '../../../electron/api';
import { useLanguage } from '../language';

/** 中文 / English switch; `persist` saves the choice (needs a signed-in user). */
export function LanguageSwitch({ persist }: { persist: boolean }) {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label="界面语言 / Language"
      value={language}
      onChange={(v) => void setLanguage(v, persist)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
