import type { FieldError } from '../../platform/http/errors';
import { isValidDate } from '../../platform/time';

/** Pure rules of transactions, returns and classification by amount (docs/regulations.md §2, §3). */

export const RETURN_KINDS = ['return', 'refund', 'discount'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];
export const AMOUNT_CLASSES = ['large', 'medium', 'small'] as const;
export type AmountClass = (typeof AMOUNT_CLASSES)[number];

const MAX_CENTS = 1e15; // well inside a double's exact integers and a bigint

/** Yuan with at most two decimals → whole 分; null when not a positive amount of that form. */
export function toCents(amount: number, allowZero = false): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || (!allowZero && amount === 0) || amount * 100 > MAX_CENTS) return null;
  if (Number(amount.toFixed(2)) !== amount) return null;
  return Math.round(amount * 100);
}

export const fromCents = (cents: number) => cents / 100;

/** 万元 (the unit of the class lines) → 分. */
export const wanToCents = (wan: number) => Math.round(wan * 1_000_000);

/** ¥1,234,000 — decimals only when there are 分. */
export function formatYuan(cents: number): string {
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fen = abs % 100;
  return `${cents < 0 ? '-' : ''}¥${yuan}${fen ? `.${String(fen).padStart(2, '0')}` : ''}`;
}

/** A quantity: positive, at most 4 decimals (tons, metres …). */
export function validQuantity(q: number): boolean {
  return typeof q === 'number' && Number.isFinite(q) && q > 0 && q < 1e12 && Number(q.toFixed(4)) === q;
}

/** The amount of a line: as given (an ERP may include its own rounding or discount), else quantity × unit price. */
export function lineAmountCents(quantity: number, unitPriceCents: number, amountCents: number | null): number {
  return amountCents ?? Math.round(quantity * unitPriceCents);
}

export interface TransactionFields {
  date?: string;
  quantity?: number;
  unitPrice?: number;
  amount?: number | null;
}

/** Field checks that need no database; each problem names its field. */
export function validateTransaction(v: TransactionFields): FieldError[] {
  const out: FieldError[] = [];
  if (v.date !== undefined && !isValidDate(v.date)) out.push({ field: 'date', message: 'validation.date' });
  if (v.quantity !== undefined && !validQuantity(v.quantity)) out.push({ field: 'quantity', message: 'transaction.quantity_invalid' });
  if (v.unitPrice !== undefined && toCents(v.unitPrice, true) === null) out.push({ field: 'unitPrice', message: 'transaction.price_invalid' });
  if (v.amount !== undefined && v.amount !== null && toCents(v.amount) === null) out.push({ field: 'amount', message: 'transaction.amount_invalid' });
  if (v.quantity !== undefined && v.unitPrice !== undefined && (v.amount === undefined || v.amount === null) && validQuantity(v.quantity)) {
    const cents = toCents(v.unitPrice, true);
    if (cents !== null && lineAmountCents(v.quantity, cents, null) <= 0) out.push({ field: 'amount', message: 'transaction.amount_invalid' });
  }
  return out;
}

/** Purchases and what was taken off them in one calendar year (Asia/Shanghai), in 分. */
export interface YearTotal {
  year: number;
  grossCents: number;
  returnedCents: number;
}
export const netOf = (t: YearTotal) => t.grossCents - t.returnedCents;

export interface ClassLines {
  largeMinWan: number;
  smallMaxWan: number;
}

export interface AmountClassification {
  amountClass: AmountClass;
  /** The year whose net purchases decided the class. */
  year: number;
  netCents: number;
  largeLineCents: number;
  smallLineCents: number;
}

/**
 * docs/regulations.md §3: large ≥ X 万元, small < Y 万元, medium between, by the net annual purchases.
 * The year judged is the better of this year so far and last year, so on 1 January a large customer
 * stays large until this year's purchases are known rather than dropping to small overnight.
 * No purchases ever: no class.
 */
export function classifyByAmount(totals: readonly YearTotal[], currentYear: number, lines: ClassLines): AmountClassification | null {
  if (totals.length === 0) return null;
  const net = (y: number) => {
    const t = totals.find((x) => x.year === y);
    return t ? netOf(t) : 0;
  };
  const year = net(currentYear - 1) > net(currentYear) ? currentYear - 1 : currentYear;
  const netCents = net(year);
  const largeLineCents = wanToCents(lines.largeMinWan);
  const smallLineCents = wanToCents(lines.smallMaxWan);
  const amountClass: AmountClass = netCents >= largeLineCents ? 'large' : netCents < smallLineCents ? 'small' : 'medium';
  return { amountClass, year, netCents, largeLineCents, smallLineCents };
}

