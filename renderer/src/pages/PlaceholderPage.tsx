import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown for a module whose screens are not built yet; says so plainly instead of faking content. */
export function PlaceholderPage({ moduleKey }: { moduleKey: string }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`nav.${moduleKey}`)}>
      <Empty description={t('placeholder.body')} />
    </Card>
  );
}
