import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Institution, RiskAssessment } from '../../../../electron/api';
import { call } from '../../api';
import { InstitutionForm } from './InstitutionForm';
import { INSTITUTIONS_KEY, riskColor, statusColor, useCanEdit } from './institution-hooks';

function Facts({ inst }: { inst: Institution }) {
  const { t } = useTranslation();
  const none = t('institutions.none');
  const label = (key: string) => t(`institutions.field.${key}`);
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const device = (on: boolean, date: string | null) =>
    on
      ? date
        ? t('institutions.installedOn', { date })
        : t('institutions.installed')
      : t('institutions.notInstalled');
  const features = (
    ['hasCanteen', 'hasClinic', 'hasLifts', 'hasPipedGas', 'hasLpg', 'hasOxygen', 'hasEbikeParking'] as const
  ).filter((k) => inst[k]);
  const residents = inst.residentsSelfCare + inst.residentsSemiDisabled + inst.residentsDisabled;
  return (
    <Descriptions bordered size="small" column={3} styles={{ label: { width: 150 } }}>
      <Descriptions.Item label={label('uscc')}>
        <span style={{ fontFamily: 'monospace' }}>{inst.uscc}</span>
      </Descriptions.Item>
      <Descriptions.Item label={label('type')}>{t(`institutions.types.${inst.type}`)}</Descriptions.Item>
      <Descriptions.Item label={label('townId')}>{inst.townName}</Descriptions.Item>
      <Descriptions.Item label={label('address')} span={3}>
        {inst.address}
      </Descriptions.Item>
      <Descriptions.Item label={label('licenceNo')}>{inst.licenceNo ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('licenceDate')} span={2}>
        {inst.licenceDate ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={label('bedCount')}>{inst.bedCount}</Descriptions.Item>
      <Descriptions.Item label={t('institutions.section.residents')} span={2}>
        {t('institutions.residentsTotal', { count: residents })}：{label('residentsSelfCare')} {inst.residentsSelfCare}{' '}
        · {label('residentsSemiDisabled')} {inst.residentsSemiDisabled} · {label('residentsDisabled')}{' '}
        {inst.residentsDisabled} · {label('residentsDementia')} {inst.residentsDementia}
      </Descriptions.Item>
      <Descriptions.Item label={label('legalRepresentative')}>{inst.legalRepresentative ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('contactPerson')}>{inst.contactPerson ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('contactPhone')}>{inst.contactPhone ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('fireSafetyResponsible')}>{inst.fireSafetyResponsible ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('fireSafetyManager')} span={2}>
        {inst.fireSafetyManager ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={label('buildingYear')}>{inst.buildingYear ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('buildingStoreys')}>{inst.buildingStoreys ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('buildingStructure')}>{inst.buildingStructure ?? none}</Descriptions.Item>
      <Descriptions.Item label={label('buildingShared')}>{yesNo(inst.buildingShared)}</Descriptions.Item>
      <Descriptions.Item label={t('institutions.featuresShort')} span={2}>
        {features.length ? features.map((k) => <Tag key={k}>{label(k)}</Tag>) : none}
      </Descriptions.Item>
      <Descriptions.Item label={label('arcFaultDetection')}>
        {device(inst.arcFaultDetection, inst.arcFaultDetectionDate)}
      </Descriptions.Item>
      <Descriptions.Item label={label('electricalFireMonitoring')} span={2}>
        {device(inst.electricalFireMonitoring, inst.electricalFireMonitoringDate)}
      </Descriptions.Item>
      <Descriptions.Item label={label('notes')} span={3}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{inst.notes ?? none}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('institutions.profile.createdAt')}>
        {dayjs(inst.createdAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      <Descriptions.Item label={t('institutions.profile.updatedAt')} span={2}>
        {dayjs(inst.updatedAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function RiskPanel({ risk }: { risk: RiskAssessment }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space size="large" align="center">
        <span>
          {t('institutions.risk.level')}：
          <Tag color={riskColor[risk.level]} style={{ fontSize: 14, padding: '2px 10px' }}>
            {t(`institutions.risk.levels.${risk.level}`)}
          </Tag>
        </span>
        <span>
          {t('institutions.risk.score')}：
          <Typography.Text strong>{risk.score ?? t('institutions.none')}</Typography.Text>
          {risk.score !== null && ' / 100'}
        </span>
      </Space>
      {risk.note && <Alert type="info" showIcon title={risk.note} />}
      <Alert type="warning" title={t('institutions.risk.formula')} description={risk.formula} />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={risk.terms}
        columns={[
          { title: t('institutions.risk.term'), dataIndex: 'label', width: 150 },
          {
            title: t('institutions.risk.value'),
            dataIndex: 'value',
            width: 140,
            render: (v: number | null) =>
              v ?? <Typography.Text type="secondary">{t('institutions.risk.noData')}</Typography.Text>,
          },
          {
            title: t('institutions.risk.points'),
            key: 'points',
            width: 110,
            render: (_v, term) => `${term.points} / ${term.maxPoints}`,
          },
          { title: t('institutions.risk.explanation'), dataIndex: 'explanation' },
        ]}
      />
    </Space>
  );
}

/** One institution: its facts, inspection history and hazards (empty until those modules exist), and its risk. */
export function InstitutionProfile() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);
  const profile = useQuery({
    queryKey: [INSTITUTIONS_KEY, 'get', id],
    queryFn: () => call('institutions:get', { id }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [INSTITUTIONS_KEY] });
  const archive = useMutation({
    mutationFn: (archived: boolean) => call('institutions:archive', { id, archived }),
    onSuccess: (inst) => {
      refresh();
      void message.success(inst.archivedAt ? t('institutions.profile.archived') : t('institutions.profile.restored'));
    },
    onError: (e) => void message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: () => call('institutions:delete', { id }),
    onSuccess: () => {
      refresh();
      void message.success(t('institutions.profile.deleted'));
      navigate('/institutions');
    },
    onError: (e) => void message.error(e.message),
  });

  if (profile.isPending) return <Spin />;
  if (profile.isError) {
    return (
      <Result
        status="warning"
        title={profile.error.message}
        extra={<Button onClick={() => navigate('/institutions')}>{t('institutions.back')}</Button>}
      />
    );
  }
  const { institution: inst, risk, references } = profile.data;
  const refsText = references.map((r) => `${r.label} ${r.count} 条`).join('、');
  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('institutions.back')}
            onClick={() => navigate(-1)}
          />
          <span>{inst.name}</span>
          <Tag color={statusColor[inst.status]}>{t(`institutions.statuses.${inst.status}`)}</Tag>
          <Tag color={riskColor[risk.level]}>{t(`institutions.risk.levels.${risk.level}`)}</Tag>
          {inst.archivedAt && (
            <Tag>{t('institutions.profile.archivedAt', { at: dayjs(inst.archivedAt).format('YYYY-MM-DD') })}</Tag>
          )}
        </Space>
      }
      extra={
        canEdit && (
          <Space>
            {!inst.archivedAt && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('institutions.profile.edit')}
              </Button>
            )}
            {inst.archivedAt ? (
              <Button icon={<RollbackOutlined />} loading={archive.isPending} onClick={() => archive.mutate(false)}>
                {t('institutions.profile.restore')}
              </Button>
            ) : (
              <Popconfirm title={t('institutions.profile.archiveConfirm')} onConfirm={() => archive.mutate(true)}>
                <Button icon={<InboxOutlined />} loading={archive.isPending}>
                  {t('institutions.profile.archive')}
                </Button>
              </Popconfirm>
            )}
            <Popconfirm
              title={
                references.length
                  ? t('institutions.profile.deleteBlocked', { refs: refsText })
                  : t('institutions.profile.deleteConfirm', { name: inst.name })
              }
              okButtonProps={{ danger: true, disabled: references.length > 0 }}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('institutions.profile.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          { key: 'basic', label: t('institutions.profile.tabBasic'), children: <Facts inst={inst} /> },
          {
            key: 'inspections',
            label: t('institutions.profile.tabInspections'),
            children: <Empty description={t('institutions.profile.noInspections')} />,
          },
          {
            key: 'hazards',
            label: t('institutions.profile.tabHazards'),
            children: <Empty description={t('institutions.profile.noHazards')} />,
          },
          { key: 'risk', label: t('institutions.profile.tabRisk'), children: <RiskPanel risk={risk} /> },
        ]}
      />
      <InstitutionForm open={editing} institution={inst} onClose={() => setEditing(false)} />
    </Card>
  );
}
