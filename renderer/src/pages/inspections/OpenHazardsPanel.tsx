import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { PhotoUploadField } from '../hazards/HazardPhotos';

/**
 * Hazards of this institution still open from earlier inspections, shown at the start of the runner so they can
 * be re-checked on the spot (仍存在 / 已整改); the hazard module decides what each answer does to the hazard.
 */
export function OpenHazardsPanel({
  institutionId,
  inspectionId,
  editable,
}: {
  institutionId: string;
  inspectionId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Photos taken on the spot for each re-checked hazard (evidence of 已整改 or of what is still wrong).
  const [photoIds, setPhotoIds] = useState<Record<string, string[]>>({});
  const hazards = useQuery({
    queryKey: ['hazards', 'open-for-institution', institutionId],
    queryFn: () => call('hazards:list-open-for-institution', { institutionId }),
  });
  const recheck = useMutation({
    mutationFn: (v: { hazardId: string; result: 'still-present' | 'rectified' }) =>
      call('hazards:record-recheck', { ...v, inspectionId, note: '', photoIds: photoIds[v.hazardId] ?? [] }),
    onSuccess: (r, v) => {
      setPhotoIds((current) => ({ ...current, [v.hazardId]: [] }));
      void message.success(r.message);
      void queryClient.invalidateQueries({ queryKey: ['hazards'] });
    },
    onError: (e) => void message.error(e.message),
  });
  if (hazards.isPending || hazards.isError || hazards.data.length === 0) return null;
  return (
    <Collapse
      className="insp-hazards"
      defaultActiveKey={['open']}
      items={[
        {
          key: 'open',
          label: t('inspections.hazards.title', { count: hazards.data.length }),
          children: (
            <List
              size="small"
              dataSource={hazards.data}
              renderItem={(h) => (
                <List.Item
                  actions={
                    editable
                      ? [
                          <Button
                            key="still"
                            size="small"
                            danger
                            loading={recheck.isPending}
                            onClick={() => recheck.mutate({ hazardId: h.id, result: 'still-present' })}
                          >
                            {t('inspections.hazards.stillPresent')}
                          </Button>,
                          <Button
                            key="fixed"
                            size="small"
                            type="primary"
                            loading={recheck.isPending}
                            onClick={() => recheck.mutate({ hazardId: h.id, result: 'rectified' })}
                          >
                            {t('inspections.hazards.rectified')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Space orientation="vertical" size={0}>
                    <Space size={6} wrap>
                      <Tag>{h.code}</Tag>
                      {h.severity === 'major' ? <Tag color="red">{t('inspections.hazards.major')}</Tag> : null}
                      <Typography.Text strong>{h.itemText ?? h.description}</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">
                      {h.location} · {h.description} · {t('inspections.hazards.deadline', { date: h.deadlineDate })}
                      {h.overdue ? ` · ${t('inspections.hazards.overdue', { days: h.daysOverdue })}` : ''}
                    </Typography.Text>
                    {editable && (
                      <PhotoUploadField
                        value={photoIds[h.id] ?? []}
                        onChange={(ids) => setPhotoIds((current) => ({ ...current, [h.id]: ids }))}
                        testId={`recheck-photos-${h.code}`}
                      />
                    )}
                  </Space>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
