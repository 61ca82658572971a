/**
 * Pure rules of the transactions and returns import (archive sections 3–4, docs/regulations.md §2):
 * header → field, one row's cells → values or issues naming the field and the column. The file-level
 * rules are the platform's (server/platform/import). No database.
 */
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, headerMatcher, normalizeHeader } from '../../../platform/import/import.rules';
import { isValidDate } from '../../../platform/time';
import { RETURN_KINDS, type ReturnKind, toCents, validQuantity } from '../transactions.rules';
import {
  type ImportKind,
  RETURN_IMPORT_FIELDS,
  type ReturnImportField,
  TRANSACTION_IMPORT_FIELDS,
  type TransactionImportField,
  type TxImportField,
} from './import.schemas';

export { IMPORT_KINDS, RETURN_IMPORT_FIELDS, TRANSACTION_IMPORT_FIELDS, type ImportKind, type TxImportField } from './import.schemas';

/** A 100,000-row ledger export fits (docs/regulations.md §2: the year's documents in one file). */
export const TX_IMPORT_LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxUploadBytes: 40 * 1024 * 1024, maxRows: 200_000, maxColumns: 100, maxUnzippedBytes: 400 * 1024 * 1024 };

/** The source system of imported documents: their numbers are unique among imported ones. */
export const IMPORT_SOURCE = 'excel';

/** Chinese labels: the template's headers and the report's column names. */
export const FIELD_LABELS: Record<TxImportField, string> = {
  sourceDocNo: '单据号',
  transactionDocNo: '原交易单据号',
  customerArchiveNo: '客户档案编号',
  customerName: '客户名称',
  date: '日期',
  product: '产品',
  model: '型号',
  quantity: '数量',
  unitPrice: '单价（元）',
  amount: '金额（元）',
  salesperson: '销售人员',
  contractNo: '合同编号',
  kind: '类型',
  reason: '原因',
  responsibleParty: '责任方',
};

const ALIASES: Record<TxImportField, string[]> = {
  sourceDocNo: ['来源单据号', '单据编号', '单据号码', '单号', '销售单号', '出库单号', '发货单号', '退货单号', '退赔单号', '單據號', '來源單據號', 'document no', 'doc no', 'source document no', 'source doc no'],
  transactionDocNo: ['原单据号', '原销售单号', '原交易单号', '关联单据号', '原交易單據號', 'original document no', 'transaction doc no'],
  customerArchiveNo: ['档案编号', '客户编号', '档案号', '客戶檔案編號', '檔案編號', 'archive no', 'customer archive no', 'customer no'],
  customerName: ['客户', '客户全称', '公司名称', '单位名称', '购货单位', '客戶名稱', '客戶', 'customer', 'customer name', 'company'],
  date: ['交易日期', '销售日期', '单据日期', '开单日期', '退货日期', '日期', '交易日期', 'date', 'sale date'],
  product: ['产品名称', '品名', '商品', '商品名称', '货品名称', '項目', '產品', 'product', 'item'],
  model: ['规格型号', '规格', '型號', 'model', 'spec'],
  quantity: ['数量', '銷售數量', '數量', 'qty', 'quantity'],
  unitPrice: ['单价', '含税单价', '單價', 'unit price', 'price'],
  amount: ['金额', '价税合计', '含税金额', '总金额', '退赔金额', '金額', 'amount', 'total'],
  salesperson: ['销售员', '业务员', '经办人', '销售', '業務員', '銷售人員', 'salesperson', 'sales rep', 'salesman'],
  contractNo: ['合同号', '合同编码', '合約編號', 'contract no', 'contract'],
  kind: ['退赔类型', '处理方式', '類型', 'kind', 'type'],
  reason: ['退赔原因', '原因说明', '原因', 'reason'],
  responsibleParty: ['责任单位', '责任人', '責任方', 'responsible party', 'responsible'],
};

const MATCHERS = {
  transactions: headerMatcher(TRANSACTION_IMPORT_FIELDS, FIELD_LABELS, ALIASES),
  returns: headerMatcher(RETURN_IMPORT_FIELDS, FIELD_LABELS, ALIASES),
};

export const fieldsOf = (kind: ImportKind): readonly TxImportField[] => (kind === 'transactions' ? TRANSACTION_IMPORT_FIELDS : RETURN_IMPORT_FIELDS);
export const autoMapFor = (kind: ImportKind) => MATCHERS[kind].autoMap;

