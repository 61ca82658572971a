/**
 * Reading and writing .xlsx with ExcelJS, and reading CSV: the only file-format code of the imports and
 * exports of every module. Every string cell written goes through one place that neutralises formulas.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { isFormulaLike, numberText, parseCsv, tableFromRecords, type ParsedTable } from './import.rules';

type TableOrProblem = ParsedTable | { problem: string; params?: Record<string, number> };

/** The text a cell shows: rich text joined, formulas by their cached result, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): { text: string; rounded: boolean } {
  if (value === null || value === undefined) return { text: '', rounded: false };
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return { text: value, rounded: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', rounded: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '', rounded: false };
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, rounded: false };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text ?? '').join(''), rounded: false };
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return cellText(((value as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return { text: '', rounded: false };
  }
  return { text: String(value), rounded: false };
}

/** The first visible worksheet with data; throws when the bytes are not a workbook ExcelJS can open. */
export async function readXlsx(buf: Buffer, limits?: { maxRows: number; maxColumns: number }): Promise<TableOrProblem & { sheetName?: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
  const ws = sheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) return { problem: 'import.empty' };
  const max = limits?.maxRows ?? Number.POSITIVE_INFINITY;
  if (ws.actualRowCount - 1 > max) return { problem: 'import.too_many_rows', params: { max } };
  const records: { cells: string[]; rowNumber: number; flagged: number[]; formulas: number[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const flagged: number[] = [];
    const formulas: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > 1000) return;
      const { text, rounded } = cellText(cell.value);
      cells[col - 1] = text;
      if (rounded) flagged.push(col - 1);
      // A live formula imports the result saved with the file; the report names each such cell.
      if (cell.value !== null && typeof cell.value === 'object' && ('formula' in cell.value || 'sharedFormula' in cell.value)) formulas.push(col - 1);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    records.push({ cells, rowNumber, flagged, formulas });
  });
  const table = tableFromRecords(records, limits);
  return 'problem' in table ? table : { ...table, sheetName: ws.name };
}

export function readCsv(text: string, limits?: { maxRows: number; maxColumns: number }): TableOrProblem {
  const records = parseCsv(text).map((cells, i) => ({ cells, rowNumber: i + 1 }));
  return tableFromRecords(records, limits);
}

export type CellInput = string | number | null | undefined;

/**
 * A one-sheet workbook written row by row (ExcelJS streaming writer, shared strings), collected into a
 * buffer. Strings are always string cells, never formulas; one that a spreadsheet program would run as a
 * formula (= + - @ …) also gets the Text number format, so it opens as text and stays text when edited,
 * showing the original characters (no visible apostrophe).
 */
export class XlsxWriter {
  private readonly chunks: Buffer[] = [];
  private readonly stream = new PassThrough();
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: ExcelJS.Worksheet;
  rowCount = 0;

  constructor(sheetName: string, headers: string[], widths: number[] = []) {
    this.stream.on('data', (c: Buffer) => this.chunks.push(c));
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.stream, useStyles: true, useSharedStrings: true });
    this.ws = this.wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 16 }));
    const head = this.ws.addRow(headers.map((h) => h));
    head.font = { bold: true };
    this.protect(head);
    head.commit();
  }

  private protect(row: ExcelJS.Row) {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = '@';
    });
  }

  addRow(values: CellInput[]): void {
    const row = this.ws.addRow(values.map((v) => (v === undefined || v === '' ? null : v)));
    this.protect(row);
    row.commit();
    this.rowCount++;
  }

  async finish(): Promise<Buffer> {
    this.ws.commit();
    await this.wb.commit();
    return Buffer.concat(this.chunks);
  }
}
