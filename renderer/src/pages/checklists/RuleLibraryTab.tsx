import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleItem, RuleItemFilter } from '../../../../electron/api';
import { MajorTag, MarkTag, PriorityTags } from './labels';
import { LocalItemModal } from './LocalItemModal';
import { RuleFilters } from './RuleFilters';
import { RuleItemDrawer } from './RuleItemDrawer';
import { useRuleItems } from './use-checklists';

/** 规则库: every rule with its category, departments, citation certainty, major-hazard flag and 2025 tags. */
export function RuleLibraryTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RuleItemFilter>({});
  const items = useRuleItems(filter);
  const [openItem, setOpenItem] = useState<RuleItem | null>(null);
  const [editing, setEditing] = useState<RuleItem | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <RuleFilters value={filter} onChange={setFilter} />
        {isAdmin && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('checklists.library.newLocal')}
          </Button>
        )}
      </Space>
      <Table<RuleItem>
        rowKey="id"
        size="small"
        aria-label={t('checklists.tabs.library')}
        loading={items.isPending}
        dataSource={items.data ?? []}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (n) => t('checklists.library.count', { count: n }),
        }}
        onRow={(row) => ({ onClick: () => setOpenItem(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('checklists.library.code'), dataIndex: 'code', width: 70 },
          {
            title: t('checklists.library.text'),
            dataIndex: 'textZh',
            render: (text: string, row) => (
              <Space orientation="vertical" size={2}>
                <Typography.Link onClick={() => setOpenItem(row)}>{text}</Typography.Link>
                {row.source === 'local' && <Tag color="geekblue">{t('checklists.source.local')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('checklists.library.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: RuleItem['category']) => t(`checklists.categories.${c}`),
          },
          {
            title: t('checklists.library.department'),
            dataIndex: 'departments',
            width: 150,
            render: (ds: RuleItem['departments']) => ds.map((d) => t(`checklists.departments.${d}`)).join('、'),
          },
          {
            title: t('checklists.library.mark'),
            dataIndex: 'weakestMark',
            width: 170,
            render: (m: RuleItem['weakestMark']) => <MarkTag mark={m} />,
          },
          {
            title: t('checklists.majorTitle'),
            key: 'major',
            width: 200,
            render: (_v, row) => <MajorTag flag={row.majorHazard.flag} clause={row.majorHazard.clause} />,
          },
          {
            title: t('checklists.prioritiesTitle'),
            dataIndex: 'priorities2025',
            width: 160,
            render: (tags: RuleItem['priorities2025']) => <PriorityTags tags={tags} />,
          },
        ]}
      />
      <RuleItemDrawer
        item={openItem}
        onClose={() => setOpenItem(null)}
        onEdit={isAdmin ? (item) => setEditing(item) : undefined}
      />
      <LocalItemModal
        open={creating || editing !== null}
        editing={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={(item) => {
          if (openItem) setOpenItem(item);
        }}
      />
    </>
  );
}
