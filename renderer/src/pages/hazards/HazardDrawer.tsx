import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  List,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Hazard, HazardEvent, HazardReferral } from '../../../../electron/api';
import {
  EditModal,
  RemindModal,
  ReferralReplyModal,
  TransitionModal,
  useReferralLabel,
  type FormAction,
} from './ActionModals';
import { useDepartmentNames } from './department-names';
import { useHazardDetail, useHazardMutation } from './hazard-hooks';
import { HazardPhotoList } from './HazardPhotos';
import { DeadlineCell, SeverityTag, StateTag } from './HazardTags';
import { ReferralModal } from './ReferralModal';

function time(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** One line of history: what happened, who, when, the reason or text, and its photos. */
function EventLine({ event, photos }: { event: HazardEvent; photos: Hazard['photos'] }) {
  const { t } = useTranslation();
  const moved = event.fromState !== null && event.fromState !== event.toState;
  return (
    <Space direction="vertical" size={0}>
      <Space size={6} wrap>
        <Typography.Text strong>{t(`hazards.event.${event.kind}`)}</Typography.Text>
        {event.method && <Tag>{event.method}</Tag>}
        {moved && event.fromState && (
          <Typography.Text type="secondary">
            {t(`hazards.state.${event.fromState}`)} → {t(`hazards.state.${event.toState}`)}
          </Typography.Text>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {event.actorName} · {time(event.at)}
      </Typography.Text>
      {event.reason && <Typography.Text>{`${t('hazards.field.reason')}：${event.reason}`}</Typography.Text>}
      {event.text && <Typography.Text>{event.text}</Typography.Text>}
      <HazardPhotoList photos={photos} eventId={event.id} />
    </Space>
  );
}

/** The detail drawer of one hazard: facts, the actions open to the signed-in user, referrals and history. */
export function HazardDrawer({
  id,
  today,
  canEdit,
  onClose,
}: {
  id: string | null;
  today: string;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  const referralLabel = useReferralLabel();
  const detail = useHazardDetail(id);
  const [form, setForm] = useState<FormAction | 'remind' | 'refer' | 'edit' | null>(null);
  const [reply, setReply] = useState<HazardReferral | null>(null);
  const start = useHazardMutation('hazards:transition');
  const data = detail.data;
  const hazard = data?.hazard;
  const option = (action: string) => data?.actions.find((a) => a.action === action);
  const actionButton = (action: FormAction, primary = false) => {
    const o = option(action);
    if (!o || (!o.allowed && o.reason?.startsWith('当前状态'))) return null;
    const button = (
      <Button type={primary ? 'primary' : 'default'} disabled={!o.allowed} onClick={() => setForm(action)}>
        {t(`hazards.action.${action}`)}
      </Button>
    );
    return o.allowed ? (
      <span key={action}>{button}</span>
    ) : (
      <Tooltip key={action} title={o.reason}>
        {button}
      </Tooltip>
    );
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={hazard ? `${t('hazards.detail')} ${hazard.code}` : t('hazards.detail')}
      destroyOnHidden
    >
      {detail.isPending && <Spin />}
      {detail.isError && <Alert type="error" message={detail.error.message} />}
      {hazard && data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <StateTag state={hazard.state} />
            <SeverityTag hazard={hazard} />
            {hazard.fixedOnSpot && <Tag>{t('hazards.fixedOnSpot')}</Tag>}
          </Space>
          {hazard.severity === 'major' && !hazard.interimMeasures && hazard.state !== 'closed' && (
            <Alert type="warning" showIcon message={t('hazards.field.interimMissing')} />
          )}
          {hazard.nextStep && (
            <Alert
              type="error"
              showIcon
              message={t(`hazards.nextStep.${hazard.nextStep}`)}
              description={t('hazards.remindHint')}
            />
          )}
          {canEdit && hazard.state !== 'closed' && (
            <Space wrap>
              {option('start')?.allowed && (
                <Popconfirm
                  title={`${t('hazards.action.start')}？`}
                  onConfirm={() => start.mutate({ hazardId: hazard.id, action: 'start' })}
                >
                  <Button>{t('hazards.action.start')}</Button>
                </Popconfirm>
              )}
              {option('start')?.allowed === false && !option('start')?.reason?.startsWith('当前状态') && (
                <Tooltip title={option('start')?.reason}>
                  <Button disabled>{t('hazards.action.start')}</Button>
                </Tooltip>
              )}
              {actionButton('report', true)}
              {actionButton('verify-pass', true)}
              {actionButton('verify-fail')}
              <Button onClick={() => setForm('remind')}>{t('hazards.action.remind')}</Button>
              <Button onClick={() => setForm('refer')}>{t('hazards.action.refer')}</Button>
              <Button onClick={() => setForm('edit')}>{t('hazards.action.edit')}</Button>
            </Space>
          )}
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 130 } }}>
            <Descriptions.Item label={t('hazards.field.institution')}>
              <Space>
                {hazard.institutionName}
                <Typography.Text type="secondary">{hazard.townName}</Typography.Text>
                <Link to={`/hazards/institution/${hazard.institutionId}`} onClick={onClose}>
                  {t('hazards.byInstitution')}
                </Link>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.location')}>{hazard.location}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.description')}>{hazard.description}</Descriptions.Item>
            {hazard.itemText && (
              <Descriptions.Item label={t('hazards.field.itemText')}>
                {hazard.ruleItemCode ? `${hazard.ruleItemCode} ` : ''}
                {hazard.itemText}
              </Descriptions.Item>
            )}
            {hazard.legalBasis && (
              <Descriptions.Item label={t('hazards.field.legalBasis')}>{hazard.legalBasis}</Descriptions.Item>
            )}
            {hazard.measurement && (
              <Descriptions.Item
                label={t('hazards.field.measurement')}
              >{`${hazard.measurement.value} ${hazard.measurement.unit}`}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('hazards.field.rationale')}>{hazard.severityRationale}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.departments')}>
              {hazard.departments.map((k) => departments.name(k)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.requiredAction')}>{hazard.requiredAction}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.deadlineDate')}>
              <DeadlineCell hazard={hazard} today={today} />
            </Descriptions.Item>
            {hazard.severity === 'major' && (
              <Descriptions.Item label={t('hazards.field.interimMeasures')}>
                {hazard.interimMeasures ?? '—'}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('hazards.field.source')}>
              {hazard.sourceInspectionId ? t('hazards.field.sourceInspection') : t('hazards.field.sourceAdHoc')}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('hazards.field.recordedBy')}
            >{`${hazard.recordedByName} · ${time(hazard.recordedAt)}`}</Descriptions.Item>
            {hazard.photos.length > 0 && (
              <Descriptions.Item label={t('hazards.field.photos')}>
                <div data-testid="hazard-drawer-photos">
                  <HazardPhotoList photos={hazard.photos} />
                </div>
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('hazards.referrals')}</Typography.Title>
            <List
              size="small"
              dataSource={data.referrals}
              locale={{ emptyText: t('hazards.noReferrals') }}
              renderItem={(r) => (
                <List.Item
                  actions={
                    canEdit
                      ? [
                          <Button key="reply" size="small" onClick={() => setReply(r)}>
                            {t('hazards.updateReferral')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Space wrap>
                    <Typography.Text>{referralLabel(r)}</Typography.Text>
                    <Typography.Text type="secondary">{r.referredOn}</Typography.Text>
                    {r.letterNo && <Typography.Text>{r.letterNo}</Typography.Text>}
                    <Tag color={r.accepted === 'yes' ? 'green' : r.accepted === 'no' ? 'red' : 'default'}>
                      {t(`hazards.accepted.${r.accepted}`)}
                      {r.acceptedOn ? ` ${r.acceptedOn}` : ''}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('hazards.history')}</Typography.Title>
            <Timeline
              items={[...data.events]
                .reverse()
                .map((e) => ({ key: e.id, content: <EventLine event={e} photos={hazard.photos} /> }))}
            />
          </div>
          {(form === 'report' || form === 'verify-pass' || form === 'verify-fail') && (
            <TransitionModal hazard={hazard} action={form} onClose={() => setForm(null)} />
          )}
          {form === 'remind' && <RemindModal hazard={hazard} onClose={() => setForm(null)} />}
          {form === 'edit' && <EditModal hazard={hazard} onClose={() => setForm(null)} />}
          {form === 'refer' && (
            <ReferralModal
              hazardIds={[hazard.id]}
              defaultDepartment={hazard.departments[0]}
              today={today}
              onClose={() => setForm(null)}
            />
          )}
          {reply && <ReferralReplyModal referral={reply} today={today} onClose={() => setReply(null)} />}
        </Space>
      )}
    </Drawer>
  );
}
