import { Button, Modal, Space, Typography } from 'antd';
import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 560;
const HEIGHT = 200;

/**
 * Mount it per signer (a `key`), so each signature starts on a clean canvas with no ink state left over.
 *
 * A signature drawn with pointer events (mouse, pen or finger) on a white canvas, handed back as a PNG data
 * URL. The canvas is drawn at device resolution so the stored signature stays sharp in printed reports.
 */
export function SignaturePad({
  open,
  signerName,
  saving,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  signerName: string;
  saving: boolean;
  onCancel: () => void;
  onConfirm: (pngDataUrl: string) => void;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef(false);
  const [hasInk, setHasInk] = useState(false);

  const clear = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const scale = window.devicePixelRatio || 1;
    canvas.width = WIDTH * scale;
    canvas.height = HEIGHT * scale;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    setHasInk(false);
  }, []);

  // The modal mounts its content after opening, so the canvas is prepared when it appears, not when `open` flips.
  const attach = useCallback(
    (el: HTMLCanvasElement | null) => {
      canvasRef.current = el;
      if (el) clear();
    },
    [clear],
  );

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * WIDTH, y: ((e.clientY - rect.top) / rect.height) * HEIGHT };
  };

  return (
    <Modal
      open={open}
      title={t('inspections.signature.title', { name: signerName })}
      onCancel={onCancel}
      width={WIDTH + 48}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={clear}>{t('inspections.signature.clear')}</Button>
          <Button
            type="primary"
            disabled={!hasInk}
            loading={saving}
            onClick={() => {
              const canvas = canvasRef.current;
              if (canvas) onConfirm(canvas.toDataURL('image/png'));
            }}
          >
            {t('inspections.signature.confirm')}
          </Button>
        </Space>
      }
    >
      <Typography.Text type="secondary">{t('inspections.signature.hint')}</Typography.Text>
      <canvas
        ref={attach}
        className="insp-signature-canvas"
        aria-label={t('inspections.signature.title', { name: signerName })}
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const p = point(e);
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          const p = point(e);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          setHasInk(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerCancel={() => {
          drawing.current = false;
        }}
      />
    </Modal>
  );
}
