import { describe, expect, it } from 'vitest';
import { detectFileType, safeFilename } from './attachments.rules';

describe('attachment types by content (issue 3 §5)', () => {
  it('recognises PDF, PNG, JPEG and TIFF faxes from their first bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))?.mime).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mime).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(detectFileType(Buffer.from([0x49, 0x49, 0x2a, 0x00]))?.mime).toBe('image/tiff');
  });

  it('refuses a program or a script whatever it is called', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00'))).toBeNull(); // Windows executable
    expect(detectFileType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toBeNull(); // plain zip
  });

  it('keeps the shown name but takes the extension from the content', () => {
    expect(safeFilename('../../合同扫描件.exe', { mime: 'application/pdf', extension: 'pdf' })).toBe('合同扫描件.pdf');
    expect(safeFilename('传真"\u0000.png', { mime: 'image/tiff', extension: 'tif' })).toBe('传真.tif');
  });
});
