/**
 * Pure rules of the Excel/CSV import and export of customers (issue points 10 and 11): header → field
 * mapping, per-row validation with the archive's own zod fields, duplicate keys. The file-level rules
 * (type by content, zip bomb, decoding, CSV, formulas) are the platform's (server/platform/import).
 * No database, no network.
 */
import { z } from 'zod';
import { EDITABLE_COLUMNS, NUMBER_FIELDS, SOURCE_CHANNELS, STATUSES, type EditableField } from '../customers.fields';
import { contactFields, customerFields } from '../customers.schemas';
import { IMPORT_FIELDS, type ImportField } from './import.schemas';
import { digitsOf, normalizeCompanyName } from '../customers.rules';
import { DEFAULT_IMPORT_LIMITS, headerMatcher, normalizeHeader } from '../../../platform/import/import.rules';

// The file-level rules are shared by every import (server/platform/import); the customer's tests and code use them from here too.
export {
  csvDelimiter,
  decodeText,
  inspectZip,
  isFormulaLike,
  isWorkbookZip,
  mappingProblem,
  normalizeHeader,
  numberText,
  parseCsv,
  sniffFile,
  tableFromRecords,
  type ParsedTable,
} from '../../../platform/import/import.rules';

// ── Limits ────────────────────────────────────────────────────────────────────
export const IMPORT_LIMITS = DEFAULT_IMPORT_LIMITS;

// ── Fields and their labels ───────────────────────────────────────────────────
// The field list lives in import.schemas.ts, which must load no Node code (the web reads its types).
export { IMPORT_FIELDS, type ImportField } from './import.schemas';

/** Chinese labels, as the web app shows them (web/src/i18n/locales/zh-CN.ts → customers.fields). */
export const FIELD_LABELS: Record<ImportField, string> = {
  archiveNo: '档案编号',
  name: '客户名称',
  status: '状态',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  generalManager: '总经理',
  address: '地址',
  postcode: '邮政编码',
  phone: '联系电话',
  fixedPhone: '固定电话',
  email: '电子邮箱',
  website: '网址',
  province: '省份',
  city: '城市',
  district: '区县',
  industry: '所属行业',
  companyNature: '公司性质',
  companySize: '公司规模',
  staffCount: '员工人数',
  tags: '标签',
  businessScope: '经营范围',
  operatingStatus: '经营状况',
  positionInIndustry: '同行业中所处地位',
  priceLevel: '价格水平',
  mainProducts: '主要采购产品',
  peakMonthAmount: '旺季月采购额（万元）',
  lowMonthAmount: '淡季月采购额（万元）',
  bankName: '开户银行',
  bankAccount: '银行账号',
  paymentHabits: '付款习惯',
  payingContact: '承办付款人',
  sourceChannel: '来源渠道',
  contactFrequency: '沟通频率',
  relationshipPotential: '关系发展潜力',
  cooperationIntention: '合作意向',
  cooperationSince: '合作起始日期',
  contactName: '联系人',
  contactPosition: '联系人职务',
  contactMobile: '联系人手机',
  notes: '备注',
  annualAmount: '年采购额（万元）',
  purchaseYear: '采购年度',
};

export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = { potential: '潜在', formal: '正式', dormant: '休眠', lost: '流失' };
export const SOURCE_CHANNEL_LABELS: Record<(typeof SOURCE_CHANNELS)[number], string> = {
  online: '网络营销',
  trade_fair: '展会',
  telemarketing: '电话营销',
  referral: '合作伙伴推荐',
  word_of_mouth: '口碑',
  other: '其他',
};

