import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';

const SHORTCUTS: Array<{ keys: string[]; i18n: string }> = [
  { keys: ['1', 'Y'], i18n: 'pass' },
  { keys: ['2', 'N'], i18n: 'fail' },
  { keys: ['3', 'X'], i18n: 'na' },
  { keys: ['J', '↓'], i18n: 'next' },
  { keys: ['K', '↑'], i18n: 'prev' },
  { keys: [']', 'PgDn'], i18n: 'nextSection' },
  { keys: ['[', 'PgUp'], i18n: 'prevSection' },
  { keys: ['Enter', 'E'], i18n: 'edit' },
  { keys: ['P'], i18n: 'photo' },
  { keys: ['L'], i18n: 'law' },
  { keys: ['Esc'], i18n: 'escape' },
  { keys: ['?'], i18n: 'help' },
];

/** The runner's keyboard shortcuts, opened with ? (also listed in the bar at the bottom of the runner). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('inspections.help.title')} width={520}>
      <Table
        size="small"
        pagination={false}
        showHeader={false}
        rowKey="i18n"
        dataSource={SHORTCUTS}
        columns={[
          {
            key: 'keys',
            width: 160,
            render: (_v, r) => (
              <span>
                {r.keys.map((k) => (
                  <kbd key={k} className="insp-kbd">
                    {k}
                  </kbd>
                ))}
              </span>
            ),
          },
          { key: 'what', render: (_v, r) => t(`inspections.help.${r.i18n}`) },
        ]}
      />
    </Modal>
  );
}
