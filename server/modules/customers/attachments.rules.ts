/**
 * What a file is, judged by its first bytes, never by its name (issue 3 §5). Correspondence filed with
 * a customer: faxes (TIFF/PDF/images), contracts and letters (PDF, Word, Excel, scans).
 */
export interface DetectedType {
  mime: string;
  extension: string;
}

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Uint8Array, from: number, to: number) => String.fromCharCode(...buf.subarray(from, Math.min(to, buf.length)));

export function detectFileType(buf: Uint8Array): DetectedType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', extension: 'pdf' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', extension: 'png' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return { mime: 'image/gif', extension: 'gif' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return { mime: 'image/tiff', extension: 'tif' };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: 'application/x-ole-storage', extension: 'doc' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entries name the document part.
    const head = ascii(buf, 0, 4096);
    if (head.includes('word/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    if (head.includes('xl/')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    return null; // other zips (archives, executables in disguise) are refused
  }
  return null;
}

export const ATTACHMENT_KINDS = ['fax', 'contract', 'letter', 'other'] as const; // 传真 合同 信函 其他

/** A filename safe to show and to put in Content-Disposition: no path, no control characters. */
export function safeFilename(name: string, detected: DetectedType): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 150) || 'file';
  const stem = base.replace(/\.[^.]*$/, '');
  return `${stem || 'file'}.${detected.extension}`;
}
