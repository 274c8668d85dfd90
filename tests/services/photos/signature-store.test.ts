import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/services/errors';
import { photoDataUrl, verifyPhoto, type PhotoStoreDeps } from '../../../electron/services/photos/photo-store';
import { saveSignature } from '../../../electron/services/photos/signature-store';
import { listFiles, tempStore } from './images';

let store: PhotoStoreDeps & { dispose: () => void };
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

/** What `canvas.toDataURL('image/png')` gives for a signature: transparent with a dark stroke across it. */
async function signatureDataUrl(width = 600, height = 200, drawn = true): Promise<string> {
  const strokes = drawn
    ? [
        {
          input: { create: { width: Math.round(width / 2), height: 6, channels: 4 as const, background: '#1a1a1a' } },
          left: Math.round(width / 4),
          top: Math.round(height / 2),
        },
      ]
    : [];
  const png = await sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite(strokes)
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

async function message(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return (error as AppError).message;
}

describe('saveSignature', () => {
  it('stores the PNG byte for byte and gives it back as the same data URL', async () => {
    const dataUrl = await signatureDataUrl();
    const sig = await saveSignature(store, { pngDataUrl: dataUrl });
    expect(sig.storedPath).toBe(`signatures/${sig.sha256.slice(0, 2)}/${sig.sha256}.png`);
    expect([sig.width, sig.height]).toEqual([600, 200]);
    const onDisk = fs.readFileSync(path.join(store.dataDir, sig.storedPath));
    expect(onDisk.equals(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'))).toBe(true);
    expect(sig.bytes).toBe(onDisk.length);
    expect(await photoDataUrl(store.dataDir, sig.storedPath, sig.sha256)).toEqual({ ok: true, dataUrl });
    expect(await verifyPhoto(store.dataDir, sig.storedPath, sig.sha256)).toEqual({ ok: true });
    expect(sig.deduplicated).toBe(false);
  });

  it('stores the same signature once', async () => {
    const dataUrl = await signatureDataUrl();
    const first = await saveSignature(store, { pngDataUrl: dataUrl });
    const second = await saveSignature(store, { pngDataUrl: dataUrl });
    expect(second.deduplicated).toBe(true);
    expect(second.storedPath).toBe(first.storedPath);
    expect(listFiles(store.dataDir)).toEqual([first.storedPath]);
  });

  it('refuses anything but a sane, non-empty PNG data URL', async () => {
    const jpeg = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    expect(
      await message(saveSignature(store, { pngDataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` })),
    ).toBe('签名数据格式不正确，应为 PNG 图片');
    expect(await message(saveSignature(store, { pngDataUrl: 'data:image/png;base64,@@not base64@@' }))).toBe(
      '签名数据格式不正确，应为 PNG 图片',
    );
    // A JPEG wearing a PNG label.
    expect(
      await message(saveSignature(store, { pngDataUrl: `data:image/png;base64,${jpeg.toString('base64')}` })),
    ).toBe('签名图片已损坏，无法读取');
    expect(await message(saveSignature(store, { pngDataUrl: await signatureDataUrl(600, 200, false) }))).toBe(
      '签名为空，请重新签名',
    );
    expect(await message(saveSignature(store, { pngDataUrl: await signatureDataUrl(10, 10) }))).toBe(
      '签名图片尺寸异常（10×10）',
    );
    const tooBig = `data:image/png;base64,${'A'.repeat(3 * 1024 * 1024)}`;
    expect(await message(saveSignature(store, { pngDataUrl: tooBig }))).toBe('签名图片过大，最多 2 MB');
    expect(listFiles(store.dataDir)).toEqual([]);
  });
});
