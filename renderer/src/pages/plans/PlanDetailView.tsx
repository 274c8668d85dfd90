import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments, useTowns } from '../../hooks';
import { DrawPanel } from './DrawPanel';
import { DrawRecordsTable } from './DrawRecordsTable';
import { PlanFormModal } from './PlanFormModal';
import { planStatusColors } from './plan-format';
import { plansQueryKey } from './query-keys';
import { SchedulePanel } from './SchedulePanel';

/** One plan: its facts, the draw (and redraws with their records), the schedule with progress, and the export. */
export function PlanDetailView({ planId, isAdmin, onBack }: { planId: string; isAdmin: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const towns = useTowns(true);
  const templates = useQuery({
    queryKey: ['checklists', 'templates'],
    queryFn: () => call('checklists:list-templates', {}),
  });
  const detail = useQuery({
    queryKey: [...plansQueryKey, 'detail', planId],
    queryFn: () => call('plans:get', { id: planId }),
  });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const exportLog = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx') => call('plans:export-draw-log', { planId, format }),
    onSuccess: (r) =>
      void (r.saved
        ? message.success(t('plans.detail.exported', { path: r.saved.path }))
        : message.info(t('plans.detail.exportCancelled'))),
    onError: (e) => void message.error(e.message),
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => call('plans:cancel', { id: planId, reason }),
    onSuccess: (d) => {
      queryClient.setQueryData([...plansQueryKey, 'detail', planId], d);
      void queryClient.invalidateQueries({ queryKey: plansQueryKey });
      setCancelling(false);
    },
  });

  if (!detail.data) {
    return detail.isError ? <Alert type="error" showIcon title={detail.error.message} /> : <Card loading />;
  }
  const { plan } = detail.data;
  const fmt = t('plans.dateFormat');
  const deptName = new Map((departments.data ?? []).map((d) => [d.key, d.shortZh]));
  const townName = new Map((towns.data ?? []).map((town) => [town.id, town.name]));
  const versionName = new Map(
    (templates.data ?? []).flatMap((tpl) =>
      tpl.versions.map((v) => [v.id, t('plans.form.templateOption', { name: tpl.name, version: v.version })]),
    ),
  );
  const scope = [
    plan.scope.townIds.length
      ? t('plans.detail.scopeTowns', { list: plan.scope.townIds.map((id) => townName.get(id) ?? id).join('、') })
      : null,
    plan.scope.types.length ? t('plans.detail.scopeTypes', { list: plan.scope.types.join('、') }) : null,
    plan.scope.statuses.length ? t('plans.detail.scopeStatuses', { list: plan.scope.statuses.join('、') }) : null,
    plan.scope.minRiskScore !== null ? t('plans.detail.scopeRisk', { score: plan.scope.minRiskScore }) : null,
  ].filter((s): s is string => s !== null);
  const live = plan.status !== '已作废';
  const onChanged = (d: PlanDetail) => {
    queryClient.setQueryData([...plansQueryKey, 'detail', planId], d);
    void queryClient.invalidateQueries({ queryKey: [...plansQueryKey, 'list'] });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onBack}>{t('plans.detail.back')}</Button>
        {isAdmin && live && <Button onClick={() => setEditing(true)}>{t('plans.detail.edit')}</Button>}
        {isAdmin && live && plan.status !== '已完成' && (
          <Button danger onClick={() => setCancelling(true)}>
            {t('plans.detail.cancel')}
          </Button>
        )}
        {plan.currentDrawId && live && (
          <>
            <Button
              loading={exportLog.isPending && exportLog.variables === 'pdf'}
              onClick={() => exportLog.mutate('pdf')}
            >
              {t('plans.detail.exportPdf')}
            </Button>
            <Button
              loading={exportLog.isPending && exportLog.variables === 'xlsx'}
              onClick={() => exportLog.mutate('xlsx')}
            >
              {t('plans.detail.exportXlsx')}
            </Button>
          </>
        )}
      </Space>
      {plan.status === '已作废' && (
        <Alert type="error" showIcon title={t('plans.detail.cancelled', { reason: plan.cancelReason ?? '' })} />
      )}
      {plan.isFlying && <Alert type="warning" showIcon title={t('plans.detail.flyingNotice')} />}
      <Descriptions
        bordered
        size="small"
        column={2}
        title={
          <Space>
            {plan.name}
            <Tag color={planStatusColors[plan.status]}>{t(`plans.statusNames.${plan.status}`)}</Tag>
          </Space>
        }
        items={[
          { key: 'type', label: t('plans.list.type'), children: t(`plans.typeNames.${plan.type}`) },
          {
            key: 'period',
            label: t('plans.list.period'),
            children: `${dayjs(plan.periodStart).format(fmt)} – ${dayjs(plan.periodEnd).format(fmt)}`,
          },
          {
            key: 'departments',
            label: t('plans.detail.departments'),
            children: plan.departmentKeys.map((k) => deptName.get(k) ?? k).join('、'),
          },
          {
            key: 'templates',
            label: t('plans.detail.templates'),
            children: plan.templateVersionIds.map((id) => versionName.get(id) ?? id).join('、') || '—',
          },
          {
            key: 'scope',
            label: t('plans.detail.scope'),
            children: scope.length ? scope.join('；') : t('plans.detail.scopeAll'),
          },
          {
            key: 'created',
            label: t('plans.form.notes'),
            children: (
              <Space direction="vertical" size={0}>
                <span>{plan.notes ?? '—'}</span>
                <span style={{ color: '#888' }}>
                  {t('plans.detail.createdBy', { name: plan.createdByName, date: dayjs(plan.createdAt).format(fmt) })}
                </span>
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('plans.detail.sectionDraw')}>
        <DrawPanel detail={detail.data} isAdmin={isAdmin && live} onChanged={onChanged} />
      </Card>
      {detail.data.draws.length > 0 && (
        <Card size="small" title={t('plans.detail.sectionDraws')}>
          <DrawRecordsTable draws={detail.data.draws} />
        </Card>
      )}
      {detail.data.assignments.length > 0 && (
        <Card size="small" title={t('plans.detail.sectionSchedule')}>
          <SchedulePanel detail={detail.data} isAdmin={isAdmin && live} onChanged={onChanged} />
        </Card>
      )}
      {editing && (
        <PlanFormModal
          plan={plan}
          onClose={() => {
            setEditing(false);
          }}
        />
      )}
      {cancelling && (
        <Modal
          open
          title={t('plans.detail.cancelTitle')}
          onCancel={() => setCancelling(false)}
          footer={null}
          destroyOnHidden
        >
          {cancel.error && <Alert type="error" showIcon title={cancel.error.message} style={{ marginBottom: 12 }} />}
          <Form<{ reason: string }> layout="vertical" onFinish={(v) => cancel.mutate(v.reason)}>
            <Form.Item
              name="reason"
              label={t('plans.detail.cancelReason')}
              rules={[{ required: true, min: 4, whitespace: true, message: t('plans.detail.cancelReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={300} />
            </Form.Item>
            <Button danger type="primary" htmlType="submit" loading={cancel.isPending}>
              {t('plans.detail.cancel')}
            </Button>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
