import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { LanguageSwitch } from '../../components/LanguageSwitch';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Where the data lives, the schema version, the database size and the language switch. */
export function GeneralTab() {
  const { t } = useTranslation();
  const info = useQuery({ queryKey: ['system', 'info'], queryFn: () => call('system:info', {}) });
  if (info.isPending) return <Spin />;
  if (info.isError) return <Typography.Text type="danger">{info.error.message}</Typography.Text>;
  const d = info.data;
  return (
    <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
      <Descriptions.Item label={t('settings.language')}>
        <LanguageSwitch persist />
      </Descriptions.Item>
      <Descriptions.Item label={t('settings.dataDir')}>
        <Typography.Text copyable>{d.dataDir}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('settings.databasePath')}>
        <Typography.Text copyable>{d.databasePath}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('settings.databaseSize')}>{formatBytes(d.databaseSizeBytes)}</Descriptions.Item>
      <Descriptions.Item label={t('settings.schemaVersion')}>
        {d.schemaVersion}（{t('settings.migrationCount')} {d.migrationCount}）
      </Descriptions.Item>
      <Descriptions.Item label={t('settings.appVersion')}>{d.appVersion}</Descriptions.Item>
    </Descriptions>
  );
}
