/**
 * What a file is, judged by its content, never by its name (issue 3 §5). Correspondence filed with a
 * customer: faxes (TIFF/PDF/images), contracts and letters (PDF, Word, Excel, scans). The first bytes
 * name a candidate type; the file is then checked beyond them (docs/regulations.md §2): an image's header
 * must give its dimensions, an Office file must open as a zip with its parts, a PDF needs its header and
 * %%EOF trailer. A file that names a type but fails its check is kept as an opaque download.
 */
import { inspectZip } from '../../platform/import/import.rules';

export interface DetectedType {
  mime: string;
  extension: string;
  /** Width and height read from an image's header. */
  dimensions?: { width: number; height: number };
  /** Set when the content claimed `claimed` but did not pass its check: stored and served as octet-stream. */
  opaque?: { claimed: string };
}

export const OPAQUE_MIME = 'application/octet-stream';

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Uint8Array, from: number, to: number) => String.fromCharCode(...buf.subarray(from, Math.min(to, buf.length)));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Dims = { width: number; height: number } | null;
const dims = (width: number, height: number): Dims => (width > 0 && height > 0 ? { width, height } : null);

// ── Images ────────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG: IHDR first with a correct CRC, every chunk within the file, at least one IDAT, ending with IEND. */
export function pngDimensions(buf: Buffer): Dims {
  if (buf.length < 33 || ascii(buf, 12, 16) !== 'IHDR' || buf.readUInt32BE(8) !== 13) return null;
  let p = 8;
  let idat = false;
  let size: Dims = null;
  while (p + 12 <= buf.length) {
    const len = buf.readUInt32BE(p);
    const type = ascii(buf, p + 4, p + 8);
    if (p + 12 + len > buf.length) return null;
    if (crc32(buf.subarray(p + 4, p + 8 + len)) !== buf.readUInt32BE(p + 8 + len)) return null;
    if (type === 'IHDR') size = dims(buf.readUInt32BE(p + 8), buf.readUInt32BE(p + 12));
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat ? size : null;
    p += 12 + len;
  }
  return null;
}

/** JPEG: marker segments from SOI up to the start of scan; the frame header (SOFn) gives the size. */
export function jpegDimensions(buf: Buffer): Dims {
  let p = 2;
  let size: Dims = null;
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return null;
    const marker = buf[p + 1];
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    const len = buf.readUInt16BE(p + 2);
    if (len < 2 || p + 2 + len > buf.length) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (len < 8) return null;
      size = dims(buf.readUInt16BE(p + 7), buf.readUInt16BE(p + 5));
    }
    if (marker === 0xda) return size; // scan data follows: the header is complete
    if (marker === 0xd9) return null;
    p += 2 + len;
  }
  return null;
}

