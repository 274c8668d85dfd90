import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleLibraryTab } from './RuleLibraryTab';
import { RuleSetsTab } from './RuleSetsTab';
import { TemplatesTab } from './TemplatesTab';
import { useIsAdmin } from './use-checklists';

/** 检查表: the rule library with cited legal basis, the major-hazard standard and the versioned templates. */
export function ChecklistsPage() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  return (
    <Card title={t('checklists.title')}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'library', label: t('checklists.tabs.library'), children: <RuleLibraryTab isAdmin={isAdmin} /> },
          { key: 'rule-sets', label: t('checklists.tabs.ruleSets'), children: <RuleSetsTab isAdmin={isAdmin} /> },
          { key: 'templates', label: t('checklists.tabs.templates'), children: <TemplatesTab isAdmin={isAdmin} /> },
        ]}
      />
    </Card>
  );
}
