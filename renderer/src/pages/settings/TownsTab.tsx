import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Town } from '../../../../electron/api';
import { call } from '../../api';
import { useTowns } from '../../hooks';

/** The district's towns (街镇), loaded from data; administrators can switch a town off. */
export function TownsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const towns = useTowns(true);
  const update = useMutation({
    mutationFn: (v: { id: string; isActive: boolean }) => call('towns:update', v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['towns'] });
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Table<Town>
      rowKey="id"
      size="small"
      loading={towns.isPending}
      dataSource={towns.data ?? []}
      pagination={false}
      scroll={{ y: 520 }}
      aria-label={t('settings.tabTowns')}
      footer={() => t('common.total', { count: towns.data?.length ?? 0 })}
      columns={[
        { title: t('settings.townCode'), dataIndex: 'code', width: 110 },
        { title: t('settings.townName'), dataIndex: 'name' },
        { title: t('settings.townKind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === '镇' ? 'blue' : 'green'}>{k}</Tag> },
        { title: t('settings.district'), dataIndex: 'district', width: 120 },
        {
          title: t('settings.status'),
          dataIndex: 'isActive',
          width: 100,
          render: (active: boolean, row) => (
            <Switch
              size="small"
              checked={active}
              disabled={!canEdit}
              checkedChildren={t('common.enabled')}
              unCheckedChildren={t('common.disabled')}
              onChange={(isActive) => update.mutate({ id: row.id, isActive })}
            />
          ),
        },
      ]}
    />
  );
}
