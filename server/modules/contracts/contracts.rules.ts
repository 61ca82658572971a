import type { FieldError } from '../../platform/http/errors';
import type { Role } from '../../platform/permissions/roles';
import { isValidDate } from '../../platform/time';

/**
 * Contracts 合同 (docs/regulations.md §13, issue 4 §7): pure rules, no I/O. Amounts are integers in 分 (cents of
 * the contract's currency) everywhere below the API, so no sum or comparison ever meets a binary fraction.
 */

export const CONTRACT_STATUSES = ['draft', 'pending', 'effective', 'expired', 'terminated'] as const; // 草稿 审批中 生效 到期 终止
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Roles that may sign for the company; each has an authority limit (a setting), the director none. */
export const SIGNER_ROLES = ['director', 'manager', 'supervisor', 'sales', 'specialist'] as const satisfies readonly Role[];
export type LimitedRole = Exclude<(typeof SIGNER_ROLES)[number], 'director'>;
export const LIMITED_ROLES: readonly LimitedRole[] = ['manager', 'supervisor', 'sales', 'specialist'];

/** 1 万元 in 分. */
export const CENTS_PER_WAN = 1_000_000;
/** Largest accepted amount: 1,000 亿 in any currency, far below 2^53 分. */
export const MAX_AMOUNT = 100_000_000_000;

/** An amount typed in currency units (123456.78) → 分; null when it is not a positive amount with at most 2 decimals. */
export function toCents(amount: number): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) return null;
  // A number sent as 1234.5 or 1234.56 reads back the same with two decimals; 1234.567 does not.
  if (Number(amount.toFixed(2)) !== amount) return null;
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * Foreign-currency amounts are converted to CNY with the configured rates (settings contracts.rate.*,
 * CNY per unit) before being compared with the limits, which are in 万元: one limit per role, whatever
 * the currency, so a USD contract cannot slip past the limit its CNY equivalent exceeds.
 */
