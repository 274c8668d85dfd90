import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  institutionStatusValues,
  institutionTypeValues,
  planTypeValues,
  type PlanSummary,
  type PlanType,
} from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments, useTowns } from '../../hooks';
import { plansQueryKey } from './query-keys';

interface PlanValues {
  name: string;
  type: PlanType;
  period: [Dayjs, Dayjs];
  templateVersionIds: string[];
  departmentKeys: string[];
  townIds: string[];
  types: string[];
  statuses: string[];
  minRiskScore: number | null;
  isFlying: boolean;
  notes?: string;
}

/**
 * Create or edit a plan (administrators). The scope pickers are plain sets; the service checks them and
 * answers in Chinese, which the dialog shows as is. After the draw the fields that decided it are locked.
 */
export function PlanFormModal({ plan, onClose }: { plan: PlanSummary | null; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const towns = useTowns();
  const templates = useQuery({
    queryKey: ['checklists', 'templates'],
    queryFn: () => call('checklists:list-templates', {}),
  });
  const [form] = Form.useForm<PlanValues>();
  const type = Form.useWatch('type', form);
  const locked = plan !== null && plan.status !== '草稿';

  const save = useMutation({
    mutationFn: (v: PlanValues) => {
      const fields = {
        name: v.name,
        type: v.type,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
        templateVersionIds: v.templateVersionIds,
        departmentKeys: v.departmentKeys,
        scope: { townIds: v.townIds, types: v.types, statuses: v.statuses, minRiskScore: v.minRiskScore ?? null },
        isFlying: v.isFlying || v.type === '飞行检查',
        notes: v.notes ?? '',
      };
      if (!plan) return call('plans:create', fields);
      // After the draw only what the draw did not depend on is sent; the service refuses the rest anyway.
      const { name, periodStart, periodEnd, templateVersionIds, notes } = fields;
      return call(
        'plans:update',
        locked ? { id: plan.id, name, periodStart, periodEnd, templateVersionIds, notes } : { id: plan.id, ...fields },
      );
    },
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: plansQueryKey });
      void message.success(t('common.saved'));
      onClose(plan ? undefined : detail.plan.id);
    },
  });

  const versionOptions = (templates.data ?? []).flatMap((tpl) =>
    tpl.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({ value: v.id, label: t('plans.form.templateOption', { name: tpl.name, version: v.version }) })),
  );
  const initial: Partial<PlanValues> = plan
    ? {
        name: plan.name,
        type: plan.type,
        period: [dayjs(plan.periodStart), dayjs(plan.periodEnd)],
        templateVersionIds: plan.templateVersionIds,
        departmentKeys: plan.departmentKeys,
        townIds: plan.scope.townIds,
        types: plan.scope.types,
        statuses: plan.scope.statuses,
        minRiskScore: plan.scope.minRiskScore,
        isFlying: plan.isFlying,
        notes: plan.notes ?? '',
      }
    : {
        type: '双随机抽查',
        templateVersionIds: [],
        departmentKeys: ['civil-affairs'],
        townIds: [],
        types: [],
        statuses: ['运营'],
        minRiskScore: null,
        isFlying: false,
      };

  return (
    <Modal
      open
      width={720}
      title={plan ? t('plans.form.editTitle') : t('plans.form.newTitle')}
      onCancel={() => onClose()}
      footer={null}
      destroyOnHidden
    >
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      {locked && <Alert type="info" showIcon title={t('plans.form.lockedAfterDraw')} style={{ marginBottom: 12 }} />}
      <Form<PlanValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('plans.form.name')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('plans.form.nameRequired') }]}
        >
          <Input placeholder={t('plans.form.namePlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item name="type" label={t('plans.form.type')}>
          <Select
            disabled={locked}
            options={planTypeValues.map((v) => ({ value: v, label: t(`plans.typeNames.${v}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('plans.form.period')}
          rules={[{ required: true, message: t('plans.form.periodRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="templateVersionIds" label={t('plans.form.templates')} extra={t('plans.form.templatesHint')}>
          <Select mode="multiple" options={versionOptions} loading={templates.isPending} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="departmentKeys" label={t('plans.form.departments')} extra={t('plans.form.departmentsHint')}>
          <Select
            mode="multiple"
            disabled={locked}
            options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.nameZh }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item
          name="isFlying"
          label={t('plans.form.isFlying')}
          extra={t('plans.form.isFlyingHint')}
          valuePropName="checked"
        >
          <Switch disabled={locked || type === '飞行检查'} />
        </Form.Item>
        <Divider titlePlacement="start">{t('plans.form.scopeTitle')}</Divider>
        <Form.Item name="townIds" label={t('plans.form.towns')}>
          <Select
            mode="multiple"
            disabled={locked}
            placeholder={t('plans.form.townsPlaceholder')}
            options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="types" label={t('plans.form.types')}>
          <Checkbox.Group disabled={locked} options={institutionTypeValues.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="statuses" label={t('plans.form.statuses')}>
          <Checkbox.Group disabled={locked} options={institutionStatusValues.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="minRiskScore" label={t('plans.form.minRisk')} extra={t('plans.form.minRiskHint')}>
          <InputNumber min={0} max={100} disabled={locked} />
        </Form.Item>
        <Form.Item name="notes" label={t('plans.form.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
