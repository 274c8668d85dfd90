import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  majorFlagSchema,
  priorityTagSchema,
  ruleCategorySchema,
  ruleDepartmentSchema,
  ruleMarkSchema,
  type RuleItemFilter,
} from '../../../../electron/api';

/** The rule library's search box and filters; shared by the 规则库 tab and the editor's “add from library”. */
export function RuleFilters({
  value,
  onChange,
  compact = false,
}: {
  value: RuleItemFilter;
  onChange: (next: RuleItemFilter) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof RuleItemFilter>(key: K, v: RuleItemFilter[K] | undefined) => {
    const next = { ...value };
    if (v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('checklists.library.search')}
        placeholder={t('checklists.library.search')}
        style={{ width: 260 }}
        defaultValue={value.query}
        onSearch={(q) => set('query', q.trim() || undefined)}
      />
      <Select
        allowClear
        aria-label={t('checklists.library.category')}
        placeholder={t('checklists.library.category')}
        style={{ width: 130 }}
        value={value.category}
        onChange={(v) => set('category', v)}
        options={ruleCategorySchema.options.map((c) => ({ value: c, label: t(`checklists.categories.${c}`) }))}
      />
      <Select
        allowClear
        aria-label={t('checklists.library.department')}
        placeholder={t('checklists.library.department')}
        style={{ width: 130 }}
        value={value.department}
        onChange={(v) => set('department', v)}
        options={ruleDepartmentSchema.options.map((d) => ({ value: d, label: t(`checklists.departments.${d}`) }))}
      />
      {!compact && (
        <>
          <Select
            allowClear
            aria-label={t('checklists.library.mark')}
            placeholder={t('checklists.library.mark')}
            style={{ width: 190 }}
            value={value.mark}
            onChange={(v) => set('mark', v)}
            options={ruleMarkSchema.options.map((m) => ({ value: m, label: t(`checklists.marks.${m}`) }))}
          />
          <Select
            allowClear
            aria-label={t('checklists.library.major')}
            placeholder={t('checklists.library.major')}
            style={{ width: 230 }}
            value={value.majorFlag}
            onChange={(v) => set('majorFlag', v)}
            options={majorFlagSchema.options.map((f) => ({ value: f, label: t(`checklists.major.${f}`) }))}
          />
        </>
      )}
      <Select
        allowClear
        aria-label={t('checklists.library.priority')}
        placeholder={t('checklists.library.priority')}
        style={{ width: 190 }}
        value={value.priority}
        onChange={(v) => set('priority', v)}
        options={[
          { value: 'any', label: t('checklists.priorityAny') },
          ...priorityTagSchema.options.map((p) => ({ value: p, label: t(`checklists.priorities.${p}`) })),
        ]}
      />
    </Space>
  );
}
