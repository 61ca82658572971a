import { describe, expect, it } from 'vitest';
import { PNG, WORKBOOK_PARTS, creditCode, gbk, zip } from '../../../../test/fixtures/customer-files';
import {
  DuplicateIndex,
  autoMap,
  csvDelimiter,
  decodeText,
  duplicateKeys,
  fieldForHeader,
  inspectZip,
  isFormulaLike,
  isWorkbookZip,
  mappingProblem,
  numberText,
  parseCsv,
  sniffFile,
  tableFromRecords,
  validateRow,
} from './import.rules';

describe('header mapping', () => {
  it('knows the Chinese labels, their common variants, English words and the field keys', () => {
    expect(
      autoMap(['客户名称*', '联系电话', '统一社会信用代码', '法人', '地址', '邮编', '省', '市', '区/县', '行业', '企业性质', '规模', '经营范围', '开户行', '银行账号', '来源渠道', '旺季月采购额（万元）', '备注']),
    ).toEqual([
      'name', 'phone', 'creditCode', 'legalRepresentative', 'address', 'postcode', 'province', 'city', 'district', 'industry',
      'companyNature', 'companySize', 'businessScope', 'bankName', 'bankAccount', 'sourceChannel', 'peakMonthAmount', 'notes',
    ]);
    expect(autoMap(['Company Name', 'E-mail', 'credit_code', 'legalRepresentative', 'Staff Count', 'ZIP'])).toEqual(['name', 'email', 'creditCode', 'legalRepresentative', 'staffCount', 'postcode']);
    expect(autoMap(['客戶名稱', '聯絡電話', '統一社會信用代碼'])).toEqual(['name', 'phone', 'creditCode']);
  });

  it('maps each field once: the first column wins', () => {
    expect(autoMap(['电话', '手机', '客户名称', '公司名称'])).toEqual(['phone', null, 'name', null]);
  });

  it('reads a header that starts with a long label (客户名称（全称）, 联系电话1) but not with a short one', () => {
    expect(fieldForHeader('客户名称（全称）')).toBe('name');
    expect(fieldForHeader('联系电话1')).toBe('phone');
    expect(fieldForHeader('电话费用')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });

  it('refuses a mapping of the wrong length or with a field twice', () => {
    expect(mappingProblem(['name', null], 3)).toBe('import.mapping_length');
    expect(mappingProblem(['name', 'phone', 'phone'], 3)).toBe('import.field_mapped_twice');
    expect(mappingProblem(['name', null, null], 3)).toBeNull();
  });
});

describe('file type and text decoding', () => {
  it('tells workbooks, old .xls, text and binary apart by their bytes', () => {
    expect(sniffFile(zip(WORKBOOK_PARTS))).toBe('xlsx');
    expect(sniffFile(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)]))).toBe('xls');
    expect(sniffFile(Buffer.from('客户名称,电话\n华远,010-1\n'))).toBe('text');
    expect(sniffFile(PNG)).toBe('other');
    expect(sniffFile(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toBe('other');
  });

  it('decodes UTF-8 (BOM stripped), GBK and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF客户名称\n', 'utf8'))).toEqual({ text: '客户名称\n', encoding: 'utf-8' });
    expect(decodeText(gbk('北京华远科技有限公司,赵建国\r\n'))).toEqual({ text: '北京华远科技有限公司,赵建国\r\n', encoding: 'gbk' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t电话\n', 'utf16le')]))).toEqual({ text: '名称\t电话\n', encoding: 'utf-16le' });
    expect(decodeText(Buffer.from([0x41, 0x00, 0x42]))).toBeNull();
  });
});

describe('zip-bomb guard', () => {
  it('accepts an ordinary archive and names its entries', () => {
    const res = inspectZip(zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<sheetData/>'.repeat(100)) }]));
    expect(res).toEqual({ names: ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'] });
    expect(isWorkbookZip((res as { names: string[] }).names)).toBe(true);
    expect(isWorkbookZip(['[Content_Types].xml', 'word/document.xml'])).toBe(false);
  });

  it('refuses huge declared sizes, lying sizes, extreme ratios, too many entries and ZIP64', () => {
    const limits = { maxUnzippedBytes: 1024 * 1024, maxRatio: 100, maxEntries: 5 };
    expect(inspectZip(zip([{ name: 'a', data: Buffer.from('x'), declaredSize: 2 * 1024 * 1024 }]), limits)).toBe('zip_bomb');
    expect(inspectZip(zip([{ name: 'a', data: Buffer.alloc(100_000), declaredSize: 1000, crc: 0 }]), limits)).toBe('zip_bomb');
    expect(inspectZip(zip([{ name: 'a', data: Buffer.alloc(5 * 1024 * 1024), crc: 0 }]))).toBe('zip_bomb');
    expect(inspectZip(zip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }))), limits)).toBe('zip_bomb');
    expect(inspectZip(zip([{ name: 'a', data: Buffer.from('x'), declaredSize: 0xffffffff }]))).toBe('zip_bomb');
  });

  it('calls a truncated or garbled archive corrupt', () => {
    const good = zip(WORKBOOK_PARTS);
    expect(inspectZip(good.subarray(0, good.length - 30))).toBe('corrupt');
    const garbled = Buffer.from(good);
    garbled.fill(0x55, 40, 60);
    expect(inspectZip(garbled)).toBe('corrupt');
  });
});

