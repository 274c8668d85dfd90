import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call } from '../../api';
import { useDepartments } from '../../hooks';

interface StartValues {
  institutionId: string;
  templateVersionId: string;
  inspectorIds: string[];
  representativeName: string;
  representativeTitle?: string;
  representativePhone?: string;
}

/** Starts an inspection ad hoc (institution + published checklist) or from a plan entry (`?plan=<id>`). */
export function StartInspectionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<StartValues>();
  const [query, setQuery] = useState('');
  const departments = useDepartments();
  const planAssignmentId = params.get('plan');
  // From 我的检查安排: the drawn institution, the plan's checklist and the drawn team are filled in.
  const assignment = useQuery({
    queryKey: ['plans', 'assignment', planAssignmentId],
    queryFn: () => call('plans:get-assignment', { id: planAssignmentId ?? '' }),
    enabled: planAssignmentId !== null,
  });
  // Until the user types, an assignment's institution is what the picker searches for, so it is among the options.
  const search = query || assignment.data?.institutionName || '';
  const institutions = useQuery({
    queryKey: ['institutions', 'pick', search],
    queryFn: () => call('institutions:list', { query: search || undefined, pageSize: 50 }),
  });
  const templates = useQuery({
    queryKey: ['checklists', 'templates'],
    queryFn: () => call('checklists:list-templates', {}),
  });
  const inspectors = useQuery({ queryKey: ['inspectors', 'list', false], queryFn: () => call('inspectors:list', {}) });
  useEffect(() => {
    const a = assignment.data;
    if (!a) return;
    form.setFieldsValue({
      institutionId: a.institutionId,
      ...(a.templateVersionIds[0] ? { templateVersionId: a.templateVersionIds[0] } : {}),
      inspectorIds: a.team.map((m) => m.id),
    });
  }, [assignment.data, form]);
  const start = useMutation({
    mutationFn: (v: StartValues) => call('inspections:start', { ...v, planAssignmentId: params.get('plan') }),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
      queryClient.setQueryData(['inspections', 'detail', detail.summary.id], detail);
      navigate(`/inspections/${detail.summary.id}`);
    },
    onError: (e) => void message.error(e.message),
  });
  const deptName = new Map((departments.data ?? []).map((d) => [d.key, d.shortZh]));
  const versionOptions = (templates.data ?? []).flatMap((tpl) =>
    tpl.versions
      .filter((v) => v.status === 'published')
      .slice(0, 1)
      .map((v) => ({
        value: v.id,
        label: t('inspections.start.templateOption', { name: tpl.name, version: v.version }),
      })),
  );
  const inspectorOptions = (inspectors.data ?? [])
    .filter((i) => i.isActive)
    .map((i) => ({
      value: i.id,
      label: `${i.name}（${deptName.get(i.departmentKey) ?? i.departmentKey}${i.certificateNo ? ` · ${i.certificateNo}` : ''}）`,
    }));
  const required = [{ required: true, message: t('inspections.start.required') }];

  return (
    <Card title={t('inspections.start.title')} style={{ maxWidth: 760 }}>
      {templates.data && versionOptions.length === 0 ? (
        <Alert type="warning" title={t('inspections.start.noTemplates')} style={{ marginBottom: 16 }} />
      ) : null}
      {inspectors.data && inspectorOptions.length === 0 ? (
        <Alert type="warning" title={t('inspections.start.noInspectors')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StartValues> form={form} layout="vertical" onFinish={(v) => start.mutate(v)}>
        <Form.Item name="institutionId" label={t('inspections.start.institution')} rules={required}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQuery }}
            placeholder={t('inspections.start.institutionPlaceholder')}
            loading={institutions.isPending}
            options={(institutions.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name}（${i.townName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="templateVersionId" label={t('inspections.start.template')} rules={required}>
          <Select
            placeholder={t('inspections.start.templatePlaceholder')}
            options={versionOptions}
            loading={templates.isPending}
          />
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label={t('inspections.start.inspectors')}
          extra={t('inspections.start.inspectorsHelp')}
          rules={[{ required: true, type: 'array', min: 2, message: t('inspections.start.inspectorsPlaceholder') }]}
        >
          <Select
            mode="multiple"
            placeholder={t('inspections.start.inspectorsPlaceholder')}
            options={inspectorOptions}
            loading={inspectors.isPending}
            optionFilterProp="label"
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="representativeName"
            label={t('inspections.start.representativeName')}
            rules={required}
            style={{ width: '34%' }}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="representativeTitle"
            label={t('inspections.start.representativeTitle')}
            style={{ width: '33%' }}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="representativePhone"
            label={t('inspections.start.representativePhone')}
            style={{ width: '33%' }}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Space>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t('inspections.start.submit')}
          </Button>
          <Button onClick={() => navigate('/inspections')}>{t('inspections.start.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
