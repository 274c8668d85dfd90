import { Alert, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleItem } from '../../../../electron/api';
import { LegalBasis } from '../laws/LegalBasis';
import { MajorTag, MarkTag, PriorityTags } from './labels';

/** Everything about one rule: its text, legal basis with marks, major-hazard flag, departments and defaults. */
export function RuleItemDrawer({
  item,
  onClose,
  onEdit,
}: {
  item: RuleItem | null;
  onClose: () => void;
  onEdit?: ((item: RuleItem) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size="large"
      title={item ? `${item.code} ${t('checklists.library.detail')}` : ''}
      extra={
        item?.source === 'local' && onEdit ? (
          <Button onClick={() => onEdit(item)}>{t('checklists.library.editLocal')}</Button>
        ) : null
      }
    >
      {item && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {item.textZh}
          </Typography.Title>
          {item.glossEn && <Typography.Text type="secondary">{item.glossEn}</Typography.Text>}
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('checklists.library.legalBasis')}>
              <LegalBasis legalBasis={item.legalBasis} />
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.library.marksAll')}>
              <Space size={4} wrap>
                {item.marks.map((m, i) => (
                  <MarkTag key={`${m}-${i}`} mark={m} />
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.majorTitle')}>
              <Space orientation="vertical" size={2}>
                <MajorTag flag={item.majorHazard.flag} clause={item.majorHazard.clause} />
                {!item.majorHazard.clause && item.majorHazard.flag !== 'no' && (
                  <Typography.Text type="secondary">{t('checklists.library.clauseUnknown')}</Typography.Text>
                )}
                {item.majorHazard.note && <Typography.Text type="secondary">{item.majorHazard.note}</Typography.Text>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.library.category')}>
              {t(`checklists.categories.${item.category}`)} <Tag>{t(`checklists.source.${item.source}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.library.department')}>
              <Space size={4} wrap>
                {item.departments.map((d) => (
                  <Tag key={d}>{t(`checklists.departments.${d}`)}</Tag>
                ))}
              </Space>
              {item.departmentNotes.map((n) => (
                <div key={n.department}>
                  <Typography.Text type="secondary">
                    {t(`checklists.departments.${n.department}`)}：{n.note}
                  </Typography.Text>
                </div>
              ))}
              {item.otherBodies.map((b) => (
                <div key={b.nameZh}>
                  <Typography.Text type="secondary">
                    {t('checklists.library.otherBodies')}：{b.nameZh}
                    {b.note ? `（${b.note}）` : ''}
                  </Typography.Text>
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.prioritiesTitle')}>
              <PriorityTags tags={item.priorities2025} />
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.library.deadline')}>
              {t(`checklists.deadline.${item.deadlineClass}`)}
            </Descriptions.Item>
            {item.measurement && (
              <Descriptions.Item label={t('checklists.library.measurement')}>
                {item.measurement.label}（{item.measurement.unit}）
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('checklists.library.photo')}>
              {item.photoRequiredOnFail ? t('checklists.major.yes') : t('checklists.major.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.library.hint')}>{item.hintZh}</Descriptions.Item>
          </Descriptions>
          {item.source === 'seed' && <Alert type="info" showIcon title={t('checklists.library.derivedNote')} />}
        </Space>
      )}
    </Drawer>
  );
}
