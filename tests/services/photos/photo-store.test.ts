import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/services/photos/content-files';
import {
  findOrphanPhotos,
  ingestPhoto,
  photoDataUrl,
  readPhoto,
  verifyPhoto,
  type PhotoStoreDeps,
} from '../../../electron/services/photos/photo-store';
import { AppError } from '../../../electron/services/errors';
import { isRed, isWhite, listFiles, markedJpeg, pixel, pngHeaderClaiming, tempStore } from './images';

let store: PhotoStoreDeps & { dispose: () => void };
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

const stored = (rel: string) => fs.readFileSync(path.join(store.dataDir, rel));

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ingestPhoto: the stored copy', () => {
  it('applies EXIF orientation 6: sides swap and the top-left corner ends up top-right', async () => {
    const original = await markedJpeg(400, 200, { orientation: 6 });
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const photo = await ingestPhoto(store, { bytes: original, originalName: 'IMG_0001.JPG' });

    expect([photo.width, photo.height]).toEqual([200, 400]);
    expect([photo.originalWidth, photo.originalHeight]).toEqual([200, 400]);
    expect(photo.orientationApplied).toBe(6);
    const jpeg = stored(photo.storedPath);
    // Orientation 6 means "turn 90° clockwise to view": the red top-left block moves to the top-right.
    expect(isRed(await pixel(jpeg, 195, 5))).toBe(true);
    expect(isWhite(await pixel(jpeg, 5, 5))).toBe(true);
    expect(isWhite(await pixel(jpeg, 195, 395))).toBe(true);
    // The stored copy is upright in its pixels and carries no orientation tag (or any other metadata) that
    // would make a viewer turn it a second time.
    const meta = await sharp(jpeg).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect(meta.space).toBe('srgb');
  });

  it('downscales a 6000×4000 photo to 2048×1365 with a 320 px thumbnail', async () => {
    const photo = await ingestPhoto(store, { bytes: await markedJpeg(6000, 4000) });
    expect([photo.width, photo.height]).toEqual([2048, 1365]);
    expect([photo.originalWidth, photo.originalHeight]).toEqual([6000, 4000]);
    const meta = await sharp(stored(photo.storedPath)).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 1365]);
    const thumb = await sharp(stored(photo.thumbPath)).metadata();
    expect([thumb.width, thumb.height, thumb.format]).toEqual([320, 213, 'jpeg']);
    expect(photo.bytes).toBe(stored(photo.storedPath).length);
    expect(photo.mime).toBe('image/jpeg');
    expect(photo.originalMime).toBe('image/jpeg');
  });

  it('never enlarges a small photo, nor its thumbnail', async () => {
    const photo = await ingestPhoto(store, { bytes: await markedJpeg(300, 200) });
    expect([photo.width, photo.height]).toEqual([300, 200]);
    const thumb = await sharp(stored(photo.thumbPath)).metadata();
    expect([thumb.width, thumb.height]).toEqual([300, 200]);
  });

  it('records the hashes, content-addressed paths, clock time and the file name without folders', async () => {
    const original = await markedJpeg(120, 80);
    const photo = await ingestPhoto(store, { bytes: original, originalName: 'C:\\Users\\检查员\\现场\\灭火器.jpg' });
    const { createHash } = await import('node:crypto');
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(photo.sha256Original).toBe(hash(original));
    expect(photo.sha256Stored).toBe(hash(stored(photo.storedPath)));
    expect(photo.storedPath).toBe(`photos/${photo.sha256Original.slice(0, 2)}/${photo.sha256Original}.jpg`);
    expect(photo.thumbPath).toBe(`photos/${photo.sha256Original.slice(0, 2)}/${photo.sha256Original}.thumb.jpg`);
    expect(photo.importedAt).toBe('2026-04-01T02:00:00.000Z');
    expect(photo.originalName).toBe('灭火器.jpg');
    expect(photo.originalBytes).toBe(original.length);
    expect(photo.deduplicated).toBe(false);
  });

  it('accepts PNG (transparency flattened onto white), WebP and AVIF, storing JPEG', async () => {
    const transparent = await sharp({
      create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const png = await ingestPhoto(store, { bytes: transparent });
    expect(png.originalMime).toBe('image/png');
    expect(isWhite(await pixel(stored(png.storedPath), 10, 10))).toBe(true);

    const webp = await ingestPhoto(store, {
      bytes: await sharp(await markedJpeg(64, 48))
        .webp()
        .toBuffer(),
    });
    expect(webp.originalMime).toBe('image/webp');
    const avif = await ingestPhoto(store, {
      bytes: await sharp(await markedJpeg(64, 48))
        .avif()
        .toBuffer(),
    });
    expect(avif.originalMime).toBe('image/avif');
    for (const p of [png, webp, avif]) expect((await sharp(stored(p.storedPath)).metadata()).format).toBe('jpeg');
  });
});

