import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Modal, Space, Spin, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hazard } from '../../../../electron/api';
import { call } from '../../api';

/** Reads a picked file as base64 (no data-URL prefix), the form the contract carries. */
function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`无法读取文件 ${file.name}`));
    reader.readAsDataURL(file);
  });
}

interface Uploaded {
  uid: string;
  photoId: string;
  name: string;
  thumbDataUrl: string;
}

/**
 * Picks photos for a form (a Form.Item control: `value` is the photo ids). Each picked file is read here, stored
 * through `hazards:upload-photo` right away and shown as a thumbnail; removing it only drops it from the form.
 */
export function PhotoUploadField({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploaded, setUploaded] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(0);
  const ids = value ?? [];
  // Several files may finish in any order: each adds to the latest ids, not to those of its own render.
  const latest = useRef(ids);
  useEffect(() => {
    latest.current = ids;
  });
  const shown = uploaded.filter((u) => ids.includes(u.photoId));
  const fileList: UploadFile[] = [
    ...shown.map((u) => ({
      uid: u.uid,
      name: u.name,
      status: 'done' as const,
      url: u.thumbDataUrl,
      thumbUrl: u.thumbDataUrl,
    })),
    ...Array.from({ length: busy }, (_, i) => ({
      uid: `busy-${i}`,
      name: t('hazards.photo.uploading'),
      status: 'uploading' as const,
    })),
  ];
  return (
    <div data-testid={testId}>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic"
        multiple
        fileList={fileList}
        showUploadList={{ showPreviewIcon: false, showRemoveIcon: true }}
        onRemove={(file) => {
          const gone = uploaded.find((u) => u.uid === file.uid);
          if (gone) onChange?.(ids.filter((id) => id !== gone.photoId));
          return false;
        }}
        beforeUpload={(file) => {
          // Read locally and send the bytes through the contract; nothing is uploaded anywhere else.
          setBusy((n) => n + 1);
          void fileToBase64(file)
            .then((base64) => call('hazards:upload-photo', { base64, fileName: file.name }))
            .then((result) => {
              setUploaded((list) => [
                ...list,
                { uid: file.uid, photoId: result.photoId, name: file.name, thumbDataUrl: result.thumbDataUrl },
              ]);
              if (!latest.current.includes(result.photoId)) {
                latest.current = [...latest.current, result.photoId];
                onChange?.(latest.current);
              }
            })
            .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy((n) => n - 1));
          return Upload.LIST_IGNORE;
        }}
      >
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{t('hazards.photo.add')}</div>
        </div>
      </Upload>
    </div>
  );
}

function usePicture(photoId: string, thumb: boolean, enabled = true) {
  return useQuery({
    queryKey: ['hazards', 'photo', photoId, thumb],
    queryFn: () => call('hazards:photo-data', { photoId, thumb }),
    staleTime: Infinity,
    enabled,
  });
}

/** A stored photo's thumbnail; click for the stored copy. A missing or damaged file shows the store's message. */
export function HazardPhotoThumb({ photoId, label }: { photoId: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const thumb = usePicture(photoId, true);
  const full = usePicture(photoId, false, open);
  const box = {
    width: 96,
    height: 72,
    border: '1px solid #d9d9d9',
    borderRadius: 4,
    overflow: 'hidden',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#fafafa',
    cursor: 'zoom-in',
    padding: 0,
  } as const;
  let body;
  if (thumb.isPending) body = <Spin size="small" />;
  else if (thumb.isError || !thumb.data.ok) {
    const problem = thumb.isError ? thumb.error.message : thumb.data.ok ? '' : thumb.data.message;
    body = (
      <Tooltip title={problem}>
        <Typography.Text type="warning" style={{ fontSize: 11 }}>
          <WarningOutlined /> {t('hazards.photo.missing')}
        </Typography.Text>
      </Tooltip>
    );
  } else
    body = <img src={thumb.data.dataUrl} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />;
  return (
    <>
      <button type="button" style={box} title={label} onClick={() => setOpen(true)} data-testid="hazard-photo-thumb">
        {body}
      </button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={900} title={label} destroyOnHidden>
        {full.isPending ? (
          <Spin />
        ) : full.isError || !full.data.ok ? (
          <Typography.Text type="warning">
            <WarningOutlined /> {full.isError ? full.error.message : full.data.ok ? '' : full.data.message}
          </Typography.Text>
        ) : (
          <img src={full.data.dataUrl} alt={label} style={{ maxWidth: '100%' }} />
        )}
      </Modal>
    </>
  );
}

type PhotoRole = Hazard['photos'][number]['role'];

/** Thumbnails of a hazard's photos, optionally only those of one history entry, labelled by role. */
export function HazardPhotoList({ photos, eventId }: { photos: Hazard['photos']; eventId?: string }) {
  const { t } = useTranslation();
  const list = eventId === undefined ? photos : photos.filter((p) => p.eventId === eventId);
  if (list.length === 0) return null;
  const roles: PhotoRole[] = ['before', 'after', 'document'];
  return (
    <Space direction="vertical" size={4}>
      {roles.map((role) => {
        const group = list.filter((p) => p.role === role);
        if (group.length === 0) return null;
        return (
          <Space key={role} size={6} wrap align="start" data-testid={`hazard-photos-${role}`}>
            <Typography.Text type="secondary" style={{ width: 56, display: 'inline-block' }}>
              {t(`hazards.photo.role.${role}`)}
            </Typography.Text>
            {group.map((p, i) => (
              <HazardPhotoThumb
                key={`${p.photoId}-${p.eventId ?? ''}-${i}`}
                photoId={p.photoId}
                label={`${t(`hazards.photo.role.${role}`)} ${i + 1}`}
              />
            ))}
          </Space>
        );
      })}
    </Space>
  );
}
