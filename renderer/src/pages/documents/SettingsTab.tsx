import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, DocumentSettings } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';
import { documentsKey } from './query-keys';

const KINDS: DocumentKind[] = [
  'rectification-notice',
  'inspection-record',
  'reinspection-opinion',
  'referral-letter',
  'notify-letter',
  'joint-report',
  'consultation-material',
];

/** 文书设置: issuing organ, number prefixes, contact line and texts; administrators edit, everyone reads. */
export function SettingsTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const departments = useDepartments();
  const [form] = Form.useForm<DocumentSettings>();
  const settings = useQuery({
    queryKey: [...documentsKey, 'settings'],
    queryFn: () => call('documents:get-settings', {}),
  });
  const save = useMutation({
    mutationFn: (v: DocumentSettings) => call('documents:update-settings', v),
    onSuccess: () => {
      void message.success(t('documents.settingsSaved'));
      void client.invalidateQueries({ queryKey: documentsKey });
    },
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" title={settings.error.message} />;
  const required = [{ required: true }];
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!isAdmin}
      onFinish={(v) => save.mutate({ ...settings.data, ...v })}
      style={{ maxWidth: 760 }}
    >
      {!isAdmin && <Alert type="info" showIcon title={t('documents.adminOnly')} style={{ marginBottom: 16 }} />}
      <Form.Item name="issuingOrgan" label={t('documents.organ')} rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="organShort" label={t('documents.organShort')} rules={required}>
        <Input maxLength={10} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="selfReference" label={t('documents.selfReference')} rules={required}>
        <Input maxLength={6} style={{ width: 200 }} />
      </Form.Item>
      <Typography.Title level={5}>{t('documents.prefixes')}</Typography.Title>
      {KINDS.map((k) => (
        <Form.Item key={k} name={['prefixes', k]} label={t(`documents.kinds.${k}`)} rules={required}>
          <Input maxLength={12} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item name="contactName" label={t('documents.contactName')} rules={required}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('documents.contactPhone')} rules={required}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="reportBack" label={t('documents.reportBack')} rules={required}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="consequences" label={t('documents.consequences')} rules={required}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="consequencesBasis" label={t('documents.consequencesBasis')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Typography.Title level={5}>{t('documents.addressees')}</Typography.Title>
      {(departments.data ?? []).map((d) => (
        <Form.Item key={d.key} name={['addressees', d.key]} label={d.shortZh}>
          <Input maxLength={40} />
        </Form.Item>
      ))}
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      {isAdmin && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