describe('ingestPhoto: colour', () => {
  it('converts a Display P3 photo (as iPhones take them) to sRGB through its profile', async () => {
    const green = { r: 40, g: 180, b: 60 };
    const p3 = await sharp({ create: { width: 16, height: 16, channels: 3, background: green } })
      .withIccProfile('p3')
      .jpeg({ quality: 100 })
      .toBuffer();
    // In the file the pixel values are P3 numbers, clearly different from the sRGB ones.
    const inFile = await sharp(p3).keepIccProfile().raw().toBuffer();
    expect(Math.abs((inFile[0] ?? 0) - green.r)).toBeGreaterThan(30);
    const photo = await ingestPhoto(store, { bytes: p3 });
    const jpeg = stored(photo.storedPath);
    expect((await sharp(jpeg).metadata()).hasProfile).toBe(false);
    const [r, g, b] = await pixel(jpeg, 8, 8);
    expect(Math.abs(r - green.r) + Math.abs(g - green.g) + Math.abs(b - green.b)).toBeLessThan(15);
  });
});

describe('ingestPhoto: capture time', () => {
  it('reads DateTimeOriginal, assuming +08:00 when the camera wrote no offset', async () => {
    const bytes = await markedJpeg(100, 80, {
      exif: { IFD0: { Make: 'TestCam' }, IFD2: { DateTimeOriginal: '2025:03:14 09:26:53' } },
    });
    expect((await ingestPhoto(store, { bytes })).capturedAt).toBe('2025-03-14T09:26:53+08:00');
  });

  it('keeps the offset the camera wrote', async () => {
    const bytes = await markedJpeg(100, 80, {
      exif: { IFD2: { DateTimeOriginal: '2025:12:31 23:59:58', OffsetTimeOriginal: '+09:00' } },
    });
    expect((await ingestPhoto(store, { bytes })).capturedAt).toBe('2025-12-31T23:59:58+09:00');
  });

  it('reads the time together with orientation 6, and is null without EXIF or for an unset camera clock', async () => {
    const turned = await markedJpeg(100, 80, {
      orientation: 6,
      exif: { IFD2: { DateTimeOriginal: '2024:07:01 14:00:00' } },
    });
    const photo = await ingestPhoto(store, { bytes: turned });
    expect(photo.capturedAt).toBe('2024-07-01T14:00:00+08:00');
    expect(photo.orientationApplied).toBe(6);
    expect((await ingestPhoto(store, { bytes: await markedJpeg(90, 80) })).capturedAt).toBeNull();
    const unset = await markedJpeg(80, 80, { exif: { IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } } });
    expect((await ingestPhoto(store, { bytes: unset })).capturedAt).toBeNull();
  });
});

