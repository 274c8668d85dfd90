import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** Sign-in with a local account. */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (v: { username: string; password: string }) => call('auth:sign-in', v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth'] }),
  });
  return (
    <div className="ci-center-card">
      <Card style={{ width: 380 }} extra={<LanguageSwitch persist={false} />} title={t('auth.signInTitle')}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        {signIn.error && <Alert type="error" showIcon title={signIn.error.message} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => signIn.mutate(v)}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
