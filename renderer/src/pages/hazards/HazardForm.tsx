import { Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDepartmentNames } from './department-names';
import { useHazardMutation, useInstitutionOptions } from './hazard-hooks';

interface HazardValues {
  institutionId: string;
  location: string;
  description: string;
  severity: 'major' | 'general';
  severityReason?: string;
  departments: string[];
  requiredAction: string;
  deadlineDate?: Dayjs;
  interimMeasures?: string;
}

/** Records a hazard ad hoc (outside an inspection's checklist). */
export function HazardForm({
  institutionId,
  onClose,
}: {
  institutionId?: string | undefined;
  onClose: (createdId: string | null) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  const institutions = useInstitutionOptions();
  const create = useHazardMutation('hazards:create', (detail) => onClose(detail.hazard.id));
  const [form] = Form.useForm<HazardValues>();
  const severity = Form.useWatch('severity', form);
  return (
    <Modal open title={t('hazards.newHazard')} onCancel={() => onClose(null)} footer={null} destroyOnHidden width={600}>
      <Form<HazardValues>
        form={form}
        layout="vertical"
        initialValues={{ institutionId, severity: 'general', departments: ['civil-affairs'] }}
        onFinish={(v) =>
          create.mutate({
            institutionId: v.institutionId,
            location: v.location,
            description: v.description,
            severity: v.severity,
            severityReason: v.severityReason ?? null,
            departments: v.departments,
            requiredAction: v.requiredAction,
            deadlineDate: v.deadlineDate ? v.deadlineDate.format('YYYY-MM-DD') : null,
            interimMeasures: v.interimMeasures ?? null,
          })
        }
      >
        <Form.Item
          name="institutionId"
          label={t('hazards.field.institution')}
          rules={[{ required: true, message: '请选择机构' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={institutions.isPending}
            options={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('hazards.field.location')}
          rules={[{ required: true, message: '请填写隐患部位' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('hazards.field.description')}
          rules={[{ required: true, message: '请填写隐患描述' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="severity" label={t('hazards.field.severity')}>
          <Radio.Group
            options={[
              { value: 'general', label: t('hazards.severity.general') },
              { value: 'major', label: t('hazards.severity.major') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="severityReason"
          label={t('hazards.field.severityReason')}
          rules={[{ required: severity === 'major', message: '登记重大事故隐患须填写定级理由' }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {severity === 'major' && (
          <Form.Item
            name="interimMeasures"
            label={t('hazards.field.interimMeasures')}
            rules={[{ required: true, message: '登记重大事故隐患须填写整改期间的临时安全措施' }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item
          name="departments"
          label={t('hazards.field.departments')}
          rules={[{ required: true, message: '请至少选择一个责任部门' }]}
        >
          <Select mode="multiple" options={departments.options} />
        </Form.Item>
        <Form.Item
          name="requiredAction"
          label={t('hazards.field.requiredAction')}
          rules={[{ required: true, message: '请填写整改要求' }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="deadlineDate" label={t('hazards.field.deadlineDate')} extra={t('hazards.field.deadlineHint')}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