describe('ingestPhoto: the same photo is stored once', () => {
  it('returns the existing files with deduplicated: true and writes nothing new', async () => {
    const bytes = await markedJpeg(500, 300);
    const first = await ingestPhoto(store, { bytes });
    const filesAfterFirst = listFiles(store.dataDir);
    const storedBytes = stored(first.storedPath);
    const second = await ingestPhoto(store, { bytes: Buffer.from(bytes), originalName: 'copy.jpg' });

    expect(second.deduplicated).toBe(true);
    expect(second.storedPath).toBe(first.storedPath);
    expect(second.thumbPath).toBe(first.thumbPath);
    expect(second.sha256Stored).toBe(first.sha256Stored);
    expect([second.width, second.height, second.bytes]).toEqual([first.width, first.height, first.bytes]);
    expect(second.id).not.toBe(first.id);
    expect(listFiles(store.dataDir)).toEqual(filesAfterFirst);
    expect(filesAfterFirst).toHaveLength(2);
    expect(stored(first.storedPath).equals(storedBytes)).toBe(true);
  });

  it('rewrites a damaged leftover instead of reusing it', async () => {
    const bytes = await markedJpeg(500, 300);
    const first = await ingestPhoto(store, { bytes });
    const abs = path.join(store.dataDir, first.storedPath);
    fs.writeFileSync(abs, stored(first.storedPath).subarray(0, 100));
    const again = await ingestPhoto(store, { bytes });
    expect(again.deduplicated).toBe(false);
    expect(again.sha256Stored).toBe(first.sha256Stored);
    expect((await verifyPhoto(store.dataDir, again.storedPath, first.sha256Stored)).ok).toBe(true);
  });
});

describe('ingestPhoto: refusals', () => {
  it('calls a damaged JPEG damaged', async () => {
    const good = await markedJpeg(400, 300);
    const truncated = await rejection(ingestPhoto(store, { bytes: good.subarray(0, Math.floor(good.length / 2)) }));
    expect([truncated.code, truncated.message]).toEqual(['VALIDATION', '图片文件已损坏，无法读取']);
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x5a)]);
    expect((await rejection(ingestPhoto(store, { bytes: garbage }))).message).toBe('图片文件已损坏，无法读取');
    expect(listFiles(store.dataDir)).toEqual([]);
  });

  it('calls a text file, a GIF and an iPhone HEIC unsupported, naming the format', async () => {
    const text = await rejection(
      ingestPhoto(store, { bytes: Buffer.from('现场检查记录：消防通道畅通。\n', 'utf8'), originalName: '记录.txt' }),
    );
    expect(text.code).toBe('VALIDATION');
    expect(text.message).toBe('不支持的图片格式：TXT（支持 JPEG、PNG、WebP、AVIF）');
    const noName = await rejection(ingestPhoto(store, { bytes: Buffer.from('hello') }));
    expect(noName.message).toMatch(/^不支持的图片格式：无法识别的文件内容/);
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } })
      .gif()
      .toBuffer();
    expect((await rejection(ingestPhoto(store, { bytes: gif, originalName: 'a.gif' }))).message).toMatch(
      /^不支持的图片格式：GIF（/,
    );
    // The first bytes of an iPhone photo: an ftyp box with the HEVC brand. This sharp build cannot decode HEVC.
    const heicHead = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    const heic = await rejection(ingestPhoto(store, { bytes: heicHead, originalName: 'IMG_1234.HEIC' }));
    expect(heic.message).toMatch(/^不支持的图片格式：HEIC（.*兼容性最佳/);
  });

  it('refuses empty, oversized files and pixel bombs before decoding them', async () => {
    expect((await rejection(ingestPhoto(store, { bytes: Buffer.alloc(0) }))).message).toBe('图片文件为空');
    const huge = Buffer.alloc(41 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff]);
    expect((await rejection(ingestPhoto(store, { bytes: huge }))).message).toMatch(
      /^图片文件过大（41\.0 MB），单张照片最多 40 MB$/,
    );
    const bomb = pngHeaderClaiming(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100);
    expect((await rejection(ingestPhoto(store, { bytes: bomb }))).message).toBe(
      '图片像素过多（20000×20000），单张照片最多 100 百万像素',
    );
  });
});

