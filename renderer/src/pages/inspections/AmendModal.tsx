import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerPatchInput, InspectionAnswer, InspectionDetail, SnapshotItem } from '../../../../electron/api';
import { call } from '../../api';

interface AmendValues {
  result: InspectionAnswer['result'];
  measurementValue: number | null;
  note: string;
  description: string;
  locationBuilding: string;
  locationFloor: string;
  locationRoom: string;
  locationText: string;
  fixedOnSpot: boolean;
  reason: string;
}

const TEXT_FIELDS = [
  'note',
  'description',
  'locationBuilding',
  'locationFloor',
  'locationRoom',
  'locationText',
] as const;

/** A correction of a locked inspection's answer: the changed fields plus a required reason, saved as amendments. */
export function AmendModal({
  inspectionId,
  item,
  answer,
  onClose,
  onSaved,
}: {
  inspectionId: string;
  item: SnapshotItem;
  answer: InspectionAnswer | undefined;
  onClose: () => void;
  onSaved: (detail: InspectionDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AmendValues>();
  const amend = useMutation({
    mutationFn: (values: AmendValues) => {
      // Only fields that really differ travel, so the amendment record lists exactly what was corrected.
      const patch: AnswerPatchInput = {};
      if (values.result !== (answer?.result ?? null)) patch.result = values.result;
      if (item.answer.extra === 'measurement' && values.measurementValue !== (answer?.measurementValue ?? null)) {
        patch.measurementValue = values.measurementValue;
      }
      for (const f of TEXT_FIELDS) if ((values[f] ?? '') !== (answer?.[f] ?? '')) patch[f] = values[f] ?? '';
      if (values.fixedOnSpot !== (answer?.fixedOnSpot ?? false)) patch.fixedOnSpot = values.fixedOnSpot;
      return call('inspections:amend', { inspectionId, itemKey: item.key, patch, reason: values.reason });
    },
    onSuccess: (detail) => {
      void message.success(t('inspections.amend.done'));
      onSaved(detail);
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal
      open
      title={`${t('inspections.amend.title')}：${item.code} ${item.textZh}`}
      onCancel={onClose}
      okText={t('inspections.amend.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={amend.isPending}
      onOk={() => void form.validateFields().then((v) => amend.mutate(v))}
      width={640}
      destroyOnHidden
    >
      <Form<AmendValues>
        form={form}
        layout="vertical"
        initialValues={{
          result: answer?.result ?? null,
          measurementValue: answer?.measurementValue ?? null,
          note: answer?.note ?? '',
          description: answer?.description ?? '',
          locationBuilding: answer?.locationBuilding ?? '',
          locationFloor: answer?.locationFloor ?? '',
          locationRoom: answer?.locationRoom ?? '',
          locationText: answer?.locationText ?? '',
          fixedOnSpot: answer?.fixedOnSpot ?? false,
          reason: '',
        }}
      >
        <Form.Item name="result" label={t('inspections.fields.result')}>
          <Select
            options={(['符合', '不符合', '不适用'] as const).map((r, i) => ({
              value: r,
              label: t(`inspections.result.${['pass', 'fail', 'na'][i]}`),
            }))}
          />
        </Form.Item>
        {item.answer.extra === 'measurement' ? (
          <Form.Item name="measurementValue" label={item.answer.label ?? t('inspections.fields.measurementValue')}>
            <InputNumber suffix={item.answer.unit ?? undefined} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        {TEXT_FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`inspections.fields.${f}`)}>
            {f === 'note' || f === 'description' ? (
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            ) : (
              <Input maxLength={200} />
            )}
          </Form.Item>
        ))}
        <Form.Item name="fixedOnSpot" label={t('inspections.fields.fixedOnSpot')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('inspections.amend.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('inspections.amend.reasonPlaceholder') }]}
        >
          <Input.TextArea
            placeholder={t('inspections.amend.reasonPlaceholder')}
            autoSize={{ minRows: 2 }}
            maxLength={300}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