export function toCnyCents(cents: number, currency: Currency, rates: Record<Exclude<Currency, 'CNY'>, number>): number {
  return currency === 'CNY' ? cents : Math.round(cents * rates[currency]);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day of a term of `months` months starting on `start`: the day before the same day of the
 * month `months` later (2026-01-01 + 12 → 2026-12-31); when that month is too short for the day, its
 * last day (2026-01-31 + 1 → 2026-02-28).
 */
export function termLastDay(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const dim = daysInMonth(ty, tm);
  if (d > dim) return `${ty}-${String(tm).padStart(2, '0')}-${String(dim).padStart(2, '0')}`;
  return addDays(`${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(d).padStart(2, '0')}`, -1);
}

/** The term in whole months, rounded up: the fewest months whose term covers start…end. */
export function termMonths(start: string, end: string): number {
  if (end < start) return 0;
  let m = 1;
  while (termLastDay(start, m) < end && m < 12 * 200) m++;
  return m;
}

export interface AuthoritySettings {
  /** 万元 per role (contracts.limit.*). */
  limitsWan: Record<LimitedRole, number>;
  /** Longest term a signer may agree to alone (contracts.maxTermMonths). */
  maxTermMonths: number;
}

export interface AuthorityResult {
  within: boolean;
  exceedsLimit: boolean;
  exceedsTerm: boolean;
  /** The signer's limit in 万元; null = unlimited (the director). */
  limitWan: number | null;
  amountCnyCents: number;
  termMonths: number;
  maxTermMonths: number | null;
}

/**
 * Tiered authority (docs/regulations.md §13, 001 §9–10): within the signer's limit and the maximum term the
 * contract takes effect at signing; larger or longer needs the director's approval. A signer holding
 * several roles has the highest of their limits. The director is the approving authority and signs
 * without limit. A role without a limit (finance, call centre, administrator) has no authority: any
 * contract it signs needs approval.
 */
export function checkAuthority(
  input: { roles: readonly Role[]; amountCnyCents: number; startDate: string; endDate: string },
  s: AuthoritySettings,
): AuthorityResult {
  const months = termMonths(input.startDate, input.endDate);
  if (input.roles.includes('director')) {
    return { within: true, exceedsLimit: false, exceedsTerm: false, limitWan: null, amountCnyCents: input.amountCnyCents, termMonths: months, maxTermMonths: null };
  }
  let limitWan = 0;
  for (const r of LIMITED_ROLES) if (input.roles.includes(r)) limitWan = Math.max(limitWan, s.limitsWan[r]);
  const exceedsLimit = input.amountCnyCents > Math.round(limitWan * CENTS_PER_WAN);
  const exceedsTerm = input.endDate > termLastDay(input.startDate, s.maxTermMonths);
  return { within: !exceedsLimit && !exceedsTerm, exceedsLimit, exceedsTerm, limitWan, amountCnyCents: input.amountCnyCents, termMonths: months, maxTermMonths: s.maxTermMonths };
}

/** HT2026-0001: readable, per year of creation (Asia/Shanghai). */
export function formatContractNo(year: number, n: number): string {
  return `HT${year}-${String(n).padStart(4, '0')}`;
}

export const CONTRACT_NO_RE = /^[A-Za-z0-9][A-Za-z0-9\-_/()（）.]{0,39}$/;

export interface ContractFieldsInput {
  contractNo?: string | null;
  amount?: number;
  signingDate?: string | null;
  startDate?: string;
  endDate?: string;
  resource?: string | null;
  quantity?: number | null;
}

/**
 * Business checks of the typed values (422 naming the field): the route schema only checks their
 * types, so a negative amount or 2026-02-30 is reported like any other rule, in the user's language.
 */
export function validateContractFields(v: ContractFieldsInput): FieldError[] {
  const out: FieldError[] = [];
  if (v.contractNo !== undefined && v.contractNo !== null && !CONTRACT_NO_RE.test(v.contractNo)) out.push({ field: 'contractNo', message: 'contract.no_format' });
  if (v.amount !== undefined && toCents(v.amount) === null) out.push({ field: 'amount', message: 'contract.amount_invalid' });
  for (const f of ['signingDate', 'startDate', 'endDate'] as const) {
    const d = v[f];
    if (d !== undefined && d !== null && !isValidDate(d)) out.push({ field: f, message: 'validation.date' });
  }
  if (v.startDate && v.endDate && isValidDate(v.startDate) && isValidDate(v.endDate) && v.endDate < v.startDate) {
    out.push({ field: 'endDate', message: 'contract.end_before_start' });
  }
  // A booked resource and its quantity go together: the capacity check needs both (docs/regulations.md §13).
  if (v.resource && !v.quantity) out.push({ field: 'quantity', message: 'contract.quantity_needed' });
  if (v.quantity && !v.resource) out.push({ field: 'resource', message: 'contract.resource_needed' });
  return out;
}

/** Which states allow which action. */
export const canEdit = (s: ContractStatus) => s === 'draft';
export const canSign = (s: ContractStatus) => s === 'draft';
export const canTerminate = (s: ContractStatus) => s === 'draft' || s === 'effective';

/**
 * When the expiry reminder fires: `daysBefore` days before the end date, 09:00 Asia/Shanghai; never in
 * the past (a short contract is reminded at once). null when the contract has already ended.
 */
export function expiryReminderAt(endDate: string, daysBefore: number, now: Date): string | null {
  const endOfTerm = new Date(`${addDays(endDate, 1)}T00:00:00+08:00`);
  if (endOfTerm.getTime() <= now.getTime()) return null;
  const at = new Date(`${addDays(endDate, -daysBefore)}T09:00:00+08:00`);
  return (at.getTime() < now.getTime() ? now : at).toISOString();
}

/** An effective contract is 到期 from the day after its end date (Asia/Shanghai). */
export function isPastEnd(endDate: string, today: string): boolean {
  return endDate < today;
}

/** ¥1,234,567.89 / US$… for notifications (the web formats with Intl itself). */
export function formatMoney(cents: number, currency: Currency): string {
  const sign: Record<Currency, string> = { CNY: '¥', USD: 'US$', EUR: '€', HKD: 'HK$' };
  const [int, dec] = (Math.abs(cents) / 100).toFixed(2).split('.');
  return `${cents < 0 ? '-' : ''}${sign[currency]}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

// ── Size line and capacity (docs/regulations.md §13, 001 篇1 九 (1)–(2)) ──────────────────────────────

/** What a contract or booking books: a hotel's group stay (people) or a production order (units). */
export const BUSINESS_TYPES = ['hotel_group', 'production'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** A booking of at least the line (setting `contracts.sizeLine.<type>`, hotel groups: 30 people) needs a contract. */
export function needsContract(quantity: number, line: number): boolean {
  return quantity >= line;
}

/** The days a contract books, start to end inclusive; at most `max` days (a longer contract is checked on its first year). */
export function daysOf(start: string, end: string, max = 366): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface CapacityDay {
  day: string;
  capacity: number;
  /** Already booked by other contracts in approval or in force. */
  booked: number;
}

/** The first day on which this quantity does not fit; null when it fits every day (or no capacity is set). */
export function firstOverCapacity(days: CapacityDay[], quantity: number): CapacityDay | null {
  return days.find((d) => d.booked + quantity > d.capacity) ?? null;
}
