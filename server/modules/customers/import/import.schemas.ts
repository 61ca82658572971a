import { z } from 'zod';
import { pagingQuery } from '../../../platform/http/schemas';
import { customerListQuery } from '../customers.schemas';
import { EDITABLE_COLUMNS, type EditableField } from '../customers.fields';

/** One contact person per row: name, position and mobile, added to the customer's contacts. */
export const CONTACT_IMPORT_FIELDS = ['contactName', 'contactPosition', 'contactMobile'] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

/**
 * The annual purchase amount (年采购额) and the year it is for: one summary transaction per row in the
 * ledger, offered only when a module contributes the `customerImportLedger` extension point.
 */
export const LEDGER_IMPORT_FIELDS = ['annualAmount', 'purchaseYear'] as const;
export type LedgerImportField = (typeof LEDGER_IMPORT_FIELDS)[number];

/** What a column can be mapped to: an editable field, the archive number (a match key for updates), the row's contact person or its annual purchases. */
export type ImportField = EditableField | 'archiveNo' | ContactImportField | LedgerImportField;
export const IMPORT_FIELDS = ['archiveNo', ...(Object.keys(EDITABLE_COLUMNS) as EditableField[]), ...CONTACT_IMPORT_FIELDS, ...LEDGER_IMPORT_FIELDS] as [ImportField, ...ImportField[]];

export const DUPLICATE_MODES = ['skip', 'update', 'create'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

export const mappingBody = z.object({ mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(1000) }).strict();
export const commitBody = z
  .object({
    duplicates: z.enum(DUPLICATE_MODES).describe('what to do with a duplicate row the user made no choice for'),
    rows: z
      .array(z.object({ row: z.number().int().min(1).max(10_000_000).describe('spreadsheet row number'), action: z.enum(DUPLICATE_MODES) }).strict())
      .max(50_000)
      .optional()
      .describe('the choice per duplicate row: skip, update the existing customer, or create anyway'),
  })
  .strict();
export type DuplicateChoice = { row: number; action: DuplicateMode };
export const listQuery = z.object({ ...pagingQuery }).strict();

const rowError = z.object({
  row: z.number().describe('spreadsheet row number, 1-based, as Excel shows it'),
  field: z.string(),
  column: z.number().nullable().describe('0-based column index in the file; null when the field is not mapped'),
  header: z.string().nullable(),
  message: z.string(),
});

export const DUPLICATE_REASONS = ['archiveNo', 'name', 'creditCode', 'phone'] as const;

/** A valid row that matches an existing customer or an earlier row of the file, with what it matched and why. */
const duplicateRow = z.object({
  row: z.number().describe('spreadsheet row number'),
  name: z.string().describe("the row's customer name"),
  action: z.enum(DUPLICATE_MODES).nullable().describe('what the import did with it (null in the preview)'),
  matches: z.array(
    z.object({
      customerId: z.number().nullable().describe('null when the match is outside your data scope'),
      archiveNo: z.string().nullable(),
      name: z.string().nullable(),
      fileRow: z.number().nullable().describe('set when the match is an earlier row of the same file'),
      reasons: z.array(z.enum(DUPLICATE_REASONS)),
    }),
  ),
});
export type DuplicateRowOut = z.infer<typeof duplicateRow>;

/** A mapped cell holding a formula: what was imported is the result saved with the file. */
const formulaCell = z.object({ row: z.number(), column: z.number(), header: z.string(), value: z.string() });

const progress = z.object({ processed: z.number(), total: z.number() });

export const previewOut = z.object({
  id: z.number(),
  filename: z.string(),
  fileType: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  status: z.string(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable() })),
  fields: z.array(z.string()).describe('what a column can be mapped to'),
  purchaseYearDefault: z.number().nullable().describe('the year an annual purchase amount is for when no year column is mapped; null without a ledger'),
  unmappedRequired: z.array(z.string()),
  rowCount: z.number(),
  validCount: z.number(),
  errorRowCount: z.number(),
  duplicates: z.number().describe('valid rows matching an existing customer or an earlier row of the file'),
  duplicateRows: z.array(duplicateRow).describe('the first 1000 duplicates, each with its matches'),
  formulaCells: z.array(formulaCell).describe('the first 1000 mapped cells holding a formula; their saved result is imported'),
  sample: z.array(z.object({ row: z.number(), valid: z.boolean(), values: z.record(z.string(), z.string()) })),
  errors: z.array(rowError).describe('the first 1000; all of them in report.xlsx'),
  errorCount: z.number(),
  alreadyImported: z.object({ at: z.string().nullable(), byName: z.string().nullable() }).nullable(),
});

export const resultOut = z.object({
  id: z.number(),
  status: z.string(),
  duplicates: z.enum(DUPLICATE_MODES),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number().describe('duplicates updated with identical values: nothing written'),
  skipped: z.number(),
  failed: z.number(),
  ledgerCreated: z.number().optional().describe('annual purchase summaries written to the transaction ledger'),
  ledgerExisting: z.number().optional().describe('annual purchase summaries already in the ledger from an earlier import: left as they were'),
  // Optional only so that the status's result (which leaves them out) shares this shape; the commit always answers them.
  duplicateRows: z.array(duplicateRow).optional().describe('the first 1000 duplicates and what was done with each'),
  formulaCells: z.array(formulaCell).optional(),
  errors: z.array(rowError),
  errorCount: z.number(),
  alreadyImported: z.boolean(),
  committedAt: z.string().nullable(),
});

export const statusOut = z.object({
  id: z.number(),
  filename: z.string(),
  fileType: z.string(),
  status: z.string(),
  rowCount: z.number(),
  progress,
  result: resultOut.omit({ errors: true, duplicateRows: true, formulaCells: true }).nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});

/** The filters of GET /api/customers, without paging, plus the columns and the unmasked switch. */
export const exportQuery = customerListQuery
  .omit({ page: true, pageSize: true })
  .extend({
    fields: z.string().trim().max(2000).optional().describe('comma-separated column keys; default all'),
    unmasked: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();