describe('reading stored photos', () => {
  it('gives the stored JPEG and thumbnail back as data URLs', async () => {
    const photo = await ingestPhoto(store, { bytes: await markedJpeg(800, 600) });
    const full = await photoDataUrl(store.dataDir, photo.storedPath, photo.sha256Stored);
    expect(full).toEqual({
      ok: true,
      dataUrl: `data:image/jpeg;base64,${stored(photo.storedPath).toString('base64')}`,
    });
    const thumb = await photoDataUrl(store.dataDir, photo.thumbPath);
    expect(thumb.ok && thumb.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
  });

  it('reports a missing file, a truncated file and a path outside the store, without throwing', async () => {
    const photo = await ingestPhoto(store, { bytes: await markedJpeg(800, 600) });
    fs.rmSync(path.join(store.dataDir, photo.storedPath));
    const missing = await readPhoto(store.dataDir, photo.storedPath);
    expect(missing).toEqual({
      ok: false,
      problem: 'missing',
      message: `照片文件丢失（可能已被移动或删除）：${photo.storedPath}`,
    });
    expect(await photoDataUrl(store.dataDir, photo.storedPath)).toEqual(missing);

    const thumbAbs = path.join(store.dataDir, photo.thumbPath);
    fs.writeFileSync(thumbAbs, fs.readFileSync(thumbAbs).subarray(0, 500));
    expect(await readPhoto(store.dataDir, photo.thumbPath)).toMatchObject({ ok: false, problem: 'corrupt' });

    for (const bad of ['../../etc/passwd', 'photos/ab/not-a-hash.jpg', `photos/00/${photo.sha256Original}.jpg`]) {
      expect(await readPhoto(store.dataDir, bad)).toMatchObject({
        ok: false,
        problem: 'invalid-path',
        message: `照片存储路径无效：${bad}`,
      });
    }
  });

  it('verifyPhoto re-hashes the stored copy and notices a change of one byte', async () => {
    const photo = await ingestPhoto(store, { bytes: await markedJpeg(800, 600) });
    expect(await verifyPhoto(store.dataDir, photo.storedPath, photo.sha256Stored)).toEqual({ ok: true });
    const abs = path.join(store.dataDir, photo.storedPath);
    const bytes = fs.readFileSync(abs);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    fs.writeFileSync(abs, bytes);
    const changed = await verifyPhoto(store.dataDir, photo.storedPath, photo.sha256Stored);
    expect(changed).toMatchObject({ ok: false, problem: 'mismatch' });
    expect(!changed.ok && changed.message).toBe(
      `照片文件与登记时的内容不一致，可能已被修改或损坏：${photo.storedPath}`,
    );
  });
});

describe('files on disk', () => {
  it('leaves no temp files behind after ingestion', async () => {
    await ingestPhoto(store, { bytes: await markedJpeg(640, 480) });
    await ingestPhoto(store, { bytes: await markedJpeg(480, 640, { orientation: 8 }) });
    const files = listFiles(store.dataDir);
    expect(files).toHaveLength(4);
    expect(files.every((f) => /^photos\/[0-9a-f]{2}\/[0-9a-f]{64}(\.thumb)?\.jpg$/.test(f))).toBe(true);
  });

  it('an atomic write that cannot complete leaves neither a partial target nor a temp file', async () => {
    // The target name is taken by a non-empty folder, so the final rename fails after the temp file was written.
    const target = path.join(store.dataDir, 'photos', 'ab', 'target.jpg');
    fs.mkdirSync(path.join(target, 'blocker'), { recursive: true });
    const error = await rejection(writeFileAtomic(target, Buffer.from('bytes'), 'tag'));
    expect(error.message).toMatch(/^照片保存失败/);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['target.jpg']);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });

  it('findOrphanPhotos lists files no record knows, including temp files left by a crash', async () => {
    const kept = await ingestPhoto(store, { bytes: await markedJpeg(200, 100) });
    const orphan = await ingestPhoto(store, { bytes: await markedJpeg(100, 200) });
    const crashLeftover = `photos/${kept.sha256Original.slice(0, 2)}/.${kept.sha256Original}.jpg.0190-crash.tmp`;
    fs.writeFileSync(path.join(store.dataDir, crashLeftover), 'half a photo');
    const orphans = await findOrphanPhotos(store.dataDir, [kept.storedPath, kept.thumbPath]);
    expect(orphans).toEqual([crashLeftover, orphan.storedPath, orphan.thumbPath].sort());
    expect(await findOrphanPhotos(path.join(store.dataDir, 'nowhere'), [])).toEqual([]);
  });
});
