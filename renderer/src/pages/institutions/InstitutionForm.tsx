import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  institutionStatusValues,
  institutionTypeValues,
  type Institution,
  type InstitutionFieldsInput,
} from '../../../../electron/api';
import { ApiCallError, call } from '../../api';
import { useTowns } from '../../hooks';
import { INSTITUTIONS_KEY } from './institution-hooks';

const DATE_KEYS = ['licenceDate', 'arcFaultDetectionDate', 'electricalFireMonitoringDate'] as const;
type DateKey = (typeof DATE_KEYS)[number];

/** Form values: the contract's fields, with dates as dayjs for the date pickers. */
type FormValues = Omit<InstitutionFieldsInput, DateKey> & Record<DateKey, Dayjs | null>;

const FEATURE_KEYS = [
  'hasCanteen',
  'hasClinic',
  'hasLifts',
  'hasPipedGas',
  'hasLpg',
  'hasOxygen',
  'hasEbikeParking',
] as const;

const STRUCTURES = ['钢筋混凝土结构', '框架结构', '砖混结构', '钢结构', '砖木结构'];

const EMPTY: FormValues = {
  name: '',
  uscc: '',
  licenceNo: null,
  licenceDate: null,
  address: '',
  townId: '',
  type: '民办',
  bedCount: 0,
  residentsSelfCare: 0,
  residentsSemiDisabled: 0,
  residentsDisabled: 0,
  residentsDementia: 0,
  legalRepresentative: null,
  contactPerson: null,
  contactPhone: null,
  fireSafetyResponsible: null,
  fireSafetyManager: null,
  buildingYear: null,
  buildingStoreys: null,
  buildingStructure: null,
  buildingShared: false,
  hasCanteen: false,
  hasClinic: false,
  hasLifts: false,
  hasPipedGas: false,
  hasLpg: false,
  hasOxygen: false,
  hasEbikeParking: false,
  arcFaultDetection: false,
  arcFaultDetectionDate: null,
  electricalFireMonitoring: false,
  electricalFireMonitoringDate: null,
  status: '运营',
  notes: null,
};

function toFormValues(inst: Institution | null): FormValues {
  if (!inst) return EMPTY;
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(EMPTY)) values[key] = inst[key as keyof Institution];
  for (const key of DATE_KEYS) values[key] = inst[key] ? dayjs(inst[key]) : null;
  return values as FormValues;
}

function toFields(values: FormValues): InstitutionFieldsInput {
  const out: Record<string, unknown> = { ...EMPTY, ...values };
  for (const key of DATE_KEYS) {
    const d = values[key];
    out[key] = d ? d.format('YYYY-MM-DD') : null;
  }
  // An uninstalled device has no installation date; clear it rather than make the user do so.
  if (!values.arcFaultDetection) out.arcFaultDetectionDate = null;
  if (!values.electricalFireMonitoring) out.electricalFireMonitoringDate = null;
  for (const [k, v] of Object.entries(out)) if (v === undefined) out[k] = null;
  return out as InstitutionFieldsInput;
}

