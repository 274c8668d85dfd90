import { describe, expect, it } from 'vitest';
import { exifDateToIso, readExifCaptureTime } from '../../../electron/services/photos/exif-capture-time';

/**
 * A minimal big-endian ("MM") EXIF block, as some Nikon and Canon bodies write it (sharp writes little-endian,
 * so the photo tests cover the other byte order): IFD0 with an Exif IFD pointer, Exif IFD with the given ASCII tags.
 */
function bigEndianExif(tags: Array<[number, string]>): Buffer {
  const ifd0At = 8;
  const exifIfdAt = ifd0At + 2 + 12 + 4;
  let dataAt = exifIfdAt + 2 + tags.length * 12 + 4;
  const head = Buffer.alloc(dataAt);
  head.write('MM', 0, 'latin1');
  head.writeUInt16BE(42, 2);
  head.writeUInt32BE(ifd0At, 4);
  head.writeUInt16BE(1, ifd0At);
  head.writeUInt16BE(0x8769, ifd0At + 2);
  head.writeUInt16BE(4, ifd0At + 4); // LONG
  head.writeUInt32BE(1, ifd0At + 6);
  head.writeUInt32BE(exifIfdAt, ifd0At + 10);
  head.writeUInt16BE(tags.length, exifIfdAt);
  const data: Buffer[] = [];
  tags.forEach(([tag, value], i) => {
    const entry = exifIfdAt + 2 + i * 12;
    const bytes = Buffer.from(`${value}\0`, 'latin1');
    head.writeUInt16BE(tag, entry);
    head.writeUInt16BE(2, entry + 2); // ASCII
    head.writeUInt32BE(bytes.length, entry + 4);
    head.writeUInt32BE(dataAt, entry + 8);
    data.push(bytes);
    dataAt += bytes.length;
  });
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), head, ...data]);
}

describe('readExifCaptureTime', () => {
  it('reads a big-endian block with and without OffsetTimeOriginal', () => {
    expect(readExifCaptureTime(bigEndianExif([[0x9003, '2023:11:05 08:07:06']]))).toBe('2023-11-05T08:07:06+08:00');
    expect(
      readExifCaptureTime(
        bigEndianExif([
          [0x9003, '2023:11:05 08:07:06'],
          [0x9011, '-05:00'],
        ]),
      ),
    ).toBe('2023-11-05T08:07:06-05:00');
  });

  it('gives null, never an exception, for missing, truncated and nonsense blocks', () => {
    const good = bigEndianExif([[0x9003, '2023:11:05 08:07:06']]);
    expect(readExifCaptureTime(undefined)).toBeNull();
    expect(readExifCaptureTime(bigEndianExif([[0x9004, '2023:11:05 08:07:06']]))).toBeNull();
    for (let cut = 0; cut < good.length; cut += 3) expect(readExifCaptureTime(good.subarray(0, cut))).toBeNull();
    expect(readExifCaptureTime(Buffer.from('Exif\0\0II*\0\xff\xff\xff\xff', 'latin1'))).toBeNull();
  });
});

describe('exifDateToIso', () => {
  it('accepts real dates and refuses blanks, zeros and impossible dates', () => {
    expect(exifDateToIso('2024:02:29 23:59:59', null)).toBe('2024-02-29T23:59:59+08:00');
    expect(exifDateToIso('2024-02-29 23:59:59', '+08:00')).toBe('2024-02-29T23:59:59+08:00');
    expect(exifDateToIso('2023:02:29 12:00:00', null)).toBeNull();
    expect(exifDateToIso('0000:00:00 00:00:00', null)).toBeNull();
    expect(exifDateToIso('    :  :     :  :  ', null)).toBeNull();
    expect(exifDateToIso('2024:01:01 24:00:00', null)).toBeNull();
    // A malformed offset falls back to the assumption rather than producing an invalid ISO string.
    expect(exifDateToIso('2024:01:01 10:00:00', '+8')).toBe('2024-01-01T10:00:00+08:00');
  });
});
