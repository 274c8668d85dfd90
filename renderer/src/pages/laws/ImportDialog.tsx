import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawImportPreview } from '../../../../electron/api';
import { call } from '../../api';
import { useLaws, useVersionText } from './laws-hooks';

interface Picked {
  fileName: string;
  markdown: string;
}

function PreviewView({ preview }: { preview: LawImportPreview }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  if (!preview.valid) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('laws.importDialog.invalid')}
        description={preview.message}
        data-testid="import-error"
      />
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('laws.importDialog.fileTitle')}>{preview.title}</Descriptions.Item>
        <Descriptions.Item label={t('laws.importDialog.targetLaw')}>{preview.lawTitle}</Descriptions.Item>
        <Descriptions.Item label={t('laws.importDialog.versionDate')}>
          {versionText(preview.versionDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('laws.importDialog.articleCount')}>{preview.articleCount}</Descriptions.Item>
        <Descriptions.Item label={t('laws.importDialog.lastArticle')}>{preview.lastArticleLabel}</Descriptions.Item>
        {preview.chapters.length > 0 ? (
          <Descriptions.Item label={t('laws.importDialog.chapters')}>
            <Space size={[4, 4]} wrap>
              {preview.chapters.map((c) => (
                <Tag key={c.label}>
                  {c.label} {c.title}（{t('laws.importDialog.chapterArticles', { n: c.articleCount })}）
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {preview.becomesCurrent ? (
        <Alert type="info" showIcon title={t('laws.importDialog.becomesCurrent')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('laws.importDialog.notCurrent', { label: versionText(preview.currentVersionLabel) })}
        />
      )}
    </Space>
  );
}

/**
 * 导入法规新版本 (administrators): pick the law (or let the title decide), upload a .md file, read the parse
 * result — title, chapters, article count, or the parser's precise error — and only then confirm.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const laws = useLaws();
  const versionText = useVersionText();
  const [lawId, setLawId] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<Picked | null>(null);
  const preview = useMutation({
    mutationFn: (p: Picked & { lawId: string | undefined }) =>
      call('laws:preview-import', {
        fileName: p.fileName,
        markdown: p.markdown,
        ...(p.lawId ? { lawId: p.lawId } : {}),
      }),
  });
  const doImport = useMutation({
    mutationFn: (p: Picked & { lawId: string }) => call('laws:import-version', p),
    onSuccess: async (v) => {
      await queryClient.invalidateQueries({ queryKey: ['laws'] });
      void message.success(
        t('laws.importDialog.done', { title: v.fileName.replace(/\.md$/i, ''), label: versionText(v.label) }),
      );
      close();
    },
  });

  function close() {
    setPicked(null);
    setLawId(undefined);
    preview.reset();
    doImport.reset();
    onClose();
  }

  function runPreview(p: Picked, law: string | undefined) {
    doImport.reset();
    preview.mutate({ ...p, lawId: law });
  }

  const ready = preview.data?.valid === true ? preview.data : null;
  return (
    <Modal
      open={open}
      title={t('laws.importDialog.title')}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('laws.importDialog.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={ready === null || picked === null}
          loading={doImport.isPending}
          onClick={() => {
            if (ready && picked) doImport.mutate({ ...picked, lawId: ready.lawId });
          }}
        >
          {t('laws.importDialog.confirm')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('laws.importDialog.intro')}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('laws.importDialog.law')} htmlFor="laws-import-law">
            <Select
              id="laws-import-law"
              allowClear
              placeholder={t('laws.importDialog.autoDetect')}
              value={lawId}
              onChange={(v: string | undefined) => {
                setLawId(v);
                if (picked) runPreview(picked, v);
              }}
              options={(laws.data ?? []).map((l) => ({ value: l.id, label: l.title }))}
            />
          </Form.Item>
          <Upload
            accept=".md,text/markdown"
            maxCount={1}
            showUploadList={picked ? { showRemoveIcon: false } : false}
            fileList={picked ? [{ uid: 'picked', name: picked.fileName, status: 'done' }] : []}
            beforeUpload={(file) => {
              // Read locally and send the text through the contract; nothing is uploaded anywhere.
              file
                .text()
                .then((markdown) => {
                  const p = { fileName: file.name, markdown };
                  setPicked(p);
                  runPreview(p, lawId);
                })
                .catch(() => void message.error(t('laws.importDialog.readFailed')));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('laws.importDialog.choose')}</Button>
          </Upload>
        </Form>
        {preview.isError ? (
          <Alert type="error" showIcon title={preview.error.message} data-testid="import-error" />
        ) : null}
        {preview.data ? <PreviewView preview={preview.data} /> : null}
        {doImport.isError ? <Alert type="error" showIcon title={doImport.error.message} /> : null}
      </Space>
    </Modal>
  );
}
