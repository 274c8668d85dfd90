import { CloseOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionPhoto } from '../../../../electron/api';
import { call } from '../../api';

/** Reads a picked or dropped file as base64 (no data-URL prefix), the form the contract carries. */
export function fileToBase64(file: File): Promise<string> {
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

function usePicture(photoId: string, variant: 'thumb' | 'full', enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'photo', photoId, variant],
    queryFn: () => call('inspections:photo-data', { photoId, variant }),
    staleTime: Infinity,
    enabled,
  });
}

/**
 * A photo thumbnail; click to see the stored copy. A missing or damaged file shows a placeholder with the
 * store's message instead of a broken image, and never throws.
 */
export function PhotoThumb({ photo, onRemove }: { photo: InspectionPhoto; onRemove?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const thumb = usePicture(photo.photoId, 'thumb');
  const full = usePicture(photo.photoId, 'full', open);
  const label = `${photo.role === 'after-fix' ? t('inspections.photo.afterFix') : t('inspections.photo.evidence')} ${photo.originalName ?? ''}`;
  let body;
  if (thumb.isPending) body = <Spin size="small" />;
  else if (thumb.isError || !thumb.data.ok) {
    const message = thumb.isError ? thumb.error.message : thumb.data.ok ? '' : thumb.data.message;
    body = (
      <Tooltip title={message}>
        <span className="insp-thumb-missing" role="img" aria-label={t('inspections.photo.missing')}>
          <WarningOutlined /> {t('inspections.photo.missing')}
        </span>
      </Tooltip>
    );
  } else body = <img src={thumb.data.dataUrl} alt={label} />;
  return (
    <span className={`insp-thumb ${photo.role === 'after-fix' ? 'insp-thumb-after' : ''}`} data-testid="photo-thumb">
      <button type="button" className="insp-thumb-button" onClick={() => setOpen(true)} title={label} tabIndex={-1}>
        {body}
      </button>
      {photo.role === 'after-fix' ? <span className="insp-thumb-tag">{t('inspections.photo.afterFix')}</span> : null}
      {onRemove ? (
        <Button
          size="small"
          type="text"
          className="insp-thumb-remove"
          icon={<CloseOutlined />}
          aria-label={t('inspections.photo.remove')}
          onClick={onRemove}
          tabIndex={-1}
        />
      ) : null}
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={900} title={label} destroyOnHidden>
        {full.isPending ? (
          <Spin />
        ) : full.isError || !full.data.ok ? (
          <div className="insp-thumb-missing-large" role="alert">
            <WarningOutlined /> {full.isError ? full.error.message : full.data.ok ? '' : full.data.message}
          </div>
        ) : (
          <img src={full.data.dataUrl} alt={label} style={{ maxWidth: '100%' }} />
        )}
      </Modal>
    </span>
  );
}
