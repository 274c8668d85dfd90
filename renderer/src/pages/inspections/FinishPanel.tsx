import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail } from '../../../../electron/api';
import { call } from '../../api';
import { SignaturePad } from './SignaturePad';

type Signer = { role: 'inspector'; inspectorId: string; name: string } | { role: 'representative'; name: string };

/**
 * The finish step: what is still missing (from the service's completion check, so it is exactly what finishing
 * would refuse), a signature for each inspector and the representative (or the representative's recorded
 * refusal), and the button that locks the record and creates the hazards.
 */
export function FinishPanel({
  detail,
  open,
  onClose,
  onChanged,
}: {
  detail: InspectionDetail;
  open: boolean;
  onClose: () => void;
  onChanged: (next?: InspectionDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const id = detail.summary.id;
  const [signer, setSigner] = useState<Signer | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [form] = Form.useForm<{ reason: string; witnessName: string }>();
  const completion = useQuery({
    queryKey: ['inspections', 'completion', id],
    queryFn: () => call('inspections:completion', { inspectionId: id }),
    enabled: open,
    staleTime: 0,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['inspections', 'completion', id] });
    onChanged();
  };
  const sign = useMutation({
    mutationFn: (v: { signer: Signer; pngDataUrl: string }) =>
      call('inspections:sign', {
        inspectionId: id,
        signer:
          v.signer.role === 'inspector'
            ? { role: 'inspector', inspectorId: v.signer.inspectorId }
            : { role: 'representative' },
        pngDataUrl: v.pngDataUrl,
      }),
    onSuccess: () => {
      setSigner(null);
      refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const refuse = useMutation({
    mutationFn: (v: { reason: string; witnessName: string }) =>
      call('inspections:refuse-signature', { inspectionId: id, ...v }),
    onSuccess: () => {
      setRefusing(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error(e.message),
  });
  const finish = useMutation({
    mutationFn: () => call('inspections:finish', { inspectionId: id }),
    onSuccess: (next) => {
      void message.success(t('inspections.finishPanel.finished'));
      onChanged(next);
      onClose();
    },
    onError: (e) => {
      void message.error(e.message);
      refresh();
    },
  });
  const signatures = new Map(detail.signatures.map((s) => [s.signerKey, s]));
  const rows: Array<{ key: string; label: string; signer: Signer }> = [
    ...detail.inspectors.map((i) => ({
      key: i.id,
      label: t('inspections.finishPanel.inspector'),
      signer: { role: 'inspector' as const, inspectorId: i.id, name: i.name },
    })),
    {
      key: 'representative',
      label: t('inspections.finishPanel.representative'),
      signer: { role: 'representative', name: detail.representative.name },
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('inspections.finishPanel.title')}
      size={620}
      extra={
        <Button
          type="primary"
          danger
          disabled={!completion.data?.complete}
          loading={finish.isPending}
          onClick={() =>
            Modal.confirm({
              title: t('inspections.finishPanel.confirmTitle'),
              icon: <ExclamationCircleOutlined />,
              content: t('inspections.finishPanel.confirmBody'),
              okText: t('inspections.finishPanel.finish'),
              cancelText: t('common.cancel'),
              onOk: () => finish.mutateAsync(),
            })
          }
        >
          {t('inspections.finishPanel.finish')}
        </Button>
      }
    >
      {completion.isPending ? (
        <Spin description={t('inspections.finishPanel.checking')} />
      ) : completion.isError ? (
        <Alert type="error" title={completion.error.message} />
      ) : completion.data.complete ? (
        <Alert type="success" showIcon title={t('inspections.finishPanel.complete')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('inspections.finishPanel.missing')}
          description={
            <ul className="insp-missing" data-testid="completion-problems">
              {completion.data.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('inspections.finishPanel.signatures')}
      </Typography.Title>
      <List
        bordered
        dataSource={rows}
        renderItem={(row) => {
          const s = signatures.get(row.key);
          return (
            <List.Item
              data-testid={`signer-${row.key}`}
              actions={[
                <Button key="sign" size="small" type={s ? 'default' : 'primary'} onClick={() => setSigner(row.signer)}>
                  {s && !s.refused ? t('inspections.finishPanel.signAgain') : t('inspections.finishPanel.sign')}
                </Button>,
                ...(row.signer.role === 'representative'
                  ? [
                      <Button key="refuse" size="small" onClick={() => setRefusing(true)}>
                        {t('inspections.finishPanel.refuse')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <Space orientation="vertical" size={0}>
                <span>
                  {row.label}：<Typography.Text strong>{row.signer.name}</Typography.Text>
                </span>
                {s ? (
                  s.refused ? (
                    <Tag color="orange">
                      {t('inspections.finishPanel.refused', { reason: s.refusalReason, witness: s.witnessName })}
                    </Tag>
                  ) : (
                    <Tag color="green" icon={<CheckCircleFilled />}>
                      {t('inspections.finishPanel.signed')}
                    </Tag>
                  )
                ) : (
                  <Tag>{t('inspections.finishPanel.notSigned')}</Tag>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      {signer ? (
        <SignaturePad
          key={signer.role === 'inspector' ? signer.inspectorId : 'representative'}
          open
          signerName={signer.name}
          saving={sign.isPending}
          onCancel={() => setSigner(null)}
          onConfirm={(pngDataUrl) => sign.mutate({ signer, pngDataUrl })}
        />
      ) : null}
      <Modal
        open={refusing}
        title={t('inspections.finishPanel.refuseTitle')}
        onCancel={() => setRefusing(false)}
        okText={t('inspections.finishPanel.refuseSubmit')}
        cancelText={t('common.cancel')}
        confirmLoading={refuse.isPending}
        onOk={() => void form.validateFields().then((v) => refuse.mutate(v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('inspections.finishPanel.refuseReason')}
            rules={[{ required: true, min: 2, message: t('inspections.start.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="witnessName"
            label={t('inspections.finishPanel.witness')}
            rules={[{ required: true, message: t('inspections.start.required') }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
