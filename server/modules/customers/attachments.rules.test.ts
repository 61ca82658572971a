import { describe, expect, it } from 'vitest';
import { WORKBOOK_PARTS, zip } from '../../../test/fixtures/customer-files';
import { OPAQUE_MIME, detectFileType, safeFilename } from './attachments.rules';

// Smallest real files of each kind (1×1 pixel), and a JPEG header of a 3×2 picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const JPEG = Buffer.from(
  'ffd8' + 'ffe000104a46494600010100000100010000' + 'ffc00011080002000303012200021101031101' + 'ffda000c03010002110311003f00' + 'd2cf20' + 'ffd9',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const DOCX = zip([
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'word/document.xml', data: Buffer.from('<?xml version="1.0"?><w:document/>') },
]);

describe('attachment types by content, checked beyond the first bytes (docs/regulations.md §2)', () => {
  it('reads the dimensions of PNG, JPEG, GIF and WebP pictures from their headers', () => {
    expect(detectFileType(PNG)).toMatchObject({ mime: 'image/png', extension: 'png', dimensions: { width: 1, height: 1 } });
    expect(detectFileType(JPEG)).toMatchObject({ mime: 'image/jpeg', dimensions: { width: 3, height: 2 } });
    expect(detectFileType(GIF)).toMatchObject({ mime: 'image/gif', dimensions: { width: 1, height: 1 } });
    expect(detectFileType(WEBP)).toMatchObject({ mime: 'image/webp', extension: 'webp', dimensions: { width: 1, height: 1 } });
  });

  it('opens Word and Excel files as zips with their parts, and wants a PDF whole (header and %%EOF)', () => {
    expect(detectFileType(DOCX)).toMatchObject({ extension: 'docx' });
    expect(detectFileType(zip(WORKBOOK_PARTS))).toMatchObject({ extension: 'xlsx' });
    expect(detectFileType(PDF)).toEqual({ mime: 'application/pdf', extension: 'pdf' });
  });

  it('keeps a file whose first bytes promise a type it then fails as an opaque download', () => {
    const opaque = (claimed: string) => ({ mime: OPAQUE_MIME, extension: 'bin', opaque: { claimed } });
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))).toEqual(opaque('application/pdf')); // cut off: no trailer
    expect(detectFileType(PNG.subarray(0, 40))).toEqual(opaque('image/png')); // truncated
    const badCrc = Buffer.from(PNG);
    badCrc[20] ^= 0xff; // the width changed without its checksum
    expect(detectFileType(badCrc)).toEqual(opaque('image/png'));
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual(opaque('image/png'));
    expect(detectFileType(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<script>alert(1)</script>')]))).toEqual(opaque('image/jpeg'));
    expect(detectFileType(GIF.subarray(0, 30))).toEqual(opaque('image/gif'));
    expect(detectFileType(WEBP.subarray(0, 24))).toEqual(opaque('image/webp'));
    // A zip that names word/ but lacks the document part, and one that is damaged.
    const noDocument = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/styles.xml', data: Buffer.from('<styles/>') }]);
    expect(detectFileType(noDocument)).toEqual(opaque('application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    expect(detectFileType(DOCX.subarray(0, DOCX.length - 30))?.mime).toBe(OPAQUE_MIME);
  });

  it('refuses a program or a script whatever it is called', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00'))).toBeNull(); // Windows executable
    expect(detectFileType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toBeNull(); // plain zip
  });

  it('keeps the shown name but takes the extension from the content', () => {
    expect(safeFilename('../../合同扫描件.exe', { extension: 'pdf' })).toBe('合同扫描件.pdf');
    expect(safeFilename('传真"\u0000.png', { extension: 'tif' })).toBe('传真.tif');
  });
});