/** The reason in words as a message key and its parameters ("2026 年采购额 ¥1,234,000 ≥ 大客户线 ¥1,000,000"). */
export function classificationReason(c: AmountClassification): { key: string; params: Record<string, string | number> } {
  return {
    key: `transaction.reason.${c.amountClass}`,
    params: { year: c.year, amount: formatYuan(c.netCents), large: formatYuan(c.largeLineCents), small: formatYuan(c.smallLineCents) },
  };
}

/** The net of a transaction after earlier returns must stay ≥ 0: a return may not take off more than is left. */
export function returnFits(transactionCents: number, earlierReturnsCents: number, amountCents: number): boolean {
  return earlierReturnsCents + amountCents <= transactionCents;
}

/** The calendar year of a YYYY-MM-DD date. */
export const yearOf = (date: string) => Number(date.slice(0, 4));

// ── Industry class A / B / C (docs/regulations.md §3) ─────────────────────────
export const INDUSTRY_CLASSES = ['A', 'B', 'C'] as const;
export type IndustryClass = (typeof INDUSTRY_CLASSES)[number];
export interface IndustryRow {
  industry: string;
  class: IndustryClass;
}

export interface IndustryClassification {
  industryClass: IndustryClass;
  industry: string;
  /** False when the industry is not in the table and the default class applied. */
  listed: boolean;
}

/** The class of the industry by the table; an industry not in it gets the default class; no industry, no class. */
export function classifyByIndustry(industry: string | null, table: readonly IndustryRow[], defaultClass: IndustryClass): IndustryClassification | null {
  const name = industry?.trim();
  if (!name) return null;
  const row = table.find((r) => r.industry.trim() === name);
  return row ? { industryClass: row.class, industry: name, listed: true } : { industryClass: defaultClass, industry: name, listed: false };
}

/** "所属行业 制造业 → A 类" as a message key and its parameters. */
export function industryReason(c: IndustryClassification): { key: string; params: Record<string, string | number> } {
  return { key: c.listed ? 'transaction.reason.industry' : 'transaction.reason.industry_default', params: { industry: c.industry, class: c.industryClass } };
}

// ── Cooperation years long / medium / short (docs/regulations.md §3) ─────────
export const COOPERATION_CLASSES = ['long', 'medium', 'short'] as const;
export type CooperationClass = (typeof COOPERATION_CLASSES)[number];

export interface CooperationLines {
  longYears: number;
  shortYears: number;
}

export interface CooperationClassification {
  cooperationClass: CooperationClass;
  /** The day cooperation is counted from: the earlier of the first transaction and the archive's start date. */
  from: string;
  years: number;
  longYears: number;
  shortYears: number;
}

/** Whole years from one YYYY-MM-DD to another (an anniversary counts on its day; 29 February on 1 March). */
export function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return Math.max(0, years);
}

/**
 * long > X years, short < Y years, medium between, counted in whole years up to today from the first
 * transaction or the cooperation start date in the archive, whichever is earlier. Neither: no class.
 */
export function classifyByCooperation(firstTransaction: string | null, cooperationSince: string | null, today: string, lines: CooperationLines): CooperationClassification | null {
  const starts = [firstTransaction, cooperationSince].filter((d): d is string => !!d && d <= today).sort();
  if (!starts.length) return null;
  const from = starts[0];
  const years = fullYears(from, today);
  const cooperationClass: CooperationClass = years > lines.longYears ? 'long' : years < lines.shortYears ? 'short' : 'medium';
  return { cooperationClass, from, years, longYears: lines.longYears, shortYears: lines.shortYears };
}

/** "合作 6 年 > 长期线 5 年" as a message key and its parameters. */
export function cooperationReason(c: CooperationClassification): { key: string; params: Record<string, string | number> } {
  return { key: `transaction.reason.cooperation_${c.cooperationClass}`, params: { years: c.years, from: c.from, long: c.longYears, short: c.shortYears } };
}
