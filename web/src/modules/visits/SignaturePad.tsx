import { Button, Flex, Typography } from 'antd';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SignaturePadHandle {
  /** The drawing as PNG, or null when nothing was drawn. */
  toBlob(): Promise<Blob | null>;
  clear(): void;
}

/** The customer signs on the page (mouse, finger or pen); sent as a PNG like the archive's attachments. */
export const SignaturePad = forwardRef<SignaturePadHandle, { width?: number; height?: number }>(function SignaturePad({ width = 480, height = 180 }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [inked, setInked] = useState(false);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current!;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setInked(false);
  };
  useImperativeHandle(ref, () => ({
    clear,
    toBlob: () => new Promise((resolve) => (inked && canvas.current ? canvas.current.toBlob((b) => resolve(b), 'image/png') : resolve(null))),
  }));

  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t('visits.form.signatureHint')}</Typography.Text>
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={t('visits.form.signaturePad')}
        style={{ border: '1px dashed #bfbfbf', borderRadius: 6, background: '#fff', touchAction: 'none', maxWidth: '100%', cursor: 'crosshair' }}
        onPointerDown={(e) => {
          const ctx = canvas.current!.getContext('2d')!;
          const p = point(e);
          drawing.current = true;
          canvas.current!.setPointerCapture(e.pointerId);
          ctx.lineWidth = 2.5;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.strokeStyle = '#000';
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = canvas.current!.getContext('2d')!;
          const p = point(e);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          setInked(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerLeave={() => {
          drawing.current = false;
        }}
      />
      <div>
        <Button size="small" onClick={clear} disabled={!inked}>
          {t('visits.form.clearSignature')}
        </Button>
      </div>
    </Flex>
  );
});
