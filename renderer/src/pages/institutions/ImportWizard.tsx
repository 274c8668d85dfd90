import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Result, Space, Spin, Steps, Table, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../electron/api';
import { call } from '../../api';
import { fileToBase64, IMPORT_MAX_BYTES } from './files';
import { INSTITUTIONS_KEY } from './institution-hooks';

interface ChosenFile {
  fileName: string;
  base64: string;
}

/**
 * Upload → preview → confirm. The preview lists every bad row (row, column, reason), the additions and the
 * updates with what changes; nothing is written until the user confirms, and then all valid rows are written
 * in one transaction (or none, if anything fails).
 */
export function ImportWizard({
  open,
  onClose,
  onTemplate,
}: {
  open: boolean;
  onClose: () => void;
  onTemplate: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (f: ChosenFile) => call('institutions:import-preview', f) });
  const commit = useMutation({
    mutationFn: (f: ChosenFile) => call('institutions:import-commit', f),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [INSTITUTIONS_KEY] }),
  });

  const reset = () => {
    setFile(null);
    setLocalError(null);
    preview.reset();
    commit.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = async (raw: File) => {
    reset();
    if (raw.size > IMPORT_MAX_BYTES) {
      setLocalError(t('institutions.importWizard.tooLarge'));
      return;
    }
    const chosen = { fileName: raw.name, base64: await fileToBase64(raw) };
    setFile(chosen);
    preview.mutate(chosen);
  };

  const step = commit.isSuccess ? 2 : preview.isSuccess ? 1 : 0;
  const data: ImportPreview | undefined = preview.data;
  const w = (key: string, values?: Record<string, unknown>) => t(`institutions.importWizard.${key}`, values);

  return (
    <Modal open={open} title={w('title')} width={980} onCancel={close} footer={null} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: w('stepUpload') }, { title: w('stepPreview') }, { title: w('stepDone') }]}
      />
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
            disabled={preview.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{w('uploadHint')}</p>
            <p className="ant-upload-hint">{w('uploadSub')}</p>
          </Upload.Dragger>
          {preview.isPending && <Spin tip={w('reading')}>{w('reading')}</Spin>}
          {(localError || preview.error) && (
            <Alert type="error" showIcon role="alert" title={localError ?? preview.error?.message} />
          )}
          <Button type="link" onClick={onTemplate}>
            {w('downloadTemplate')}
          </Button>
        </Space>
      )}
      {step === 1 && data && file && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={data.errorRows ? 'warning' : 'success'}
            showIcon
            title={w('summary', {
              total: data.totalRows,
              valid: data.validRows,
              added: data.additions.length,
              updated: data.updates.length,
              unchanged: data.unchanged,
              errorRows: data.errorRows,
            })}
            description={data.errorRows ? w('errorsSkipped', { count: data.errorRows }) : undefined}
          />
          {data.warnings.map((warning) => (
            <Alert key={warning} type="info" showIcon title={warning} />
          ))}
          <Tabs
            defaultActiveKey={data.errors.length ? 'errors' : data.updates.length ? 'updates' : 'additions'}
            items={[
              {
                key: 'errors',
                label: w('errorsTab', { count: data.errors.length }),
                children: (
                  <Table
                    rowKey={(r) => `${r.row}-${r.columnLetter}-${r.reason}`}
                    size="small"
                    aria-label={w('errorsTab', { count: data.errors.length })}
                    dataSource={data.errors}
                    pagination={{ pageSize: 10, showSizeChanger: false }}
                    columns={[
                      { title: w('row'), dataIndex: 'row', width: 70 },
                      {
                        title: w('column'),
                        key: 'column',
                        width: 190,
                        render: (_v, r) => `${r.columnLetter} ${r.column}`,
                      },
                      { title: w('reason'), dataIndex: 'reason' },
                    ]}
                  />
                ),
              },
              {
                key: 'additions',
                label: w('additionsTab', { count: data.additions.length }),
                children: (
                  <Table
                    rowKey="row"
                    size="small"
                    dataSource={data.additions}
                    pagination={{ pageSize: 10, showSizeChanger: false }}
                    columns={[
                      { title: w('row'), dataIndex: 'row', width: 70 },
                      { title: t('institutions.col.name'), dataIndex: 'name' },
                      { title: t('institutions.col.uscc'), dataIndex: 'uscc', width: 190 },
                      { title: t('institutions.col.town'), dataIndex: 'townName', width: 130 },
                    ]}
                  />
                ),
              },
              {
                key: 'updates',
                label: w('updatesTab', { count: data.updates.length }),
                children: (
                  <Table
                    rowKey="row"
                    size="small"
                    dataSource={data.updates}
                    pagination={{ pageSize: 10, showSizeChanger: false }}
                    columns={[
                      { title: w('row'), dataIndex: 'row', width: 70 },
                      { title: t('institutions.col.name'), dataIndex: 'name', width: 240 },
                      {
                        title: w('changes'),
                        key: 'changes',
                        render: (_v, u) =>
                          u.changes.map((c) => (
                            <div key={c.field}>
                              {c.label}：
                              <Typography.Text delete type="secondary">
                                {c.before}
                              </Typography.Text>{' '}
                              → {c.after}
                            </div>
                          )),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
          {commit.error && <Alert type="error" showIcon role="alert" title={commit.error.message} />}
          <Space>
            <Button
              type="primary"
              disabled={data.validRows === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate(file)}
            >
              {data.validRows ? w('commit', { count: data.validRows }) : w('commitNone')}
            </Button>
            <Button onClick={close}>{w('cancel')}</Button>
          </Space>
        </Space>
      )}
      {step === 2 && commit.data && (
        <Result
          status="success"
          title={w('done', {
            added: commit.data.added,
            updated: commit.data.updated,
            unchanged: commit.data.unchanged,
            skipped: commit.data.skippedErrorRows,
          })}
          extra={
            <Space>
              <Button type="primary" onClick={close}>
                {w('close')}
              </Button>
              <Button onClick={reset}>{w('another')}</Button>
            </Space>
          }
        />
      )}
    </Modal>
  );
}
