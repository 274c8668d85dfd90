import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { verificationMethods, type Hazard, type HazardReferral } from '../../../../electron/api';
import { useDepartmentNames } from './department-names';
import { useHazardMutation } from './hazard-hooks';
import { PhotoUploadField } from './HazardPhotos';

/** The manual transitions that open a form. */
export type FormAction = 'report' | 'verify-pass' | 'verify-fail';

interface TransitionValues {
  text?: string;
  reason?: string;
  method?: (typeof verificationMethods)[number];
  photoIds?: string[];
  documentIds?: string[];
}

/**
 * The form of one transition: 整改报告 (text, after-photos, documents), 复查通过 (method, note, photos),
 * 复查不通过 (method, reason, photos). Photos are stored as they are picked and linked when the form is saved.
 */
export function TransitionModal({
  hazard,
  action,
  onClose,
}: {
  hazard: Hazard;
  action: FormAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useHazardMutation('hazards:transition', onClose);
  return (
    <Modal
      open
      title={`${t(`hazards.action.${action}`)}：${hazard.code}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {action === 'verify-pass' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('hazards.separationHint')} />
      )}
      <Form<TransitionValues>
        layout="vertical"
        initialValues={{ method: action === 'report' ? undefined : '现场复查' }}
        onFinish={(v) =>
          mutation.mutate({
            hazardId: hazard.id,
            action,
            text: v.text ?? null,
            reason: v.reason ?? null,
            method: v.method ?? null,
            photoIds: v.photoIds ?? [],
            documentIds: v.documentIds ?? [],
          })
        }
      >
        {action !== 'report' && (
          <Form.Item
            name="method"
            label={t('hazards.field.method')}
            rules={[{ required: true, message: '请选择复查方式' }]}
          >
            <Radio.Group options={verificationMethods.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        )}
        {action === 'report' && (
          <Form.Item
            name="text"
            label={t('hazards.field.text')}
            rules={[{ required: true, message: '请填写整改情况' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'verify-pass' && (
          <Form.Item name="text" label={t('hazards.field.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'verify-fail' && (
          <Form.Item
            name="reason"
            label={t('hazards.field.reason')}
            rules={[{ required: true, message: '请填写不通过的原因' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item
          name="photoIds"
          label={action === 'report' ? t('hazards.photo.afterPhotos') : t('hazards.photo.verifyPhotos')}
        >
          <PhotoUploadField testId="hazard-after-photos" />
        </Form.Item>
        {action === 'report' && (
          <Form.Item name="documentIds" label={t('hazards.photo.documents')}>
            <PhotoUploadField testId="hazard-documents" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** Records a 催办 reminder with an optional note. */
export function RemindModal({ hazard, onClose }: { hazard: Hazard; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useHazardMutation('hazards:remind', onClose);
  return (
    <Modal
      open
      title={`${t('hazards.action.remind')}：${hazard.code}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form<{ note?: string }>
        layout="vertical"
        onFinish={(v) => mutation.mutate({ hazardId: hazard.id, note: v.note ?? null })}
      >
        <Form.Item name="note" label={t('hazards.field.note')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}

interface EditValues {
  interimMeasures?: string;
  departments: string[];
  requiredAction: string;
  deadlineDate: Dayjs;
  reason: string;
}

/** Edits the fields a hazard may change while open; the reason goes to history and the audit log. */
export function EditModal({ hazard, onClose }: { hazard: Hazard; onClose: () => void }) {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  const mutation = useHazardMutation('hazards:update', onClose);
  return (
    <Modal
      open
      title={`${t('hazards.action.edit')}：${hazard.code}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      <Form<EditValues>
        layout="vertical"
        initialValues={{
          interimMeasures: hazard.interimMeasures ?? '',
          departments: hazard.departments,
          requiredAction: hazard.requiredAction,
          deadlineDate: dayjs(hazard.deadlineDate),
        }}
        onFinish={(v) =>
          mutation.mutate({
            id: hazard.id,
            reason: v.reason,
            departments: v.departments,
            requiredAction: v.requiredAction,
            deadlineDate: v.deadlineDate.format('YYYY-MM-DD'),
            ...((v.interimMeasures ?? '') !== (hazard.interimMeasures ?? '')
              ? { interimMeasures: v.interimMeasures ?? null }
              : {}),
          })
        }
      >
        <Form.Item name="interimMeasures" label={t('hazards.field.interimMeasures')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
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
        <Form.Item
          name="deadlineDate"
          label={t('hazards.field.deadlineDate')}
          rules={[{ required: true, message: '请选择整改期限' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hazards.field.editReason')}
          rules={[{ required: true, message: '修改隐患须填写原因' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** Records whether the department accepted a referral, and when. */
export function ReferralReplyModal({
  referral,
  today,
  onClose,
}: {
  referral: HazardReferral;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useHazardMutation('hazards:update-referral', onClose);
  return (
    <Modal open title={t('hazards.updateReferral')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<{ accepted: 'pending' | 'yes' | 'no'; acceptedOn?: Dayjs; note?: string }>
        layout="vertical"
        initialValues={{
          accepted: referral.accepted === 'pending' ? 'yes' : referral.accepted,
          acceptedOn: dayjs(referral.acceptedOn ?? today),
        }}
        onFinish={(v) =>
          mutation.mutate({
            referralId: referral.id,
            accepted: v.accepted,
            acceptedOn: v.accepted === 'pending' ? null : (v.acceptedOn?.format('YYYY-MM-DD') ?? null),
            note: v.note ?? null,
          })
        }
      >
        <Form.Item name="accepted" label={t('hazards.field.accepted')}>
          <Radio.Group
            options={(['yes', 'no', 'pending'] as const).map((k) => ({ value: k, label: t(`hazards.accepted.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="acceptedOn" label={t('hazards.field.acceptedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('hazards.field.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** Department name + kind of a referral, for lists. */
export function useReferralLabel() {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  return (r: HazardReferral) => `${t(`hazards.referralKind.${r.kind}`)} ${departments.name(r.departmentKey)}`;
}
