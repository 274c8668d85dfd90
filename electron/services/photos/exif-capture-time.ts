/**
 * Reads the capture time from a raw EXIF block (the buffer sharp's `metadata().exif` returns).
 *
 * A few dozen lines of TIFF walking instead of an EXIF library: we need two ASCII tags, the project has no EXIF
 * reader installed, and a hand-written reader can be strict about bounds so a malformed block from an odd camera
 * gives "no capture time" rather than an exception.
 */

/** Offset assumed when the camera wrote no OffsetTimeOriginal: inspections happen in China (UTC+8, no DST). */
export const ASSUMED_EXIF_OFFSET = '+08:00';

const TAG_EXIF_IFD_POINTER = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
// A real IFD has a few dozen entries; a huge count means we are reading garbage.
const MAX_IFD_ENTRIES = 1000;

interface TiffView {
  buf: Buffer;
  little: boolean;
}

function u16(v: TiffView, at: number): number | null {
  if (at < 0 || at + 2 > v.buf.length) return null;
  return v.little ? v.buf.readUInt16LE(at) : v.buf.readUInt16BE(at);
}

function u32(v: TiffView, at: number): number | null {
  if (at < 0 || at + 4 > v.buf.length) return null;
  return v.little ? v.buf.readUInt32LE(at) : v.buf.readUInt32BE(at);
}

/** Entries of the IFD at `offset` as tag → entry offset, or null when the IFD runs off the buffer. */
function readIfd(v: TiffView, offset: number): Map<number, number> | null {
  const count = u16(v, offset);
  if (count === null || count > MAX_IFD_ENTRIES || offset + 2 + count * 12 > v.buf.length) return null;
  const entries = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    const tag = u16(v, entry);
    if (tag !== null && !entries.has(tag)) entries.set(tag, entry);
  }
  return entries;
}

/** The ASCII value of an IFD entry, without its NUL terminator and padding; null when not ASCII or out of range. */
function asciiValue(v: TiffView, entry: number): string | null {
  const type = u16(v, entry + 2);
  const count = u32(v, entry + 4);
  if (type !== TYPE_ASCII || count === null || count === 0 || count > 256) return null;
  // Values of up to 4 bytes sit in the entry itself; longer ones at the offset it holds.
  const start = count <= 4 ? entry + 8 : u32(v, entry + 8);
  if (start === null || start + count > v.buf.length) return null;
  return v.buf
    .toString('latin1', start, start + count)
    .replace(/\0.*$/s, '')
    .trim();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `YYYY:MM:DD HH:MM:SS` (the EXIF form; some writers use `-`) plus an optional `±HH:MM` offset as an ISO 8601
 * string with that offset, or null for blanks, zeros and impossible dates (cameras with unset clocks write those).
 */
export function exifDateToIso(value: string, offset: string | null): string | null {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = offset !== null && /^[+-](0\d|1[0-4]):[0-5]\d$/.test(offset) ? offset : ASSUMED_EXIF_OFFSET;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}:${p(second)}${zone}`;
}

/**
 * Capture time from EXIF DateTimeOriginal, as ISO 8601 with an explicit offset, e.g. `2025-03-14T09:26:53+08:00`.
 * The camera's wall-clock reading is kept as written (it is evidence); the offset is OffsetTimeOriginal when the
 * camera recorded one, otherwise {@link ASSUMED_EXIF_OFFSET}. Only DateTimeOriginal counts: DateTime (0x0132) is
 * the last-edit time and would date a re-saved photo wrongly. Null when absent or unreadable.
 */
export function readExifCaptureTime(exif: Buffer | undefined): string | null {
  if (!exif || exif.length < 8) return null;
  // libvips hands the block over with its APP1 "Exif\0\0" prefix; PNG eXIf chunks come without it.
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const v: TiffView = { buf: tiff, little: order === 'II' };
  if (u16(v, 2) !== 42) return null;
  const ifd0Offset = u32(v, 4);
  const ifd0 = ifd0Offset === null ? null : readIfd(v, ifd0Offset);
  const pointerEntry = ifd0?.get(TAG_EXIF_IFD_POINTER);
  if (pointerEntry === undefined) return null;
  const exifIfdOffset = u32(v, pointerEntry + 8);
  const exifIfd = exifIfdOffset === null ? null : readIfd(v, exifIfdOffset);
  const dateEntry = exifIfd?.get(TAG_DATE_TIME_ORIGINAL);
  if (!exifIfd || dateEntry === undefined) return null;
  const date = asciiValue(v, dateEntry);
  if (date === null) return null;
  const offsetEntry = exifIfd.get(TAG_OFFSET_TIME_ORIGINAL);
  const offset = offsetEntry === undefined ? null : asciiValue(v, offsetEntry);
  return exifDateToIso(date, offset);
}
