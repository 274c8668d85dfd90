import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';
import { inspectorsQueryKey } from './query-keys';

interface InspectorValues {
  name: string;
  departmentKey: string;
  certificateNo?: string;
  phone?: string;
  userId?: string | null;
  isActive?: boolean;
}

/** Create or edit one inspector (administrators only); the service's Chinese error is shown in the dialog. */
export function InspectorFormModal({ inspector, onClose }: { inspector: Inspector | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('users:list', {}) });
  const save = useMutation({
    mutationFn: (v: InspectorValues) => {
      const fields = {
        name: v.name,
        departmentKey: v.departmentKey,
        certificateNo: v.certificateNo ?? '',
        phone: v.phone ?? '',
        userId: v.userId ?? null,
      };
      return inspector
        ? call('inspectors:update', { id: inspector.id, ...fields, isActive: v.isActive ?? true })
        : call('inspectors:create', fields);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inspectorsQueryKey });
      void message.success(t('common.saved'));
      onClose();
    },
  });
  const initial: InspectorValues = inspector
    ? {
        name: inspector.name,
        departmentKey: inspector.departmentKey,
        certificateNo: inspector.certificateNo ?? '',
        phone: inspector.phone ?? '',
        userId: inspector.userId,
        isActive: inspector.isActive,
      }
    : { name: '', departmentKey: 'civil-affairs' };
  const title = inspector ? t('plans.inspectors.editInspector') : t('plans.inspectors.newInspector');
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      <Form<InspectorValues> layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('plans.inspectors.name')}
          rules={[{ required: true, whitespace: true, message: t('plans.inspectors.nameRequired') }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="departmentKey"
          label={t('plans.inspectors.department')}
          rules={[{ required: true, message: t('plans.inspectors.departmentRequired') }]}
        >
          <Select options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.nameZh }))} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('plans.inspectors.certificateNo')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('plans.inspectors.phone')}
          rules={[
            {
              pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
              message: t('plans.inspectors.phoneInvalid'),
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('plans.inspectors.userAccount')}
          extra={t('plans.inspectors.userAccountHint')}
        >
          <Select
            allowClear
            loading={users.isPending}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
        {inspector && (
          <Form.Item name="isActive" label={t('plans.inspectors.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
