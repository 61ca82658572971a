/**
 * Pure rules shared by every spreadsheet import and export (customers, transactions …): file type by
 * content, the zip-bomb check, text decoding (UTF-8 / GBK), CSV parsing, the table of a sheet, header →
 * field matching, formula neutralisation. No database, no network.
 */
import { inflateRawSync } from 'node:zlib';

// ── Limits ────────────────────────────────────────────────────────────────────
export interface ImportLimits {
  /** Largest upload accepted (bytes). */
  maxUploadBytes: number;
  /** Data rows of one file. */
  maxRows: number;
  maxColumns: number;
  /** Zip-bomb guard: total uncompressed size of an .xlsx and the largest compression ratio of a big entry. */
  maxUnzippedBytes: number;
  maxRatio: number;
  maxZipEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  maxZipEntries: 10_000,
};

// ── Header → field ────────────────────────────────────────────────────────────
/** 客户名称* / 客户名称（必填） / Customer_Name → comparable text: NFKC, lower case, no spaces, punctuation or "required" marks. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(]?(必填|选填|必填项|可选)[）)]?/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Recognises the headers of one kind of import: each field by its key (creditCode, credit_code), its
 * Chinese label and its aliases (traditional characters, English, the words people use), compared after
 * normalizeHeader.
 */
export function headerMatcher<F extends string>(fields: readonly F[], labels: Record<F, string>, aliases: Record<F, string[]>) {
  const index = new Map<string, F>();
  for (const field of fields) {
    const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const alias of [field, snake, labels[field], ...aliases[field]]) {
      const key = normalizeHeader(alias);
      if (key && !index.has(key)) index.set(key, field);
    }
  }
  /** The field a header names, if any: exact alias first, then a long alias the header starts with (联系电话1). */
  function fieldForHeader(header: string): F | null {
    const h = normalizeHeader(header);
    if (!h) return null;
    const exact = index.get(h);
    if (exact) return exact;
    let best: { field: F; length: number } | null = null;
    for (const [alias, field] of index) {
      if ([...alias].length >= 4 && h.startsWith(alias) && (!best || alias.length > best.length)) best = { field, length: alias.length };
    }
    return best?.field ?? null;
  }
  /** Automatic mapping: each field to the first column that names it; other columns are not imported. */
  function autoMap(headers: string[]): (F | null)[] {
    const used = new Set<F>();
    return headers.map((h) => {
      const f = fieldForHeader(h);
      if (!f || used.has(f)) return null;
      used.add(f);
      return f;
    });
  }
  return { fieldForHeader, autoMap };
}

/**
 * The automatic mapping, corrected by what this user chose before: a header they mapped by hand to another
 * field in an earlier import (`earlier`, newest first) gets that field again, if it is one of `allowed`.
 * A field still belongs to one column only.
 */
export function rememberedMapping<F extends string>(
  headers: string[],
  automatic: (F | null)[],
  earlier: { headers: string[]; mapping: (string | null)[]; automatic: (string | null)[] }[],
  allowed: readonly string[],
): (F | null)[] {
  const chosen = new Map<string, F>();
  for (const e of earlier) {
    e.headers.forEach((h, i) => {
      const key = normalizeHeader(h);
      const f = e.mapping[i];
      if (key && f && f !== e.automatic[i] && allowed.includes(f) && !chosen.has(key)) chosen.set(key, f as F);
    });
  }
  if (!chosen.size) return automatic;
  const out = headers.map((h, i) => chosen.get(normalizeHeader(h)) ?? automatic[i]);
  // A remembered field wins its column; the automatic one it displaces elsewhere is dropped.
  const taken = new Set(headers.flatMap((h) => (chosen.has(normalizeHeader(h)) ? [chosen.get(normalizeHeader(h))!] : [])));
  const seen = new Set<F>();
  return out.map((f, i) => {
    if (!f) return null;
    if (taken.has(f) && !chosen.has(normalizeHeader(headers[i]))) return null;
    if (seen.has(f)) return null;
    seen.add(f);
    return f;
  });
}

/** A message key when the mapping cannot be used, else null. */
export function mappingProblem(mapping: (string | null)[], columnCount: number): string | null {
  if (mapping.length !== columnCount) return 'import.mapping_length';
  const fields = mapping.filter((f): f is string => f !== null);
  if (new Set(fields).size !== fields.length) return 'import.field_mapped_twice';
  return null;
}

// ── File type by content ──────────────────────────────────────────────────────
export type FileKind = 'xlsx' | 'xls' | 'text' | 'other';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What the bytes are, whatever the file name says. */
export function sniffFile(buf: Buffer): FileKind {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'; // a zip: the workbook check follows
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2 compound file
  return decodeText(buf) ? 'text' : 'other';
}

export type TextEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/**
 * Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else GBK
 * (GB 18030, a superset, as Excel on Chinese Windows saves CSV). Null when the bytes are not text.
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } | null {
  let text: string | null = null;
  let encoding: TextEncoding = 'utf-8';
  try {
    if (startsWith(buf, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(3));
    else if (startsWith(buf, [0xff, 0xfe])) [text, encoding] = [new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2)), 'utf-16le'];
    else if (startsWith(buf, [0xfe, 0xff])) [text, encoding] = [new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2)), 'utf-16be'];
  } catch {
    return null;
  }
  if (text === null) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
        encoding = 'gbk';
      } catch {
        return null;
      }
    }
  }
  // Binary data decodes as control characters; a spreadsheet's text has none but tab and line ends.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text)) return null;
  return { text, encoding };
}

// ── Zip-bomb guard ────────────────────────────────────────────────────────────
export type ZipProblem = 'zip_bomb' | 'corrupt';

/**
 * Checks an .xlsx (a zip) before any library unpacks it: the sizes its central directory declares
 * (total, ratio per entry, number of entries), and then that every entry really inflates to no more than
 * it declares (a lying header is refused too). Returns the entry names when the archive is safe to open.
 */