const REQUIRED: Record<ImportKind, TxImportField[]> = {
  transactions: ['sourceDocNo', 'date', 'product', 'quantity', 'unitPrice'],
  returns: ['sourceDocNo', 'kind', 'date', 'amount', 'reason', 'responsibleParty'],
};

/** Fields a usable mapping must have; the customer by archive number or name (a return may name its transaction instead). */
export function unmappedRequired(kind: ImportKind, mapping: (string | null)[]): string[] {
  const has = (f: string) => mapping.includes(f);
  const out: string[] = REQUIRED[kind].filter((f) => !has(f));
  const customer = has('customerArchiveNo') || has('customerName') || (kind === 'returns' && has('transactionDocNo'));
  if (!customer) out.push('customerName');
  return out;
}

/** The example row of each template (in the order of fieldsOf). */
export const TEMPLATE_EXAMPLE: Record<ImportKind, Record<string, string | number>> = {
  transactions: { sourceDocNo: 'XS-2026-0001', customerArchiveNo: 'KH2026-000001', customerName: '北京华宇科技有限公司', date: '2026-06-15', product: '会议室租用', model: '全天', quantity: 2, unitPrice: 3800, amount: 7600, salesperson: '王专员', contractNo: 'HT-2026-0001' },
  returns: { sourceDocNo: 'TH-2026-0001', transactionDocNo: 'XS-2026-0001', customerArchiveNo: 'KH2026-000001', customerName: '北京华宇科技有限公司', kind: '折价', date: '2026-06-20', amount: 800, reason: '会议室空调故障，按半天折价', responsibleParty: '我方' },
};

// ── One row ───────────────────────────────────────────────────────────────────
export interface RowIssue {
  field: TxImportField;
  /** Column index in the file, or null when the field is not mapped. */
  column: number | null;
  key: string;
  params?: Record<string, string | number>;
}

/** A row's values once parsed; references (customer, salesperson, contract, transaction) still as text. */
export interface ParsedRow {
  sourceDocNo: string;
  customerArchiveNo: string | null;
  customerName: string | null;
  date: string;
  // transactions
  product?: string;
  model?: string | null;
  quantity?: number;
  unitPriceCents?: number;
  amountCents?: number | null;
  salesperson?: string | null;
  contractNo?: string | null;
  // returns
  transactionDocNo?: string | null;
  kind?: ReturnKind;
  reason?: string;
  responsibleParty?: string;
}

const KIND_BY_TEXT = new Map<string, ReturnKind>(
  (
    [
      ['退货', 'return'],
      ['退貨', 'return'],
      ['退款', 'refund'],
      ['退赔', 'refund'],
      ['赔偿', 'refund'],
      ['折价', 'discount'],
      ['折讓', 'discount'],
      ['折價', 'discount'],
      ['折扣', 'discount'],
      ...RETURN_KINDS.map((k) => [k, k] as [string, ReturnKind]),
    ] as [string, ReturnKind][]
  ).map(([k, v]) => [normalizeHeader(k), v]),
);