/**
 * Header texts recognised for each field, besides the field key itself (creditCode, credit_code) and the
 * labels of the three interface languages. Compared after normalizeHeader.
 */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  archiveNo: ['档案编号', '檔案編號', '档案号', '客户编号', 'archive no', 'archive number'],
  name: ['客户名称', '客戶名稱', '名称', '公司名称', '企业名称', '单位名称', '客户全称', '客户', '公司', '企业', 'customer name', 'company name', 'customer', 'company', 'name'],
  status: ['状态', '狀態', '客户状态', 'status'],
  creditCode: ['统一社会信用代码', '統一社會信用代碼', '信用代码', '社会信用代码', '统一代码', '税号', '纳税人识别号', 'unified social credit code', 'credit code', 'uscc'],
  legalRepresentative: ['法定代表人', '法人', '法人代表', 'legal representative', 'legal person'],
  generalManager: ['总经理', '總經理', 'general manager', 'gm'],
  address: ['地址', '公司地址', '注册地址', '详细地址', '通讯地址', '联系地址', '地點', 'address'],
  postcode: ['邮政编码', '郵遞區號', '邮编', '郵編', 'postcode', 'post code', 'postal code', 'zip', 'zip code'],
  phone: ['联系电话', '聯絡電話', '电话', '電話', '电话号码', '联系方式', '公司电话', '手机', '手机号', '手机号码', 'phone', 'telephone', 'tel', 'mobile'],
  fixedPhone: ['固定电话', '固定電話', '座机', '座機', '固话', '办公电话', 'fixed line', 'fixed-line phone', 'landline', 'office phone'],
  email: ['电子邮箱', '電子郵件', '邮箱', '电子邮件', 'email', 'e-mail', 'mail'],
  website: ['网址', '網址', '网站', '公司网址', '官网', 'website', 'web', 'url'],
  province: ['省份', '省', '所在省份', '省市', 'province'],
  city: ['城市', '市', '所在城市', 'city'],
  district: ['区县', '區縣', '区', '县', '区/县', 'district', 'county'],
  industry: ['所属行业', '所屬行業', '行业', '行業', 'industry'],
  companyNature: ['公司性质', '公司性質', '企业性质', '单位性质', '性质', 'company type', 'company nature', 'nature', 'ownership'],
  companySize: ['公司规模', '公司規模', '企业规模', '规模', 'company size', 'size'],
  staffCount: ['员工人数', '員工人數', '人数', '员工数', '职工人数', 'staff', 'staff count', 'employees', 'headcount'],
  tags: ['标签', '標籤', 'tags', 'tag'],
  businessScope: ['经营范围', '經營範圍', 'business scope'],
  operatingStatus: ['经营状况', '經營狀況', '经营状态', 'operating status'],
  positionInIndustry: ['同行业中所处地位', '同業中所處地位', '行业地位', 'position in its industry', 'position in industry'],
  priceLevel: ['价格水平', '價格水準', '价格档次', 'price level'],
  mainProducts: ['主要采购产品', '主要採購產品', '主要产品', '采购产品', 'main products bought', 'main products'],
  peakMonthAmount: ['旺季月采购额（万元）', '旺季月採購額（萬元）', '旺季月采购额', '旺季采购额', 'peak-season monthly amount (10k cny)', 'peak month amount'],
  lowMonthAmount: ['淡季月采购额（万元）', '淡季月採購額（萬元）', '淡季月采购额', '淡季采购额', 'low-season monthly amount (10k cny)', 'low month amount'],
  bankName: ['开户银行', '往來銀行', '開戶銀行', '开户行', '银行', 'bank', 'bank name'],
  bankAccount: ['银行账号', '銀行帳號', '银行帐号', '开户账号', '账号', '帐号', 'bank account', 'account', 'account no'],
  paymentHabits: ['付款习惯', '付款習慣', 'payment habits'],
  payingContact: ['承办付款人', '承辦付款人', '付款联系人', '付款人', 'paying contact'],
  sourceChannel: ['来源渠道', '來源管道', '来源', '客户来源', '渠道', 'source channel', 'source'],
  contactFrequency: ['沟通频率', '溝通頻率', '联系频率', 'contact frequency'],
  relationshipPotential: ['关系发展潜力', '關係發展潛力', '关系潜力', 'relationship potential'],
  cooperationIntention: ['合作意向', 'cooperation intention'],
  cooperationSince: ['合作起始日期', '合作開始日期', '合作开始日期', 'cooperation since'],
  contactName: ['联系人', '聯絡人', '联系人姓名', '联系人名称', '对接人', 'contact', 'contact person', 'contact name'],
  contactPosition: ['联系人职务', '聯絡人職務', '职务', '職務', '职位', 'position', 'title', 'contact position'],
  notes: ['备注', '備註', '说明', '說明', '备注说明', 'notes', 'note', 'remarks', 'remark', 'comments'],
  annualAmount: ['年采购额（万元）', '年採購額（萬元）', '年采购额', '年採購額', '年度采购额', '全年采购额', '年采购金额', '年销售额', 'annual purchases (10k cny)', 'annual purchases', 'annual purchase amount', 'annual amount'],
  purchaseYear: ['采购年度', '採購年度', '年度', '年份', '采购年份', 'purchase year', 'year'],
  contactMobile: ['联系人手机', '聯絡人手機', '联系人电话', '联系人手机号', 'contact mobile', 'contact phone'],
};

