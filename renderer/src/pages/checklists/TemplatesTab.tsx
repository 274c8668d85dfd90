import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateKindSchema, type TemplateKind, type TemplateSummary } from '../../../../electron/api';
import { call } from '../../api';
import { ImportButton } from './ImportButton';
import { TemplateEditor } from './TemplateEditor';
import { CHECKLISTS_KEY } from './use-checklists';

/** 模板: the templates with their versions; opening a version shows it (published) or edits it (draft). */
export function TemplatesTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [openVersion, setOpenVersion] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: [...CHECKLISTS_KEY, 'templates'],
    queryFn: () => call('checklists:list-templates', {}),
  });
  const create = useMutation({
    mutationFn: (v: { name: string; kind: TemplateKind }) => call('checklists:create-template', v),
    onSuccess: (created) => {
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
      setOpenVersion(created.versions[0]?.id ?? null);
    },
  });
  const importTemplate = useMutation({
    mutationFn: (json: string) => call('checklists:import-template', { json }),
    onSuccess: (created) => {
      setImportError(null);
      void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
      void message.success(t('checklists.templates.importedOk', { name: created.name }));
    },
    onError: (e) => setImportError(e.message),
  });
  if (openVersion) {
    return (
      <TemplateEditor
        versionId={openVersion}
        isAdmin={isAdmin}
        onOpenVersion={setOpenVersion}
        onBack={() => setOpenVersion(null)}
      />
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {isAdmin && (
        <Space>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('checklists.templates.newTemplate')}
          </Button>
          <ImportButton
            label={t('checklists.templates.import')}
            onText={(json) => importTemplate.mutate(json)}
            loading={importTemplate.isPending}
          />
          <Typography.Text type="secondary">{t('checklists.templates.importHint')}</Typography.Text>
        </Space>
      )}
      {importError && (
        <Alert
          type="error"
          showIcon
          closable
          title={importError}
          onClose={() => setImportError(null)}
          data-testid="import-error"
        />
      )}
      <Table<TemplateSummary>
        rowKey="id"
        size="small"
        aria-label={t('checklists.tabs.templates')}
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        pagination={false}
        columns={[
          { title: t('checklists.templates.name'), dataIndex: 'name' },
          {
            title: t('checklists.templates.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (k: string) => <Tag>{k}</Tag>,
          },
          {
            title: t('checklists.templates.versions'),
            key: 'versions',
            render: (_v, row) => (
              <Space wrap size={4}>
                {row.versions.map((v) => (
                  <Button
                    key={v.id}
                    size="small"
                    type={v.status === 'draft' ? 'dashed' : 'default'}
                    onClick={() => setOpenVersion(v.id)}
                    aria-label={`${row.name} ${t('checklists.templates.versionLabel', { version: v.version })}`}
                  >
                    {t('checklists.templates.versionLabel', { version: v.version })}
                    <Tag
                      color={v.status === 'draft' ? 'gold' : 'blue'}
                      style={{ marginInlineStart: 6, marginInlineEnd: 0 }}
                    >
                      {t(`checklists.templates.${v.status}`)}
                    </Tag>
                  </Button>
                ))}
              </Space>
            ),
          },
          {
            title: t('checklists.templates.latest'),
            key: 'latest',
            width: 260,
            render: (_v, row) => {
              const latest = row.versions.find((v) => v.status === 'published');
              if (!latest)
                return <Typography.Text type="secondary">{t('checklists.templates.noPublished')}</Typography.Text>;
              return (
                <span>
                  {t('checklists.templates.versionLabel', { version: latest.version })} ·{' '}
                  {t('checklists.templates.items', { count: latest.itemCount })} ·{' '}
                  {latest.publishedAt ? dayjs(latest.publishedAt).format('YYYY年M月D日') : ''}
                </span>
              );
            },
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('checklists.templates.newTemplate')}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
      >
        {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
        <Form<{ name: string; kind: TemplateKind }>
          layout="vertical"
          initialValues={{ kind: '消防安全飞行检查' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="name" label={t('checklists.templates.name')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('checklists.templates.kind')} rules={[{ required: true }]}>
            <Select options={templateKindSchema.options.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('checklists.actions.confirm')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
