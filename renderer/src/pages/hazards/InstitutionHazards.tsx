import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCurrentUser, useHazardBoard } from './hazard-hooks';
import { HazardDrawer } from './HazardDrawer';
import { HazardForm } from './HazardForm';
import { HazardTable } from './HazardTable';

/** Every hazard of one institution, closed ones included, at /hazards/institution/:id. */
export function InstitutionHazards() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canEdit = user?.role === 'admin' || user?.role === 'inspector';
  const board = useHazardBoard({ state: 'all', institutionId: id });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const name = board.data?.institutions.find((i) => i.id === id)?.name ?? '';
  const today = board.data?.today ?? '';
  return (
    <Card
      title={t('hazards.institutionTitle', { name })}
      extra={
        <Space>
          <Link to="/hazards">
            <Button icon={<ArrowLeftOutlined />}>{t('hazards.backToBoard')}</Button>
          </Link>
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('hazards.newHazard')}
            </Button>
          )}
        </Space>
      }
    >
      <HazardTable
        items={board.data?.items ?? []}
        today={today}
        loading={board.isPending}
        onOpen={setOpenId}
        showInstitution={false}
      />
      <HazardDrawer id={openId} today={today} canEdit={canEdit} onClose={() => setOpenId(null)} />
      {creating && <HazardForm institutionId={id} onClose={() => setCreating(false)} />}
    </Card>
  );
}
