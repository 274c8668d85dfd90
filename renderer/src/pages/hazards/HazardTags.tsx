import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hazard } from '../../../../electron/api';

const stateColors: Record<Hazard['state'], string> = {
  'to-rectify': 'orange',
  rectifying: 'blue',
  'to-verify': 'purple',
  closed: 'green',
};

/** The state as a coloured tag. */
export function StateTag({ state }: { state: Hazard['state'] }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]}>{t(`hazards.state.${state}`)}</Tag>;
}

/** The severity as a tag, with the 待认定 mark when another department must judge. */
export function SeverityTag({ hazard }: { hazard: Pick<Hazard, 'severity' | 'pendingJudgment'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={hazard.severity === 'major' ? 'red' : 'default'}>{t(`hazards.severity.${hazard.severity}`)}</Tag>
      {hazard.pendingJudgment && <Tag color="gold">{t('hazards.pendingJudgment')}</Tag>}
    </Space>
  );
}

/** The deadline with the derived overdue state. */
export function DeadlineCell({ hazard, today }: { hazard: Hazard; today: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text>
        {hazard.deadlineClass === 'immediate'
          ? `${t('hazards.immediate')} ${hazard.deadlineDate}`
          : hazard.deadlineDate}
      </Typography.Text>
      {hazard.overdue && <Tag color="red">{t('hazards.overdueDays', { count: hazard.daysOverdue })}</Tag>}
      {!hazard.overdue && hazard.state !== 'closed' && hazard.deadlineDate === today && (
        <Tag color="orange">{t('hazards.dueToday')}</Tag>
      )}
    </Space>
  );
}
