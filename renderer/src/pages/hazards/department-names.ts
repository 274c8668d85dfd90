import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../hooks';

/** Department key → display name in the current language, plus options for pickers. */
export function useDepartmentNames() {
  const { i18n } = useTranslation();
  const departments = useDepartments().data ?? [];
  const english = i18n.language === 'en-US';
  const names = new Map(departments.map((d) => [d.key, english ? d.nameEn : d.shortZh]));
  return {
    name: (key: string) => names.get(key) ?? key,
    options: departments.map((d) => ({ value: d.key, label: english ? d.nameEn : d.nameZh })),
  };
}
