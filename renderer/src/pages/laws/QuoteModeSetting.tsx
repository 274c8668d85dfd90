import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LawQuoteMode } from '../../../../electron/api';
import { call } from '../../api';

/** How notices quote articles (in full / cite only); administrators change it, everyone sees it. */
export function QuoteModeSetting({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mode = useQuery({ queryKey: ['laws', 'quote-mode'], queryFn: () => call('laws:get-quote-mode', {}) });
  const save = useMutation({
    mutationFn: (next: LawQuoteMode) => call('laws:set-quote-mode', { mode: next }),
    onSuccess: (data) => {
      queryClient.setQueryData(['laws', 'quote-mode'], data);
      void message.success(t('laws.quoteMode.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card size="small">
      <Space wrap>
        <Typography.Text strong id="laws-quote-mode-label">
          {t('laws.quoteMode.label')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="laws-quote-mode-label"
          disabled={!isAdmin || mode.isPending || save.isPending}
          value={mode.data?.mode}
          onChange={(e) => save.mutate(e.target.value as LawQuoteMode)}
          options={[
            { value: 'full', label: t('laws.quoteMode.full') },
            { value: 'cite', label: t('laws.quoteMode.cite') },
          ]}
        />
        {!isAdmin ? <Typography.Text type="secondary">{t('laws.quoteMode.adminOnly')}</Typography.Text> : null}
      </Space>
    </Card>
  );
}
