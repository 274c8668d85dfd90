import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { fileToBase64 } from '../institutions/files';

/** 核验: a code typed from paper (typo-tolerant) or a PDF handed back, checked against the register. */
export function VerifyTab() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: (input: { code?: string; pdfBase64?: string }) => call('documents:verify', input),
  });
  const result = verify.data;
  const doc = result?.document;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('documents.verifyCodeLabel')}
          placeholder={t('documents.verifyCodePlaceholder')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => code.trim() && verify.mutate({ code })}
        />
        <Button
          type="primary"
          // Disabled rather than `loading` while checking: a loading button changes its accessible name.
          disabled={!code.trim() || verify.isPending}
          onClick={() => verify.mutate({ code })}
        >
          {t('documents.verifyButton')}
        </Button>
      </Space.Compact>
      <Upload
        accept=".pdf,application/pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          void fileToBase64(file).then((pdfBase64) => verify.mutate({ pdfBase64 }));
          return false;
        }}
      >
        <Button>{t('documents.verifyPdf')}</Button>
      </Upload>
      {verify.error && <Alert type="error" showIcon title={verify.error.message} />}
      {result && (
        <Alert
          role="status"
          type={result.outcome === 'match' ? (doc?.status === 'voided' ? 'warning' : 'success') : 'error'}
          showIcon
          title={result.outcome === 'match' ? t('documents.verifyMatch') : t('documents.verifyFail')}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <span>{result.message}</span>
              {doc && (
                <Descriptions size="small" column={1} bordered aria-label={t('documents.verifyResult')}>
                  <Descriptions.Item label={t('documents.kind')}>{t(`documents.kinds.${doc.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('documents.number')}>{doc.number}</Descriptions.Item>
                  <Descriptions.Item label={t('documents.subject')}>
                    {doc.institutionName ?? doc.title}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('documents.issueDate')}>{doc.issueDate}</Descriptions.Item>
                  <Descriptions.Item label={t('documents.status')}>
                    {doc.status === 'voided' ? t('documents.statusVoided') : t('documents.statusIssued')}
                  </Descriptions.Item>
                  {result.identicalFile !== null && (
                    <Descriptions.Item label="PDF">
                      {result.identicalFile ? t('documents.identical') : t('documents.notIdentical')}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              )}
            </Space>
          }
        />
      )}
    </Space>
  );
}