export function inspectZip(buf: Buffer, limits: { maxUnzippedBytes: number; maxRatio: number; maxEntries: number } = {
  maxUnzippedBytes: DEFAULT_IMPORT_LIMITS.maxUnzippedBytes,
  maxRatio: DEFAULT_IMPORT_LIMITS.maxRatio,
  maxEntries: DEFAULT_IMPORT_LIMITS.maxZipEntries,
}): ZipProblem | { names: string[] } {
  // End of central directory: 22 bytes + a comment of up to 65535 bytes at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: an .xlsx within our upload limit never needs them, a bomb does.
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return 'zip_bomb';
  if (entries > limits.maxEntries) return 'zip_bomb';
  if (cdOffset + cdSize > buf.length) return 'corrupt';
  let p = cdOffset;
  let total = 0;
  const list: { method: number; compressed: number; size: number; local: number }[] = [];
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'corrupt';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) return 'zip_bomb';
    total += size;
    if (total > limits.maxUnzippedBytes) return 'zip_bomb';
    if (size > 1024 * 1024 && size / Math.max(compressed, 1) > limits.maxRatio) return 'zip_bomb';
    list.push({ method, compressed, size, local });
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  // The declared sizes could lie: inflate each entry with its declared size as the hard ceiling.
  for (const e of list) {
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) return 'corrupt';
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.compressed > buf.length) return 'corrupt';
    if (e.method === 0) {
      if (e.compressed !== e.size) return 'corrupt';
      continue;
    }
    if (e.method !== 8) return 'corrupt';
    try {
      inflateRawSync(buf.subarray(start, start + e.compressed), { maxOutputLength: Math.max(e.size, 1) });
    } catch (err) {
      return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'zip_bomb' : 'corrupt';
    }
  }
  return { names };
}

/** Whether a safe zip is an Excel workbook at all (a .docx or a zip of photos is not). */
export function isWorkbookZip(names: string[]): boolean {
  return names.includes('[Content_Types].xml') && names.some((n) => /^xl\/workbook\.xml$/i.test(n));
}

// ── CSV ───────────────────────────────────────────────────────────────────────
/** The separator of a CSV: the one of , ; tab that occurs most in the first line (comma on a tie). */
export function csvDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', '\t', ';'];
  let best = ',';
  for (const c of candidates) if (count(c) > count(best)) best = c;
  return best;
}

/** RFC 4180 records: quoted fields with "" escapes and line breaks inside quotes; CRLF, LF or CR line ends. */
export function parseCsv(text: string, delimiter = csvDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// ── Tables ────────────────────────────────────────────────────────────────────
export interface ParsedTable {
  headers: string[];
  rows: string[][];
  /** The spreadsheet row (1-based, as Excel shows it) of each data row. */
  rowNumbers: number[];
  /** [data row index, column] of numbers Excel has rounded (more than 15 significant digits). */
  flags: [number, number][];
  /** [data row index, column] of cells holding a formula: their value is the result Excel saved with the file. */
  formulas?: [number, number][];
}

/**
 * Header row = the first row with any text; columns end at its last non-empty cell. Empty rows are left
 * out but keep their numbers. Returns a message key when the table exceeds the limits or is empty.
 */
export function tableFromRecords(
  records: { cells: string[]; rowNumber: number; flagged?: number[]; formulas?: number[] }[],
  limits: { maxRows: number; maxColumns: number } = DEFAULT_IMPORT_LIMITS,
): ParsedTable | { problem: string; params?: Record<string, number> } {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length < 2) return { problem: 'import.empty' };
  const [head, ...data] = nonEmpty;
  let width = head.cells.length;
  while (width > 0 && head.cells[width - 1].trim() === '') width--;
  if (width > limits.maxColumns) return { problem: 'import.too_many_columns', params: { max: limits.maxColumns } };
  if (data.length > limits.maxRows) return { problem: 'import.too_many_rows', params: { max: limits.maxRows } };
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const flags: [number, number][] = [];
  const formulas: [number, number][] = [];
  for (const r of data) {
    const cells = Array.from({ length: width }, (_, i) => (r.cells[i] ?? '').trim());
    if (cells.every((c) => c === '')) continue; // text only beyond the last header column
    for (const col of r.flagged ?? []) if (col < width) flags.push([rows.length, col]);
    for (const col of r.formulas ?? []) if (col < width) formulas.push([rows.length, col]);
    rows.push(cells);
    rowNumbers.push(r.rowNumber);
  }
  if (!rows.length) return { problem: 'import.empty' };
  return { headers: head.cells.slice(0, width).map((h) => h.trim()), rows, rowNumbers, flags, ...(formulas.length ? { formulas } : {}) };
}

// ── Cells ─────────────────────────────────────────────────────────────────────
/** Text a spreadsheet program would run as a formula (= + - @, also after a tab or line break). */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r\n]/.test(text);
}

/** Number → cell text without float noise (0.1+0.2) or exponent; flags integers beyond 15 digits. */
export function numberText(n: number): { text: string; rounded: boolean } {
  if (!Number.isFinite(n)) return { text: '', rounded: false };
  if (Number.isInteger(n)) {
    const text = Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
    return { text, rounded: Math.abs(n) >= 1e15 };
  }
  return { text: String(Number(n.toPrecision(15))), rounded: false };
}