/** Create or edit an institution in a drawer, with inline Chinese validation (the code is checked as typed). */
export function InstitutionForm({
  open,
  institution,
  onClose,
}: {
  open: boolean;
  institution: Institution | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const towns = useTowns(true);
  const [form] = Form.useForm<FormValues>();
  const arc = Form.useWatch('arcFaultDetection', form);
  const efm = Form.useWatch('electricalFireMonitoring', form);
  const residents =
    (Form.useWatch('residentsSelfCare', form) ?? 0) +
    (Form.useWatch('residentsSemiDisabled', form) ?? 0) +
    (Form.useWatch('residentsDisabled', form) ?? 0);

  useEffect(() => {
    if (open) form.setFieldsValue(toFormValues(institution));
  }, [open, institution, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      institution
        ? call('institutions:update', { id: institution.id, fields: toFields(values) })
        : call('institutions:create', toFields(values)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: [INSTITUTIONS_KEY] });
      void message.success(
        institution ? t('institutions.form.saved') : t('institutions.form.created', { name: saved.name }),
      );
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      // Put each field's problem under that field, as inline validation would have.
      if (e instanceof ApiCallError && e.issues?.length) {
        form.setFields(
          e.issues
            .filter((i) => i.path && i.path in EMPTY)
            .map((i) => ({ name: i.path.split('.').pop() as keyof FormValues, errors: [i.message] })),
        );
      }
    },
  });

  const label = (key: string) => t(`institutions.field.${key}`);
  const required = (key: string) => [
    { required: true, message: t('institutions.form.required', { field: label(key) }) },
  ];
  const count = (key: keyof FormValues) => (
    <Form.Item name={key} label={label(key)} rules={required(key)}>
      <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  const text = (key: keyof FormValues, max = 30) => (
    <Form.Item name={key} label={label(key)}>
      <Input maxLength={max} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      size={780}
      title={
        institution ? t('institutions.form.editTitle', { name: institution.name }) : t('institutions.form.createTitle')
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.error && !(save.error instanceof ApiCallError && save.error.issues?.length) && (
        <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(institution)}
        onFinish={(v) => save.mutate(v)}
      >
        <Divider titlePlacement="start">{t('institutions.section.basic')}</Divider>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={label('name')} rules={required('name')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="uscc"
              label={label('uscc')}
              extra={t('institutions.form.usccHelp')}
              normalize={(v: string) => v.toUpperCase()}
              validateDebounce={300}
              rules={[
                ...required('uscc'),
                {
                  validator: async (_rule, value: string) => {
                    if (!value) return;
                    const r = await call('institutions:check-code', { code: value, excludeId: institution?.id });
                    if (r.message) throw new Error(r.message);
                  },
                },
              ]}
            >
              <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="address" label={label('address')} rules={required('address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="townId" label={label('townId')} rules={required('townId')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={label('type')} rules={required('type')}>
              <Select options={institutionTypeValues.map((v) => ({ value: v, label: t(`institutions.types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>{text('licenceNo', 60)}</Col>
          <Col span={8}>
            <Form.Item name="licenceDate" label={label('licenceDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.residents')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="bedCount"
              label={label('bedCount')}
              dependencies={['residentsSelfCare', 'residentsSemiDisabled', 'residentsDisabled']}
              rules={[
                ...required('bedCount'),
                ({ getFieldValue }) => ({
                  validator: async (_r, beds: number | null) => {
                    const total =
                      (getFieldValue('residentsSelfCare') ?? 0) +
                      (getFieldValue('residentsSemiDisabled') ?? 0) +
                      (getFieldValue('residentsDisabled') ?? 0);
                    if (beds !== null && total > beds) throw new Error(`入住老人合计 ${total} 人，超过床位数 ${beds}`);
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>{count('residentsSelfCare')}</Col>
          <Col span={6}>{count('residentsSemiDisabled')}</Col>
          <Col span={6}>{count('residentsDisabled')}</Col>
          <Col span={6}>
            <Form.Item
              name="residentsDementia"
              label={label('residentsDementia')}
              dependencies={['residentsSelfCare', 'residentsSemiDisabled', 'residentsDisabled']}
              rules={[
                ...required('residentsDementia'),
                () => ({
                  validator: async (_r, v: number | null) => {
                    if (v !== null && v > residents)
                      throw new Error(`认知障碍老人数 ${v} 超过入住老人合计 ${residents}`);
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={18} style={{ paddingTop: 34 }}>
            {t('institutions.residentsTotal', { count: residents })}
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.people')}</Divider>
        <Row gutter={16}>
          <Col span={8}>{text('legalRepresentative')}</Col>
          <Col span={8}>{text('contactPerson')}</Col>
          <Col span={8}>
            <Form.Item
              name="contactPhone"
              label={label('contactPhone')}
              rules={[{ pattern: /^[0-9+\-() ]{7,20}$/, message: '联系电话只能包含数字、空格、+、-、括号，7–20 位' }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>{text('fireSafetyResponsible')}</Col>
          <Col span={8}>{text('fireSafetyManager')}</Col>
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.building')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="buildingYear" label={label('buildingYear')}>
              <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="buildingStoreys" label={label('buildingStoreys')}>
              <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="buildingStructure" label={label('buildingStructure')}>
              <AutoComplete
                options={STRUCTURES.map((s) => ({ value: s }))}
                placeholder={t('institutions.form.structurePlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="buildingShared" label={label('buildingShared')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.features')}</Divider>
        <Row gutter={16}>
          {FEATURE_KEYS.map((key) => (
            <Col span={6} key={key}>
              <Form.Item name={key} label={label(key)} valuePropName="checked">
                <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
              </Form.Item>
            </Col>
          ))}
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.electrical')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="arcFaultDetection" label={label('arcFaultDetection')} valuePropName="checked">
              <Switch
                checkedChildren={t('institutions.installed')}
                unCheckedChildren={t('institutions.notInstalled')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="arcFaultDetectionDate" label={label('arcFaultDetectionDate')}>
              <DatePicker disabled={!arc} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="electricalFireMonitoring"
              label={label('electricalFireMonitoring')}
              valuePropName="checked"
            >
              <Switch
                checkedChildren={t('institutions.installed')}
                unCheckedChildren={t('institutions.notInstalled')}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="electricalFireMonitoringDate" label={label('electricalFireMonitoringDate')}>
              <DatePicker disabled={!efm} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('institutions.section.other')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="status" label={label('status')} rules={required('status')}>
              <Select
                options={institutionStatusValues.map((v) => ({ value: v, label: t(`institutions.statuses.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={label('notes')}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