describe('CSV', () => {
  it('handles quotes, doubled quotes, separators and line breaks inside quotes, and every line end', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"line\nbreak",x,\ry')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', 'x', ''],
      ['y'],
    ]);
  });

  it('detects tab and semicolon separators', () => {
    expect(csvDelimiter('名称\t电话\t地址\n')).toBe('\t');
    expect(csvDelimiter('名称;电话;地址,楼层\n')).toBe(';');
    expect(csvDelimiter('名称\n')).toBe(',');
  });

  it('makes a table: first non-empty row is the header, empty rows keep their numbers, limits apply', () => {
    const records = [['', ''], ['客户名称', '电话', ''], ['华远', '010-62345678'], ['', ''], ['远东', '', 'beyond']].map((cells, i) => ({ cells, rowNumber: i + 1 }));
    expect(tableFromRecords(records)).toEqual({ headers: ['客户名称', '电话'], rows: [['华远', '010-62345678'], ['远东', '']], rowNumbers: [3, 5], flags: [] });
    expect(tableFromRecords(records, { maxRows: 1, maxColumns: 10 })).toEqual({ problem: 'import.too_many_rows', params: { max: 1 } });
    expect(tableFromRecords(records.slice(0, 2))).toEqual({ problem: 'import.empty' });
  });
});

describe('row validation', () => {
  const mapping = ['name', 'phone', 'creditCode', 'staffCount', 'peakMonthAmount', 'status', 'sourceChannel', 'tags', 'bankAccount', 'archiveNo'] as const;

  it('turns cells into the values the archive stores', () => {
    const res = validateRow(['北京华远科技有限公司', '13812345678', creditCode(7).toLowerCase(), '1,200人', '35.5万元', '正式', '合作伙伴推荐', '重点，华北、重点', '**** 7890', 'kh2026-000001'], [...mapping]);
    expect(res.issues).toEqual([]);
    expect(res.archiveNo).toBe('KH2026-000001');
    expect(res.values).toEqual({
      name: '北京华远科技有限公司',
      phone: '13812345678',
      creditCode: creditCode(7),
      staffCount: 1200,
      peakMonthAmount: 35.5,
      status: 'formal',
      sourceChannel: 'referral',
      tags: ['重点', '华北'],
    });
  });

  it('names every problem with its field, column and message key', () => {
    const res = validateRow(['', '12345', 'ABC', '12.5', '-3', '活跃', '朋友', '', '', ''], [...mapping]);
    expect(res.values).toBeNull();
    expect(res.issues.map((i) => [i.field, i.column, i.key])).toEqual([
      ['name', 0, 'validation.required'],
      ['phone', 1, 'validation.phone'],
      ['creditCode', 2, 'validation.credit_code'],
      ['staffCount', 3, 'import.not_an_integer'],
      ['peakMonthAmount', 4, 'import.number_range'],
      ['status', 5, 'import.invalid_status'],
      ['sourceChannel', 6, 'import.invalid_source_channel'],
    ]);
    expect(validateRow(['x'.repeat(101)], ['name']).issues).toEqual([{ field: 'name', column: 0, key: 'import.too_long', params: { max: 100 } }]);
    expect(validateRow(['华远'], [null]).issues).toEqual([{ field: 'name', column: null, key: 'validation.required' }]);
  });

  it('reports a number Excel has rounded instead of importing it', () => {
    expect(validateRow(['华远', '6222021234567890000'], ['name', 'bankAccount'], new Set([1])).issues).toEqual([{ field: 'bankAccount', column: 1, key: 'import.number_precision' }]);
    expect(numberText(6222021234567890000)).toEqual({ text: '6222021234567890000', rounded: true });
    expect(numberText(13812345678)).toEqual({ text: '13812345678', rounded: false });
    expect(numberText(0.1 + 0.2)).toEqual({ text: '0.3', rounded: false });
  });
});

describe('duplicates', () => {
  it('matches by credit code, phone of 7+ digits or normalised name; an existing archive number decides alone', () => {
    const index = new DuplicateIndex();
    index.add(1, duplicateKeys({ name: '上海浦江物流有限公司', creditCode: creditCode(1) }, 'KH2026-000001'));
    index.add(2, duplicateKeys({ name: '杭州西湖茶业有限公司', phone: '0571-87654321' }, 'KH2026-000002'));
    expect(index.match(duplicateKeys({ name: '上海浦江物流（有限公司）' }))).toEqual([1]);
    expect(index.match(duplicateKeys({ name: '别的公司', phone: '057187654321' }))).toEqual([2]);
    expect(index.match(duplicateKeys({ name: '杭州西湖茶业', creditCode: creditCode(1).toLowerCase() }))).toEqual([1, 2]);
    expect(index.match(duplicateKeys({ name: '杭州西湖茶业', creditCode: creditCode(1) }, 'KH2026-000002'))).toEqual([2]);
    expect(index.match(duplicateKeys({ name: '新公司', phone: '123456' }, 'KH2026-999999'))).toEqual([]);
  });
});

describe('formula neutralisation', () => {
  it('recognises what a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(isFormulaLike(s)).toBe(true);
    for (const s of ['北京', '1+1', ' =1', '']) expect(isFormulaLike(s)).toBe(false);
  });
});