const HEADERS = headerMatcher(IMPORT_FIELDS, FIELD_LABELS, HEADER_ALIASES);
export const fieldForHeader = HEADERS.fieldForHeader;
export const autoMap = HEADERS.autoMap;

// ── Row validation ────────────────────────────────────────────────────────────
export interface RowIssue {
  field: ImportField;
  /** Column index in the file, or null when the field is not mapped at all (a missing name). */
  column: number | null;
  /** Message key (server/platform/http/i18n.ts) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export type CustomerValues = Partial<Record<EditableField, unknown>> & { name: string };

/** The row's contact person, added to the customer's contacts. */
export interface ContactValues {
  name: string;
  position: string | null;
  mobile: string | null;
}

/** The row's annual purchases: one summary transaction in the ledger (docs/regulations.md §2, §3). */
export interface PurchaseValues {
  amountCents: number;
  /** null: the current year (no year column, or an empty cell). */
  year: number | null;
}

export interface ValidatedRow {
  values: CustomerValues | null; // null: the row has issues
  archiveNo: string | null;
  contact: ContactValues | null;
  purchase: PurchaseValues | null;
  issues: RowIssue[];
}

const rowSchema = z.object(customerFields);
const contactSchema = z.object({ contactName: contactFields.name.optional(), contactPosition: contactFields.position, contactMobile: contactFields.mobile });
export const NFKC_FIELDS = new Set<ImportField>(['archiveNo', 'creditCode', 'phone', 'contactMobile', 'postcode', 'bankAccount', 'email', 'staffCount', 'peakMonthAmount', 'lowMonthAmount', 'fixedPhone', 'annualAmount', 'purchaseYear']);
const NUMBER_BOUNDS: Record<keyof typeof NUMBER_FIELDS, { min: number; max: number; int: boolean; units: RegExp }> = {
  staffCount: { min: 0, max: 10_000_000, int: true, units: /(人|名)$/ },
  peakMonthAmount: { min: 0, max: 1e9, int: false, units: /(万元|万)$/ },
  lowMonthAmount: { min: 0, max: 1e9, int: false, units: /(万元|万)$/ },
};
const STATUS_BY_TEXT = labelIndex(STATUSES, STATUS_LABELS, { 潛在: 'potential', 休眠: 'dormant' });
const SOURCE_BY_TEXT = labelIndex(SOURCE_CHANNELS, SOURCE_CHANNEL_LABELS, {
  網路行銷: 'online',
  展會: 'trade_fair',
  電話行銷: 'telemarketing',
  合作夥伴推薦: 'referral',
  'trade fair': 'trade_fair',
  'word of mouth': 'word_of_mouth',
});

function labelIndex<T extends string>(values: readonly T[], labels: Record<T, string>, extra: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const v of values) {
    m.set(v, v);
    m.set(labels[v], v);
  }
  for (const [k, v] of Object.entries(extra)) m.set(k, v);
  return new Map([...m].map(([k, v]) => [normalizeHeader(k), v]));
}

/** A phone or bank account as our own export masks it (138****5678, **** 1234): never a real value. */
export function isMaskedValue(text: string): boolean {
  return text.includes('****');
}

/** Annual purchases reach 1e9 万元 at most, like the monthly amounts. */
const MAX_ANNUAL_CENTS = 1e9 * 1_000_000;

/**
 * An annual purchase amount → 分. Like the monthly amounts, a bare number is in 万元 (the label says so);
 * 12.5万 / 12.5万元 likewise, and 125,000元 / ¥125000 are 元. Null when not such an amount (≤ 2 decimals of 元).
 */
export function parseAnnualAmount(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  const yuan = /^[¥￥]|元$|rmb$|cny$/i.test(t) && !/万元?$/.test(t);
  const n = t.replace(/^[¥￥]/, '').replace(/(万元|万|元|rmb|cny)$/i, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(n)) return null;
  const cents = Number(n) * (yuan ? 100 : 1_000_000);
  if (!Number.isFinite(cents) || cents > MAX_ANNUAL_CENTS) return null;
  const rounded = Math.round(cents);
  return Math.abs(cents - rounded) < 1e-6 ? rounded : null; // finer than 1 分: a typo, not an amount
}

