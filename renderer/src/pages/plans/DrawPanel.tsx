import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../electron/api';
import { call } from '../../api';

interface DrawValues {
  mode: 'count' | 'ratio';
  count: number;
  percent: number;
  riskWeighted: boolean;
  excludeDays: number | null;
  teamSize: number;
  joint: boolean;
}

/**
 * 抽取: the administrator's choices for the draw (scope and departments come from the plan). When the plan is
 * already drawn the same form redraws, which asks for the reason first. The service's Chinese message for an
 * impossible request is shown as is; nothing is saved then.
 */
export function DrawPanel({
  detail,
  isAdmin,
  onChanged,
}: {
  detail: PlanDetail;
  isAdmin: boolean;
  onChanged: (d: PlanDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DrawValues>();
  const mode = Form.useWatch('mode', form);
  const [redrawOpen, setRedrawOpen] = useState(false);
  const { plan } = detail;
  const drawn = plan.currentDrawId !== null;
  const current = detail.draws.find((d) => d.id === plan.currentDrawId);

  const request = (v: DrawValues) => ({
    planId: plan.id,
    selection:
      v.mode === 'count' ? { mode: 'count' as const, count: v.count } : { mode: 'ratio' as const, percent: v.percent },
    riskWeighted: v.riskWeighted,
    excludeInspectedWithinDays: v.excludeDays ?? null,
    teamSize: v.teamSize,
    joint: v.joint,
  });
  const draw = useMutation({
    mutationFn: (v: DrawValues) => call('plans:draw', request(v)),
    onSuccess: onChanged,
  });
  const redraw = useMutation({
    mutationFn: (reason: string) =>
      call('plans:redraw', { ...request(form.getFieldsValue(true) as DrawValues), reason }),
    onSuccess: (d) => {
      setRedrawOpen(false);
      onChanged(d);
    },
  });

  const initial: DrawValues = current
    ? {
        mode: current.params.selection.mode,
        count: current.params.selection.mode === 'count' ? current.params.selection.count : 5,
        percent: current.params.selection.mode === 'ratio' ? current.params.selection.percent : 10,
        riskWeighted: current.params.riskWeighted,
        excludeDays: current.params.scope.excludeInspectedWithinDays,
        teamSize: current.params.teamSize,
        joint: current.params.joint,
      }
    : {
        mode: 'count',
        count: 5,
        percent: 10,
        riskWeighted: false,
        excludeDays: null,
        teamSize: 2,
        joint: plan.type === '联合检查',
      };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {current ? (
        <Typography.Text>
          {t('plans.draw.drawn', { count: current.institutions.length })}（
          {t('plans.draw.counts', {
            inScope: current.inScopeCount,
            recent: current.recentlyInspectedCount,
            eligible: current.eligibleCount,
          })}
          ）
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('plans.draw.notDrawn')}</Typography.Text>
      )}
      {draw.error && <Alert type="error" showIcon title={draw.error.message} />}
      {isAdmin && (
        <Form<DrawValues>
          form={form}
          layout="inline"
          initialValues={initial}
          onFinish={(v) => (drawn ? setRedrawOpen(true) : draw.mutate(v))}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="mode" label={t('plans.draw.mode')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'count', label: t('plans.draw.byCount') },
                { value: 'ratio', label: t('plans.draw.byRatio') },
              ]}
            />
          </Form.Item>
          {mode === 'ratio' ? (
            <Form.Item name="percent" label={t('plans.draw.percent')}>
              <InputNumber min={0.01} max={100} step={5} />
            </Form.Item>
          ) : (
            <Form.Item name="count" label={t('plans.draw.count')}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
          )}
          <Form.Item
            name="riskWeighted"
            label={t('plans.draw.riskWeighted')}
            valuePropName="checked"
            tooltip={t('plans.draw.riskWeightedHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item name="excludeDays" label={t('plans.draw.exclude')} tooltip={t('plans.draw.excludeHint')}>
            <InputNumber min={1} max={3650} precision={0} />
          </Form.Item>
          <Form.Item name="teamSize" label={t('plans.draw.teamSize')}>
            <InputNumber min={2} max={10} precision={0} />
          </Form.Item>
          <Form.Item name="joint" label={t('plans.draw.joint')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={draw.isPending} danger={drawn}>
              {drawn ? t('plans.draw.redraw') : t('plans.draw.submit')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {redrawOpen && (
        <Modal
          open
          title={t('plans.draw.redrawTitle')}
          onCancel={() => setRedrawOpen(false)}
          footer={null}
          destroyOnHidden
        >
          <Alert type="warning" showIcon title={t('plans.draw.redrawNotice')} style={{ marginBottom: 12 }} />
          {redraw.error && <Alert type="error" showIcon title={redraw.error.message} style={{ marginBottom: 12 }} />}
          <Form<{ reason: string }> layout="vertical" onFinish={(v) => redraw.mutate(v.reason)}>
            <Form.Item
              name="reason"
              label={t('plans.draw.redrawReason')}
              rules={[{ required: true, min: 4, whitespace: true, message: t('plans.draw.redrawReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={300} />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" loading={redraw.isPending}>
              {t('plans.draw.redraw')}
            </Button>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
