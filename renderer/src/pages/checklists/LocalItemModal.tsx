import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  deadlineClassSchema,
  majorFlagSchema,
  priorityTagSchema,
  ruleCategorySchema,
  ruleDepartmentSchema,
  ruleMarkSchema,
  type LocalRuleItemInput,
  type RuleItem,
} from '../../../../electron/api';
import { call } from '../../api';
import { CHECKLISTS_KEY } from './use-checklists';

type Values = Omit<LocalRuleItemInput, 'majorClause' | 'measurementUnit' | 'measurementLabel'> & {
  majorClause?: string;
  measurementUnit?: string;
  measurementLabel?: string;
};

/** Creates or edits a local rule item: the bureau's own text, legal basis and chosen verification mark. */
export function LocalItemModal({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: RuleItem | null;
  onClose: () => void;
  onSaved?: (item: RuleItem) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: LocalRuleItemInput = {
        ...v,
        majorClause: v.majorClause?.trim() ? v.majorClause.trim() : null,
        measurementUnit: v.measurementUnit?.trim() ? v.measurementUnit.trim() : null,
        measurementLabel: v.measurementLabel?.trim() ? v.measurementLabel.trim() : null,
      };
      return editing
        ? call('checklists:update-local-item', { ...input, id: editing.id })
        : call('checklists:create-local-item', input);
    },
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
      onSaved?.(item);
      onClose();
    },
  });
  const initial: Partial<Values> = editing
    ? {
        category: editing.category,
        textZh: editing.textZh,
        glossEn: editing.glossEn,
        legalBasis: editing.legalBasis,
        mark: editing.weakestMark,
        majorFlag: editing.majorHazard.flag,
        ...(editing.majorHazard.clause ? { majorClause: editing.majorHazard.clause } : {}),
        departments: editing.departments,
        deadlineClass: editing.deadlineClass,
        ...(editing.measurement
          ? { measurementUnit: editing.measurement.unit, measurementLabel: editing.measurement.label }
          : {}),
        photoRequiredOnFail: editing.photoRequiredOnFail,
        priorities2025: editing.priorities2025,
        hintZh: editing.hintZh,
      }
    : {
        mark: 'U',
        majorFlag: 'unknown',
        deadlineClass: 'normal',
        photoRequiredOnFail: true,
        priorities2025: [],
        departments: [],
      };
  return (
    <Modal
      open={open}
      title={editing ? `${t('checklists.library.editLocal')} ${editing.code}` : t('checklists.library.newLocal')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('checklists.actions.save')}
      cancelText={t('checklists.actions.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        preserve={false}
      >
        <Form.Item name="textZh" label={t('checklists.library.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('checklists.library.legalBasis')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          name="mark"
          label={t('checklists.library.mark')}
          extra={t('checklists.library.localMarkHint')}
          rules={[{ required: true }]}
        >
          <Select options={ruleMarkSchema.options.map((m) => ({ value: m, label: t(`checklists.marks.${m}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('checklists.library.category')} rules={[{ required: true }]}>
          <Select
            options={ruleCategorySchema.options.map((c) => ({ value: c, label: t(`checklists.categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="departments"
          label={t('checklists.library.department')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            options={ruleDepartmentSchema.options.map((d) => ({ value: d, label: t(`checklists.departments.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="majorFlag" label={t('checklists.majorTitle')}>
          <Select options={majorFlagSchema.options.map((f) => ({ value: f, label: t(`checklists.major.${f}`) }))} />
        </Form.Item>
        <Form.Item name="majorClause" label={t('checklists.library.clause')}>
          <Input placeholder={t('checklists.library.clausePlaceholder')} />
        </Form.Item>
        <Form.Item name="deadlineClass" label={t('checklists.library.deadline')}>
          <Select
            options={deadlineClassSchema.options.map((d) => ({ value: d, label: t(`checklists.deadline.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="priorities2025" label={t('checklists.prioritiesTitle')}>
          <Select
            mode="multiple"
            options={priorityTagSchema.options.map((p) => ({ value: p, label: t(`checklists.priorities.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="measurementLabel" label={t('checklists.library.measurementLabel')}>
          <Input />
        </Form.Item>
        <Form.Item name="measurementUnit" label={t('checklists.library.measurementUnit')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="photoRequiredOnFail" label={t('checklists.library.photo')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="hintZh" label={t('checklists.library.hint')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