/** 2026 / 2026年 / 2026年度 → 2026; null when not a year. */
export function parseYear(text: string): number | null {
  const t = text.normalize('NFKC').replace(/\s/g, '').replace(/年度?$/, '');
  return /^\d{4}$/.test(t) ? Number(t) : null;
}

function parseNumber(text: string, units: RegExp): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '').replace(units, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

/**
 * One data row → the values to save (validated by the same zod fields as the customer form) or its issues,
 * each naming the field and the column. Empty cells are left out: they neither set nor clear a value.
 */
export function validateRow(cells: string[], mapping: (ImportField | null)[], flaggedColumns: ReadonlySet<number> = new Set(), currentYear = 9999): ValidatedRow {
  const issues: RowIssue[] = [];
  let amountCents: number | null = null;
  let year: number | null = null;
  const input: Record<string, unknown> = {};
  const contactInput: Record<string, string> = {};
  const columnOf = new Map<ImportField, number>();
  let archiveNo: string | null = null;
  mapping.forEach((field, col) => {
    if (!field) return;
    columnOf.set(field, col);
    // Codes and numbers typed in a Chinese input mode (１３８…, ９１３１…) mean the ASCII ones (docs/regulations.md §2).
    const cell = cells[col] ?? '';
    const raw = (NFKC_FIELDS.has(field) ? cell.normalize('NFKC') : cell).trim();
    if (raw === '') return;
    if (flaggedColumns.has(col)) {
      issues.push({ field, column: col, key: 'import.number_precision' });
      return;
    }
    if (field === 'archiveNo') {
      archiveNo = raw.toUpperCase();
      return;
    }
    if (field === 'annualAmount') {
      amountCents = parseAnnualAmount(raw);
      if (amountCents === null) issues.push({ field, column: col, key: 'import.invalid_amount' });
      return;
    }
    if (field === 'purchaseYear') {
      year = parseYear(raw);
      // A past year or this one: a summary of purchases not yet made would fake the class (docs/regulations.md §3).
      if (year === null || year < 1990 || year > currentYear) {
        issues.push({ field, column: col, key: 'import.invalid_year', params: { min: 1990, max: currentYear } });
        year = null;
      }
      return;
    }
    if (field === 'contactName' || field === 'contactPosition' || field === 'contactMobile') {
      if (!(field === 'contactMobile' && isMaskedValue(raw))) contactInput[field] = raw;
      return;
    }
    if (field in NUMBER_BOUNDS) {
      const b = NUMBER_BOUNDS[field as keyof typeof NUMBER_BOUNDS];
      const n = parseNumber(raw, b.units);
      if (n === null) issues.push({ field, column: col, key: 'import.not_a_number' });
      else if (b.int && !Number.isInteger(n)) issues.push({ field, column: col, key: 'import.not_an_integer' });
      else if (n < b.min || n > b.max) issues.push({ field, column: col, key: 'import.number_range', params: { min: b.min, max: b.max } });
      else input[field] = n;
      return;
    }
    if ((field === 'phone' || field === 'fixedPhone' || field === 'bankAccount') && isMaskedValue(raw)) return;
    if (field === 'tags') input.tags = [...new Set(raw.split(/[,，;；、|\n]+/).map((s) => s.trim()).filter(Boolean))];
    else if (field === 'status') input.status = STATUS_BY_TEXT.get(normalizeHeader(raw)) ?? raw;
    else if (field === 'sourceChannel') input.sourceChannel = SOURCE_BY_TEXT.get(normalizeHeader(raw)) ?? raw;
    else if (field === 'creditCode') input.creditCode = raw.replace(/\s/g, '');
    else input[field] = raw;
  });
  const parsed = rowSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name') as ImportField;
      if (seen.has(field)) continue; // one message per cell
      seen.add(field);
      issues.push({ field, column: columnOf.get(field) ?? null, ...issueMessage(field, issue, input[field]) });
    }
  }
  const contact = contactSchema.safeParse(contactInput);
  if (!contact.success) {
    for (const issue of contact.error.issues) {
      const field = String(issue.path[0]) as ImportField;
      issues.push({ field, column: columnOf.get(field) ?? null, ...issueMessage(field, issue, contactInput[field]) });
    }
  } else if (!contact.data.contactName && (contact.data.contactPosition || contact.data.contactMobile)) {
    // A position or mobile belongs to somebody: the contact needs a name.
    issues.push({ field: 'contactName', column: columnOf.get('contactName') ?? null, key: 'import.contact_name_required' });
  }
  issues.sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
  const c = contact.success && contact.data.contactName ? { name: contact.data.contactName, position: contact.data.contactPosition ?? null, mobile: contact.data.contactMobile ?? null } : null;
  const purchase = amountCents === null ? null : { amountCents, year };
  return { values: issues.length || !parsed.success ? null : (parsed.data as CustomerValues), archiveNo, contact: c, purchase, issues };
}

