import { Alert, Button, Form, Input, InputNumber, Space, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHazardMutation, useHazardSettings } from './hazard-hooks';

interface RulesValues {
  immediate: number;
  short: number;
  normal: number;
  requireDifferentVerifier: boolean;
  reason?: string;
}

/** 整改规则: default deadline days per class ([S] heuristics) and the separation-of-duties switch (admin). */
export function RulesTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const settings = useHazardSettings();
  const save = useHazardMutation('hazards:update-settings');
  if (!settings.data) return <Spin />;
  const s = settings.data;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Alert
        type="warning"
        showIcon
        message={t('hazards.settings.defaultsNote', { ...s.defaults, mark: s.defaultsMark })}
        description={s.defaultsNote}
      />
      {!isAdmin && <Alert type="info" message={t('hazards.settings.adminOnly')} />}
      <Form<RulesValues>
        layout="vertical"
        disabled={!isAdmin}
        initialValues={{ ...s.deadlineDays, requireDifferentVerifier: s.requireDifferentVerifier }}
        onFinish={(v) =>
          save.mutate({
            deadlineDays: { immediate: v.immediate, short: v.short, normal: v.normal },
            requireDifferentVerifier: v.requireDifferentVerifier,
            reason: v.reason ?? null,
          })
        }
      >
        <Typography.Title level={5}>{t('hazards.settings.deadlineDays')}</Typography.Title>
        <Space size={16} wrap>
          {(['immediate', 'short', 'normal'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={t(`hazards.settings.${k}`)}
              rules={[{ required: true, message: '请填写天数' }]}
            >
              <InputNumber min={0} max={365} precision={0} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item
          name="requireDifferentVerifier"
          label={t('hazards.settings.requireDifferentVerifier')}
          extra={t('hazards.settings.requireDifferentVerifierHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="reason" label={t('hazards.settings.reason')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Space>
  );
}