/** 1,234.50 / ¥1234.5 / 1234.5元 → 1234.5; null when not a number. */
export function parseAmount(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，¥￥]/g, '').replace(/(元|rmb|cny)$/i, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

/** 2026-6-5 / 2026/06/05 / 2026.6.5 / 2026年6月5日 / 20260605 → 2026-06-05; null when not a real day. */
export function parseDate(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

const MAX_TEXT: Partial<Record<TxImportField, number>> = {
  sourceDocNo: 64,
  transactionDocNo: 64,
  customerArchiveNo: 40,
  customerName: 200,
  product: 200,
  model: 100,
  salesperson: 60,
  contractNo: 40,
  reason: 500,
  responsibleParty: 100,
};

/**
 * The parser of one file's rows: the mapping is read once, then each data row → its values, or the issues
 * of its cells (each naming the field and the column).
 */
export function rowParser(kind: ImportKind, mapping: (string | null)[]) {
  const allowed = new Set<string>(fieldsOf(kind));
  const columns: [TxImportField, number][] = [];
  mapping.forEach((f, col) => {
    if (f && allowed.has(f)) columns.push([f as TxImportField, col]);
  });
  return (cells: string[], flagged?: ReadonlySet<number>) => parseCells(kind, cells, columns, flagged);
}

/** One data row (see rowParser). */
export function parseRow(kind: ImportKind, cells: string[], mapping: (string | null)[], flagged?: ReadonlySet<number>) {
  return rowParser(kind, mapping)(cells, flagged);
}

function parseCells(kind: ImportKind, cells: string[], columns: [TxImportField, number][], flagged?: ReadonlySet<number>): { values: ParsedRow | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const raw = new Map<TxImportField, { text: string; column: number }>();
  for (const [f, col] of columns) raw.set(f, { text: (cells[col] ?? '').trim(), column: col });
  const columnOf = (f: TxImportField) => raw.get(f)?.column ?? null;
  const issue = (field: TxImportField, key: string, params?: Record<string, string | number>) => issues.push({ field, column: columnOf(field), key, params });
  const text = (f: TxImportField): string | null => {
    const v = raw.get(f)?.text ?? '';
    if (!v) return null;
    if (flagged?.has(raw.get(f)!.column)) {
      issue(f, 'import.number_precision');
      return null;
    }
    const max = MAX_TEXT[f];
    if (max && [...v].length > max) {
      issue(f, 'import.too_long', { max });
      return null;
    }
    return v;
  };
  const required = (f: TxImportField) => {
    const v = text(f);
    if (v === null && !issues.some((i) => i.field === f)) issue(f, 'validation.required');
    return v;
  };

  const sourceDocNo = required('sourceDocNo');
  const customerArchiveNo = text('customerArchiveNo')?.toUpperCase() ?? null;
  const customerName = text('customerName');
  const dateText = required('date');
  const date = dateText === null ? null : parseDate(dateText);
  if (dateText !== null && date === null) issue('date', 'validation.date');
  const values: ParsedRow = { sourceDocNo: sourceDocNo ?? '', customerArchiveNo, customerName, date: date ?? '' };

  if (kind === 'transactions') {
    if (!customerArchiveNo && !customerName && !issues.some((i) => i.field === 'customerName' || i.field === 'customerArchiveNo')) {
      issues.push({ field: 'customerName', column: columnOf('customerName') ?? columnOf('customerArchiveNo'), key: 'validation.required' });
    }
    values.product = required('product') ?? '';
    values.model = text('model');
    const q = required('quantity');
    if (q !== null) {
      const n = parseAmount(q);
      if (n === null || !validQuantity(n)) issue('quantity', 'transaction.quantity_invalid');
      else values.quantity = n;
    }
    const p = required('unitPrice');
    if (p !== null) {
      const n = parseAmount(p);
      const cents = n === null ? null : toCents(n, true);
      if (cents === null) issue('unitPrice', 'transaction.price_invalid');
      else values.unitPriceCents = cents;
    }
    const a = text('amount');
    values.amountCents = null;
    if (a !== null) {
      const n = parseAmount(a);
      const cents = n === null ? null : toCents(n);
      if (cents === null) issue('amount', 'transaction.amount_invalid');
      else values.amountCents = cents;
    } else if (values.quantity !== undefined && values.unitPriceCents !== undefined && Math.round(values.quantity * values.unitPriceCents) <= 0) {
      issue('amount', 'transaction.amount_invalid');
    }
    values.salesperson = text('salesperson');
    values.contractNo = text('contractNo');
  } else {
    values.transactionDocNo = text('transactionDocNo');
    if (!customerArchiveNo && !customerName && !values.transactionDocNo && !issues.some((i) => ['customerName', 'customerArchiveNo', 'transactionDocNo'].includes(i.field))) {
      issues.push({ field: 'customerName', column: columnOf('customerName') ?? columnOf('customerArchiveNo'), key: 'transaction.customer_required' });
    }
    const k = required('kind');
    if (k !== null) {
      const kindValue = KIND_BY_TEXT.get(normalizeHeader(k));
      if (!kindValue) issue('kind', 'transaction_import.kind_invalid');
      else values.kind = kindValue;
    }
    const a = required('amount');
    if (a !== null) {
      const n = parseAmount(a);
      const cents = n === null ? null : toCents(n);
      if (cents === null) issue('amount', 'transaction.amount_invalid');
      else values.amountCents = cents;
    }
    values.reason = required('reason') ?? '';
    values.responsibleParty = required('responsibleParty') ?? '';
  }
  issues.sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
  return { values: issues.length ? null : values, issues };
}

export type { ReturnImportField, TransactionImportField };