const MESSAGE_KEY = /^(validation|import)\.[a-z_]+$/;

function issueMessage(field: ImportField, issue: z.core.$ZodIssue, given: unknown): { key: string; params?: Record<string, string | number> } {
  if (MESSAGE_KEY.test(issue.message)) return { key: issue.message };
  if (field === 'status') return { key: 'import.invalid_status' };
  if (field === 'sourceChannel') return { key: 'import.invalid_source_channel' };
  if (field === 'tags') return { key: 'import.too_many_tags', params: { max: 20 } };
  if (issue.code === 'too_big' && issue.origin === 'string') return { key: 'import.too_long', params: { max: Number(issue.maximum) } };
  if (given === undefined) return { key: 'validation.required' };
  return { key: 'import.invalid_value' };
}

// ── Duplicates ────────────────────────────────────────────────────────────────
export interface DuplicateKeys {
  archiveNo: string | null;
  creditCode: string | null;
  phoneDigits: string | null;
  nameNormalized: string | null;
}

/** The keys the archive's duplicate check (查重) compares: credit code, phone (7+ digits), normalised name. */
export function duplicateKeys(values: { name?: unknown; creditCode?: unknown; phone?: unknown }, archiveNo: string | null = null): DuplicateKeys {
  const phone = digitsOf(typeof values.phone === 'string' ? values.phone : null);
  return {
    archiveNo,
    creditCode: typeof values.creditCode === 'string' && values.creditCode ? values.creditCode.toUpperCase() : null,
    phoneDigits: phone.length >= 7 ? phone : null,
    nameNormalized: typeof values.name === 'string' && values.name.trim() ? normalizeCompanyName(values.name) : null,
  };
}

/**
 * Existing customers by duplicate key, kept up to date while the import creates and updates rows, so a
 * file that names the same company twice meets its own first row.
 */
export class DuplicateIndex {
  private readonly maps = {
    archiveNo: new Map<string, Set<number>>(),
    creditCode: new Map<string, Set<number>>(),
    phoneDigits: new Map<string, Set<number>>(),
    nameNormalized: new Map<string, Set<number>>(),
  };

  add(id: number, keys: Partial<DuplicateKeys>): void {
    for (const k of Object.keys(this.maps) as (keyof DuplicateKeys)[]) {
      const v = keys[k];
      if (!v) continue;
      const m = this.maps[k];
      const set = m.get(v) ?? new Set<number>();
      set.add(id);
      m.set(v, set);
    }
  }

  /**
   * The customers a row duplicates. An archive number that exists decides alone (the row was exported
   * from the archive); otherwise every customer sharing a credit code, phone or normalised name.
   */
  match(keys: DuplicateKeys): number[] {
    return [...this.matchReasons(keys).keys()];
  }

  /** The same matches, each with the keys it shares with the row (shown in the preview and the report). */
  matchReasons(keys: DuplicateKeys): Map<number, DuplicateReason[]> {
    const out = new Map<number, DuplicateReason[]>();
    if (keys.archiveNo) {
      const byNo = this.maps.archiveNo.get(keys.archiveNo);
      if (byNo?.size) {
        for (const id of byNo) out.set(id, ['archiveNo']);
        return out;
      }
    }
    for (const k of ['creditCode', 'phoneDigits', 'nameNormalized'] as const) {
      const v = keys[k];
      if (!v) continue;
      for (const id of this.maps[k].get(v) ?? []) out.set(id, [...(out.get(id) ?? []), REASON_OF[k]]);
    }
    for (const reasons of out.values()) reasons.sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
    return out;
  }
}

export type DuplicateReason = 'archiveNo' | 'name' | 'creditCode' | 'phone';
const REASON_ORDER: DuplicateReason[] = ['archiveNo', 'name', 'creditCode', 'phone'];
const REASON_OF = { nameNormalized: 'name', creditCode: 'creditCode', phoneDigits: 'phone' } as const;
