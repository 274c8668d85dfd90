import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerExtraSchema,
  institutionFeatureSchema,
  type AnswerExtra,
  type InstitutionFeature,
  type InstitutionFeatures,
  type RuleItem,
  type RuleItemFilter,
  type SnapshotItem,
  type TemplateSnapshot,
} from '../../../../electron/api';
import { call } from '../../api';
import { AppliesWhen, MajorTag, MarkTag, PriorityTags } from './labels';
import { RuleFilters } from './RuleFilters';
import { CHECKLISTS_KEY, useRuleItems } from './use-checklists';

/** Values of the section form. */
export interface SectionValues {
  title: string;
  appliesWhen: InstitutionFeature[];
}

/** Adds or edits a section: its title and the institution features that switch it on. */
export function SectionModal({
  open,
  initial,
  error,
  saving,
  onSubmit,
  onClose,
}: {
  open: boolean;
  initial: SectionValues | null;
  error: string | null;
  saving: boolean;
  onSubmit: (v: SectionValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={initial ? t('checklists.templates.editSection') : t('checklists.templates.addSection')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<SectionValues>
        layout="vertical"
        initialValues={initial ?? { title: '', appliesWhen: [] }}
        onFinish={onSubmit}
      >
        <Form.Item
          name="title"
          label={t('checklists.templates.sectionTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="appliesWhen"
          label={t('checklists.templates.appliesWhen')}
          extra={t('checklists.templates.appliesHint')}
        >
          <Checkbox.Group
            options={institutionFeatureSchema.options.map((f) => ({ value: f, label: t(`checklists.features.${f}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('checklists.actions.save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** Values of the item settings form. */
export interface ItemSettingsValues {
  answerExtra: AnswerExtra;
  measurementUnit?: string | null;
  measurementLabel?: string | null;
  photoRequiredOnFail: boolean;
  required: boolean;
  hint?: string | null;
}

/** Per-template settings of one item: extra answer, photo rule, hint, required. */
export function ItemSettingsModal({
  item,
  error,
  saving,
  onSubmit,
  onClose,
}: {
  item: SnapshotItem | null;
  error: string | null;
  saving: boolean;
  onSubmit: (v: ItemSettingsValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemSettingsValues>();
  const extra = Form.useWatch('answerExtra', form);
  return (
    <Modal
      open={item !== null}
      title={item ? t('checklists.templates.itemSettings', { name: item.code }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {item && (
        <Form<ItemSettingsValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            answerExtra: item.answer.extra,
            measurementUnit: item.answer.unit,
            measurementLabel: item.answer.label,
            photoRequiredOnFail: item.photoRequiredOnFail,
            required: item.required,
            hint: item.hintIsCustom ? item.hint : null,
          }}
          onFinish={onSubmit}
        >
          <Typography.Paragraph>{item.textZh}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="answerExtra"
            label={t('checklists.templates.answer')}
            extra={t('checklists.templates.answerHint')}
          >
            <Select
              options={answerExtraSchema.options.map((a) => ({ value: a, label: t(`checklists.answerExtras.${a}`) }))}
            />
          </Form.Item>
          {extra === 'measurement' && (
            <Space>
              <Form.Item name="measurementLabel" label={t('checklists.library.measurementLabel')}>
                <Input />
              </Form.Item>
              <Form.Item
                name="measurementUnit"
                label={t('checklists.library.measurementUnit')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input style={{ width: 120 }} />
              </Form.Item>
            </Space>
          )}
          <Space size="large">
            <Form.Item name="photoRequiredOnFail" label={t('checklists.templates.photo')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="required" label={t('checklists.templates.required')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="hint" label={t('checklists.templates.hint')}>
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('checklists.templates.hintPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('checklists.actions.save')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

/** Picks rules from the library (search by text, category, department) to add to a section. */
export function AddItemsModal({
  sectionTitle,
  present,
  error,
  saving,
  onSubmit,
  onClose,
}: {
  sectionTitle: string | null;
  present: ReadonlySet<string>;
  error: string | null;
  saving: boolean;
  onSubmit: (ids: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RuleItemFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const items = useRuleItems(filter);
  const close = () => {
    setSelected([]);
    onClose();
  };
  return (
    <Modal
      open={sectionTitle !== null}
      title={t('checklists.templates.addItemsTitle', { section: sectionTitle ?? '' })}
      onCancel={close}
      width={1000}
      destroyOnHidden
      footer={
        <Button type="primary" disabled={selected.length === 0} loading={saving} onClick={() => onSubmit(selected)}>
          {t('checklists.templates.addSelected', { count: selected.length })}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <RuleFilters value={filter} onChange={setFilter} compact />
      <Table<RuleItem>
        rowKey="id"
        size="small"
        aria-label={t('checklists.templates.addItems')}
        loading={items.isPending}
        dataSource={items.data ?? []}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) => t('checklists.library.count', { count: n }),
        }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (row) => ({ disabled: present.has(row.id), 'aria-label': `${row.code} ${row.textZh}` }),
        }}
        columns={[
          { title: t('checklists.library.code'), dataIndex: 'code', width: 70 },
          {
            title: t('checklists.library.text'),
            dataIndex: 'textZh',
            render: (text: string, row) => (
              <span>
                {text} {present.has(row.id) && <Tag>{t('checklists.templates.alreadyIn')}</Tag>}
              </span>
            ),
          },
          {
            title: t('checklists.library.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: RuleItem['category']) => t(`checklists.categories.${c}`),
          },
          {
            title: t('checklists.library.department'),
            dataIndex: 'departments',
            width: 140,
            render: (ds: RuleItem['departments']) => ds.map((d) => t(`checklists.departments.${d}`)).join('、'),
          },
          {
            title: t('checklists.library.mark'),
            dataIndex: 'weakestMark',
            width: 170,
            render: (m: RuleItem['weakestMark']) => <MarkTag mark={m} />,
          },
          {
            title: t('checklists.prioritiesTitle'),
            dataIndex: 'priorities2025',
            width: 140,
            render: (p: RuleItem['priorities2025']) => <PriorityTags tags={p} />,
          },
        ]}
      />
    </Modal>
  );
}

/** Shows what an institution with the chosen features would be asked, using the same resolver as inspections. */
export function PreviewModal({
  snapshot,
  open,
  onClose,
}: {
  snapshot: TemplateSnapshot;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [features, setFeatures] = useState<InstitutionFeature[]>([]);
  const asRecord: InstitutionFeatures = Object.fromEntries(features.map((f) => [f, true]));
  const preview = useQuery({
    queryKey: [...CHECKLISTS_KEY, 'preview', snapshot.versionId, features],
    queryFn: () => call('checklists:preview-template', { versionId: snapshot.versionId, features: asRecord }),
    enabled: open,
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={900}
      title={t('checklists.templates.previewTitle', { name: snapshot.name, version: snapshot.version })}
      destroyOnHidden
    >
      <Typography.Text strong>{t('checklists.templates.previewFeatures')}</Typography.Text>
      <div style={{ margin: '8px 0 12px' }}>
        <Checkbox.Group
          value={features}
          onChange={(v) => setFeatures(v)}
          options={institutionFeatureSchema.options.map((f) => ({ value: f, label: t(`checklists.features.${f}`) }))}
        />
      </div>
      {preview.data && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={t('checklists.templates.previewSummary', {
              sections: preview.data.sections.length,
              items: preview.data.itemCount,
              excluded:
                preview.data.excluded.map((s) => s.title).join('、') || t('checklists.templates.previewNoneExcluded'),
            })}
          />
          <Collapse
            size="small"
            items={preview.data.sections.map((s) => ({
              key: s.key,
              label: (
                <Space>
                  <span>{s.title}</span>
                  <Tag>{t('checklists.templates.items', { count: s.items.length })}</Tag>
                  <AppliesWhen features={s.appliesWhen} />
                </Space>
              ),
              children: (
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {s.items.map((i) => (
                    <li key={i.key} style={{ marginBottom: 6 }}>
                      <Space wrap size={4}>
                        <span>
                          {i.code} {i.textZh}
                        </span>
                        <MarkTag mark={i.weakestMark} />
                        <MajorTag flag={i.majorHazard.flag} clause={i.majorHazard.clause} />
                        {i.answer.extra !== 'none' && (
                          <Tag color="cyan">
                            {t(`checklists.answerExtras.${i.answer.extra}`)}
                            {i.answer.unit ? `（${i.answer.unit}）` : ''}
                          </Tag>
                        )}
                      </Space>
                      <div>
                        <Typography.Text type="secondary">{i.hint}</Typography.Text>
                      </div>
                    </li>
                  ))}
                </ol>
              ),
            }))}
          />
        </>
      )}
    </Modal>
  );
}
