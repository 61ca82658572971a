import { z } from 'zod';
import { pagingQuery } from '../../../platform/http/schemas';

/**
 * Excel/CSV import of transactions 交易记录 and returns 退赔折价 (archive sections 3–4). Loads no Node
 * code: the web reads its types.
 */
export const IMPORT_KINDS = ['transactions', 'returns'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What a column of a transactions file can be mapped to. */
export const TRANSACTION_IMPORT_FIELDS = ['sourceDocNo', 'customerArchiveNo', 'customerName', 'date', 'product', 'model', 'quantity', 'unitPrice', 'amount', 'salesperson', 'contractNo'] as const;
/** What a column of a returns file can be mapped to. */
export const RETURN_IMPORT_FIELDS = ['sourceDocNo', 'transactionDocNo', 'customerArchiveNo', 'customerName', 'kind', 'date', 'amount', 'reason', 'responsibleParty'] as const;
export type TransactionImportField = (typeof TRANSACTION_IMPORT_FIELDS)[number];
export type ReturnImportField = (typeof RETURN_IMPORT_FIELDS)[number];
export type TxImportField = TransactionImportField | ReturnImportField;
const ALL_FIELDS = [...new Set<TxImportField>([...TRANSACTION_IMPORT_FIELDS, ...RETURN_IMPORT_FIELDS])] as [TxImportField, ...TxImportField[]];

export const kindQuery = z.object({ kind: z.enum(IMPORT_KINDS).default('transactions') }).strict();
export const uploadQuery = z
  .object({ kind: z.enum(IMPORT_KINDS).default('transactions'), filename: z.string().trim().min(1).max(255).optional() })
  .strict();
export const mappingBody = z.object({ mapping: z.array(z.enum(ALL_FIELDS).nullable()).max(1000) }).strict();
export const commitBody = z.object({}).strict();
export const listQuery = z.object({ ...pagingQuery }).strict();

const rowError = z.object({
  row: z.number().describe('spreadsheet row number, 1-based, as Excel shows it'),
  field: z.string(),
  column: z.number().nullable().describe('0-based column index in the file; null when the field is not mapped'),
  header: z.string().nullable(),
  message: z.string(),
});

export const previewOut = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  filename: z.string(),
  fileType: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  status: z.string(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable() })),
  fields: z.array(z.string()).describe('what a column can be mapped to'),
  unmappedRequired: z.array(z.string()),
  rowCount: z.number(),
  validCount: z.number().describe('rows that would be written'),
  errorRowCount: z.number(),
  existing: z.number().describe('rows whose source document number is already recorded: left as they are'),
  sample: z.array(z.object({ row: z.number(), valid: z.boolean(), values: z.record(z.string(), z.string()) })),
  errors: z.array(rowError).describe('the first 1000; all of them in report.xlsx'),
  errorCount: z.number(),
  alreadyImported: z.object({ at: z.string().nullable(), byName: z.string().nullable() }).nullable(),
});

export const resultOut = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  status: z.string(),
  created: z.number(),
  unchanged: z.number().describe('already recorded (same source document number): nothing written'),
  failed: z.number(),
  reclassified: z.number().describe('customers whose class by amount changed'),
  message: z.string().describe('the outcome in words, e.g. 已存在 N 行，未改动'),
  errors: z.array(rowError),
  errorCount: z.number(),
  committedAt: z.string().nullable(),
});

export const statusOut = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  filename: z.string(),
  fileType: z.string(),
  status: z.string(),
  rowCount: z.number(),
  progress: z.object({ processed: z.number(), total: z.number() }),
  result: resultOut.omit({ errors: true }).nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
