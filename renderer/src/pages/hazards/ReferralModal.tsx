import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDepartmentNames } from './department-names';
import { useHazardMutation } from './hazard-hooks';

interface ReferralValues {
  departmentKey: string;
  kind: 'transfer' | 'notify';
  referredOn: Dayjs;
  letterNo?: string;
  note?: string;
}

/** 移送 / 抄告 one hazard or a selection of hazards to one department. */
export function ReferralModal({
  hazardIds,
  defaultDepartment,
  today,
  onClose,
}: {
  hazardIds: string[];
  defaultDepartment?: string | undefined;
  today: string;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  const refer = useHazardMutation('hazards:refer', () => onClose(true));
  return (
    <Modal open title={t('hazards.action.refer')} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      {hazardIds.length > 1 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('hazards.stats.selected', { count: hazardIds.length })}
        />
      )}
      <Form<ReferralValues>
        layout="vertical"
        initialValues={{ departmentKey: defaultDepartment, kind: 'transfer', referredOn: dayjs(today) }}
        onFinish={(v) =>
          refer.mutate({
            hazardIds,
            departmentKey: v.departmentKey,
            kind: v.kind,
            referredOn: v.referredOn.format('YYYY-MM-DD'),
            letterNo: v.letterNo ?? null,
            note: v.note ?? null,
          })
        }
      >
        <Form.Item
          name="departmentKey"
          label={t('hazards.field.department')}
          rules={[{ required: true, message: '请选择部门' }]}
        >
          <Select options={departments.options} />
        </Form.Item>
        <Form.Item name="kind" label={t('hazards.field.referralKind')}>
          <Radio.Group
            options={[
              { value: 'transfer', label: t('hazards.referralKind.transfer') },
              { value: 'notify', label: t('hazards.referralKind.notify') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="referredOn"
          label={t('hazards.field.referredOn')}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="letterNo" label={t('hazards.field.letterNo')} extra={t('hazards.field.letterNoHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('hazards.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={refer.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
