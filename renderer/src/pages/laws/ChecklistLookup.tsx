import { useQuery } from '@tanstack/react-query';
import { ReadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { call } from '../../api';
import { ArticlePreview, LegalBasis, MarkBadge } from './LegalBasis';

/**
 * 按检查项查依据: pick a checklist item (type F14 or part of its wording) and see its legal basis with links
 * and article previews, the way the inspection runner shows it. The choice lives in the URL (`?item=F14`).
 */
export function ChecklistLookup() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = params.get('item');
  const items = useQuery({
    queryKey: ['laws', 'checklist-citations'],
    queryFn: () => call('laws:list-checklist-citations', {}),
    staleTime: Infinity,
  });
  const item = items.data?.find((i) => i.id === selected);
  const [previewOpen, setPreviewOpen] = useState(false);
  return (
    <Card title={t('laws.lookup.heading')} data-testid="checklist-lookup">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Select
          showSearch={{
            filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()),
          }}
          allowClear
          loading={items.isPending}
          style={{ width: '100%', maxWidth: 560 }}
          placeholder={t('laws.lookup.placeholder')}
          aria-label={t('laws.lookup.placeholder')}
          value={item?.id ?? null}
          onChange={(v: string | null | undefined) => {
            const next = new URLSearchParams(params);
            if (v) next.set('item', v);
            else next.delete('item');
            setParams(next);
          }}
          options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.id} ${i.textZh}` }))}
        />
        {items.isError ? <Typography.Text type="danger">{items.error.message}</Typography.Text> : null}
        {selected !== null && items.data && !item ? (
          <Typography.Text type="warning">{t('laws.lookup.unknown', { id: selected })}</Typography.Text>
        ) : null}
        {item ? (
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t('laws.lookup.item')}>
              <Typography.Text strong>{item.id}</Typography.Text> {item.textZh}{' '}
              {item.weakestMark ? <MarkBadge mark={item.weakestMark} /> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('laws.lookup.legalBasis')}>
              <Space size={12} wrap>
                <LegalBasis legalBasis={item.legalBasis} />
                <Button size="small" icon={<ReadOutlined />} onClick={() => setPreviewOpen(true)}>
                  {t('laws.lookup.readAll')}
                </Button>
              </Space>
              <ArticlePreview
                legalBasis={item.legalBasis}
                open={previewOpen}
                onClose={() => setPreviewOpen(false)}
                title={`${item.id} ${t('laws.previewTitle')}`}
              />
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('laws.lookup.hint')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
