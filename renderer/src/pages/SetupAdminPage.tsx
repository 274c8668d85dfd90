import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useDepartments } from '../hooks';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface SetupValues {
  username: string;
  displayName: string;
  departmentKey: string;
  password: string;
  confirm: string;
}

/** First start: creates the administrator account and signs it in. */
export function SetupAdminPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const setup = useMutation({
    mutationFn: (v: SetupValues) =>
      call('auth:setup-admin', {
        username: v.username,
        displayName: v.displayName,
        departmentKey: v.departmentKey,
        password: v.password,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth'] }),
  });
  return (
    <div className="ci-center-card">
      <Card style={{ width: 440 }} title={t('auth.setupTitle')} extra={<LanguageSwitch persist={false} />}>
        <Typography.Paragraph type="secondary">{t('auth.setupHint')}</Typography.Paragraph>
        {setup.error && <Alert type="error" showIcon title={setup.error.message} style={{ marginBottom: 16 }} />}
        <Form<SetupValues>
          layout="vertical"
          initialValues={{ departmentKey: 'civil-affairs' }}
          onFinish={(v) => setup.mutate(v)}
        >
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, message: t('auth.required', { field: t('auth.displayName') }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentKey" label={t('auth.department')} rules={[{ required: true }]}>
            <Select
              loading={departments.isPending}
              options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('auth.required', { field: t('auth.confirmPassword') }) },
              ({ getFieldValue }) => ({
                validator: (_r, value) =>
                  value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={setup.isPending}>
            {t('auth.create')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
