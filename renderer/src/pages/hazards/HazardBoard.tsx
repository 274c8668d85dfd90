import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Row, Select, Space, Statistic, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hazardSeverities, hazardStates, type HazardFilter } from '../../../../electron/api';
import { useTowns } from '../../hooks';
import { useDepartmentNames } from './department-names';
import { useCurrentUser, useHazardBoard } from './hazard-hooks';
import { HazardDrawer } from './HazardDrawer';
import { HazardForm } from './HazardForm';
import { HazardTable } from './HazardTable';
import { ReferralModal } from './ReferralModal';
import { RulesTab } from './RulesTab';

interface CountRow {
  key: string;
  name: string;
  open: number;
  overdue: number;
  major: number;
}

/** A small counts table (per department or per town); clicking a row filters the board by it. */
function CountsTable({ title, rows, onPick }: { title: string; rows: CountRow[]; onPick: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} styles={{ body: { padding: 0 } }}>
      <Table<CountRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 180 }}
        onRow={(row) => ({ onClick: () => onPick(row.key), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('hazards.col.name'), dataIndex: 'name' },
          { title: t('hazards.col.open'), dataIndex: 'open', width: 70 },
          {
            title: t('hazards.col.overdue'),
            dataIndex: 'overdue',
            width: 70,
            render: (n: number) => (n ? <span style={{ color: '#cf1322' }}>{n}</span> : n),
          },
          { title: t('hazards.col.major'), dataIndex: 'major', width: 70 },
        ]}
      />
    </Card>
  );
}

/** 隐患看板: filters, counts per department and town, the overdue-and-major-first list and bulk referral. */
function Board() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = user?.role === 'admin' || user?.role === 'inspector';
  const [filter, setFilter] = useState<HazardFilter>({ state: 'open' });
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [referring, setReferring] = useState(false);
  const board = useHazardBoard(filter);
  const towns = useTowns();
  const departments = useDepartmentNames();
  const items = board.data?.items ?? [];
  const today = board.data?.today ?? '';
  const patch = (p: Partial<HazardFilter>) => {
    setSelected([]);
    setFilter((f) => ({ ...f, ...p }));
  };
  const stateOptions = [
    { value: 'open', label: t('hazards.filter.openStates') },
    ...hazardStates.map((s) => ({ value: s, label: t(`hazards.state.${s}`) })),
    { value: 'all', label: t('hazards.filter.allStates') },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={12}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('hazards.stats.open')} value={items.filter((h) => h.state !== 'closed').length} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('hazards.stats.overdue')}
              value={items.filter((h) => h.overdue).length}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={t('hazards.stats.major')}
              value={items.filter((h) => h.severity === 'major' && h.state !== 'closed').length}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <CountsTable
            title={t('hazards.countsByDepartment')}
            rows={board.data?.countsByDepartment ?? []}
            onPick={(key) => patch({ departmentKey: key })}
          />
        </Col>
        <Col span={12}>
          <CountsTable
            title={t('hazards.countsByTown')}
            rows={board.data?.countsByTown ?? []}
            onPick={(key) => patch({ townId: key })}
          />
        </Col>
      </Row>
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('hazards.filter.town')}
          placeholder={t('hazards.filter.town')}
          style={{ width: 150 }}
          value={filter.townId}
          onChange={(townId?: string) => patch({ townId })}
          options={(towns.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('hazards.filter.institution')}
          placeholder={t('hazards.filter.institution')}
          style={{ width: 200 }}
          value={filter.institutionId}
          onChange={(institutionId?: string) => patch({ institutionId })}
          options={(board.data?.institutions ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
        <Select
          allowClear
          aria-label={t('hazards.filter.department')}
          placeholder={t('hazards.filter.department')}
          style={{ width: 150 }}
          value={filter.departmentKey}
          onChange={(departmentKey?: string) => patch({ departmentKey })}
          options={departments.options}
        />
        <Select
          allowClear
          aria-label={t('hazards.filter.severity')}
          placeholder={t('hazards.filter.severity')}
          style={{ width: 150 }}
          value={filter.severity}
          onChange={(severity?: (typeof hazardSeverities)[number]) => patch({ severity })}
          options={hazardSeverities.map((s) => ({ value: s, label: t(`hazards.severity.${s}`) }))}
        />
        <Select
          aria-label={t('hazards.filter.state')}
          style={{ width: 170 }}
          value={filter.state ?? 'open'}
          onChange={(state: NonNullable<HazardFilter['state']>) => patch({ state })}
          options={stateOptions}
        />
        <Checkbox
          checked={filter.overdue === true}
          onChange={(e) => patch({ overdue: e.target.checked ? true : undefined })}
        >
          {t('hazards.filter.overdueOnly')}
        </Checkbox>
        {canEdit && (
          <>
            <Button icon={<SendOutlined />} disabled={selected.length === 0} onClick={() => setReferring(true)}>
              {t('hazards.action.bulkRefer')}
              {selected.length > 0 ? ` (${selected.length})` : ''}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('hazards.newHazard')}
            </Button>
          </>
        )}
      </Space>
      <HazardTable
        items={items}
        today={today}
        loading={board.isPending}
        onOpen={setOpenId}
        {...(canEdit ? { selectedIds: selected, onSelect: setSelected } : {})}
      />
      <HazardDrawer id={openId} today={today} canEdit={canEdit} onClose={() => setOpenId(null)} />
      {creating && (
        <HazardForm
          institutionId={filter.institutionId}
          onClose={(id) => {
            setCreating(false);
            if (id) setOpenId(id);
          }}
        />
      )}
      {referring && (
        <ReferralModal
          hazardIds={selected}
          defaultDepartment={filter.departmentKey}
          today={today}
          onClose={(done) => {
            setReferring(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </Space>
  );
}

/** The board with its rules tab. */
export function HazardBoard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card title={t('hazards.title')}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'board', label: t('hazards.board'), children: <Board /> },
          { key: 'rules', label: t('hazards.rules'), children: <RulesTab isAdmin={user?.role === 'admin'} /> },
        ]}
      />
    </Card>
  );
}