/** GIF: screen descriptor, colour tables, extension and image blocks walked to the trailer. */
export function gifDimensions(buf: Buffer): Dims {
  if (buf.length < 14) return null;
  const size = dims(buf.readUInt16LE(6), buf.readUInt16LE(8));
  let p = 13 + (buf[10] & 0x80 ? 3 * 2 ** ((buf[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (p < buf.length && buf[p] !== 0) p += buf[p] + 1;
    p++;
  };
  let images = 0;
  while (p < buf.length) {
    const block = buf[p];
    if (block === 0x3b) return images ? size : null;
    if (block === 0x21) {
      p += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      if (p + 10 > buf.length) return null;
      const packed = buf[p + 9];
      p += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1; // + LZW minimum code size
      skipSubBlocks();
      images++;
    } else return null;
  }
  return null;
}

/** WebP: a RIFF container whose size matches the file, with a VP8, VP8L or VP8X first chunk. */
export function webpDimensions(buf: Buffer): Dims {
  if (buf.length < 30 || buf.readUInt32LE(4) + 8 > buf.length || buf.readUInt32LE(4) < 22) return null;
  const chunk = ascii(buf, 12, 16);
  const len = buf.readUInt32LE(16);
  if (20 + len > buf.length) return null;
  if (chunk === 'VP8 ') {
    if (!startsWith(buf, [0x9d, 0x01, 0x2a], 23)) return null;
    return dims(buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (buf[20] !== 0x2f) return null;
    const bits = buf.readUInt32LE(21);
    return dims((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return dims(buf.readUIntLE(24, 3) + 1, buf.readUIntLE(27, 3) + 1);
  return null;
}

/** TIFF (faxes): the first image directory lies in the file and names the width and length. */
export function tiffDimensions(buf: Buffer): Dims {
  const le = buf[0] === 0x49;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  if (buf.length < 8) return null;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > buf.length) return null;
  const n = u16(ifd);
  if (ifd + 2 + n * 12 > buf.length) return null;
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    const value = u16(e + 2) === 3 ? u16(e + 8) : u32(e + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return dims(width, height);
}

// ── Documents ─────────────────────────────────────────────────────────────────
/** A PDF: the %PDF-1.x / 2.x header and the %%EOF trailer within the last kilobyte. */
export function isCompletePdf(buf: Buffer): boolean {
  return /^%PDF-[12]\.\d/.test(ascii(buf, 0, 8)) && buf.subarray(Math.max(0, buf.length - 1024)).includes('%%EOF');
}

/** Which Office Open XML document a zip is, when it opens safely and holds the document's parts. */
export function officeKind(buf: Buffer): 'docx' | 'xlsx' | null {
  const zip = inspectZip(buf);
  if (typeof zip === 'string' || !zip.names.includes('[Content_Types].xml')) return null;
  if (zip.names.includes('word/document.xml')) return 'docx';
  if (zip.names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

function checked(mime: string, extension: string, ok: boolean | Dims): DetectedType {
  if (!ok) return { mime: OPAQUE_MIME, extension: 'bin', opaque: { claimed: mime } };
  return typeof ok === 'object' ? { mime, extension, dimensions: ok } : { mime, extension };
}

/** The type the content proves; null when it names no type we file (programs, scripts, plain zips). */
export function detectFileType(input: Uint8Array): DetectedType | null {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return checked('application/pdf', 'pdf', isCompletePdf(buf));
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checked('image/png', 'png', pngDimensions(buf));
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return checked('image/jpeg', 'jpg', jpegDimensions(buf));
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return checked('image/gif', 'gif', gifDimensions(buf));
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return checked('image/webp', 'webp', webpDimensions(buf));
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return checked('image/tiff', 'tif', tiffDimensions(buf));
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Old Word/Excel (OLE2): the header's byte order mark and a sector size of 512 or 4096 bytes.
    return checked('application/x-ole-storage', 'doc', buf.length >= 512 && buf.readUInt16LE(28) === 0xfffe && [9, 12].includes(buf.readUInt16LE(30)));
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entries name the document part.
    const head = ascii(buf, 0, 4096);
    const claimed = head.includes('word/') ? DOCX : head.includes('xl/') || head.includes('[Content_Types].xml') ? XLSX : null;
    if (!claimed) return null; // other zips (archives, executables in disguise) are refused
    const kind = officeKind(buf);
    if (kind === 'docx') return { mime: DOCX, extension: 'docx' };
    if (kind === 'xlsx') return { mime: XLSX, extension: 'xlsx' };
    return checked(claimed, claimed === DOCX ? 'docx' : 'xlsx', false);
  }
  return null;
}

export const ATTACHMENT_KINDS = ['fax', 'contract', 'letter', 'other'] as const; // 传真 合同 信函 其他

/** A filename safe to show and to put in Content-Disposition: no path, no control characters. */
export function safeFilename(name: string, detected: Pick<DetectedType, 'extension'>): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 150) || 'file';
  const stem = base.replace(/\.[^.]*$/, '');
  return `${stem || 'file'}.${detected.extension}`;
}
