/**
 * Membership rules (docs/regulations.md §3): tier by accumulated points, points earned per ¥, which
 * points expire at a year end. Pure functions; the thresholds, rate and validity are settings.
 */

export type Lang3 = { 'zh-CN': string; 'zh-TW': string; en: string };

/** One tier of the settings list; `minPoints` is the accumulated points from which it applies. */
export interface Tier {
  key: string;
  minPoints: number;
  label: Lang3;
}

export interface Gift {
  key: string;
  points: number;
  label: Lang3;
}

export const LEDGER_KINDS = ['earned', 'returned', 'redeemed', 'expired', 'adjusted'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Why a tier is recomputed: a correction may lower it at once, a year end only if the setting says so. */
export type TierCause = 'earned' | 'returned' | 'adjusted' | 'redeemed' | 'year_end' | 'merge' | 'enrol';

/** Lowest first. */
export const sortTiers = (tiers: readonly Tier[]) => [...tiers].sort((a, b) => a.minPoints - b.minPoints);

/** The highest tier whose threshold the points reach (the lowest tier when none does). */
export function tierFor(points: number, tiers: readonly Tier[]): Tier {
  const sorted = sortTiers(tiers);
  let out = sorted[0]!;
  for (const t of sorted) if (points >= t.minPoints) out = t;
  return out;
}

/** The next tier up and how many points are missing; null at the top. */
export function nextTier(points: number, tiers: readonly Tier[]): { tier: Tier; missing: number } | null {
  const up = sortTiers(tiers).find((t) => t.minPoints > points);
  return up ? { tier: up, missing: up.minPoints - points } : null;
}

const rank = (key: string | null, tiers: readonly Tier[]) => sortTiers(tiers).findIndex((t) => t.key === key);

/**
 * The member's tier after a change of points. Up as soon as the points reach a threshold; down at once
 * only when points were taken back (a return, a supervisor's correction, a merge), at a year end only
 * when `downAtYearEnd`; redeeming a gift never lowers the tier (the points were earned).
 */
export function tierAfter(current: string | null, qualifyingPoints: number, tiers: readonly Tier[], cause: TierCause, downAtYearEnd: boolean): string {
  const target = tierFor(qualifyingPoints, tiers).key;
  const cur = rank(current, tiers);
  if (cur < 0) return target; // unknown (renamed) or none yet
  const tgt = rank(target, tiers);
  if (tgt >= cur) return target;
  if (cause === 'returned' || cause === 'adjusted' || cause === 'merge') return target;
  if (cause === 'year_end' && downAtYearEnd) return target;
  return current!;
}

/** Points for an amount in 分 at `pointsPerYuan`, rounded down to whole points. */
export function pointsFor(amountCents: number, pointsPerYuan: number): number {
  if (amountCents <= 0) return 0;
  return Math.floor((amountCents * pointsPerYuan) / 100 + 1e-9);
}

/**
 * Points taken back by a return: at the rate, but never more than its transaction earned less what earlier
 * returns of it took back (`earned` null = a return without a transaction, limited only by the rate).
 */
export function pointsTakenBack(returnCents: number, pointsPerYuan: number, earned: number | null, alreadyTakenBack: number): number {
  const byRate = pointsFor(returnCents, pointsPerYuan);
  return earned === null ? byRate : Math.max(0, Math.min(byRate, earned - alreadyTakenBack));
}

export interface LedgerLine {
  kind: LedgerKind;
  points: number;
  /** The year the points count from (the transaction's date, the adjustment's day). */
  year: number;
}

/**
 * Points that expire at the end of `yearEnd` when points are valid `validityYears` calendar years (1 = to
 * the end of the year they were earned in). Deductions (returns, redemptions, earlier expiries, negative
 * adjustments) use the oldest points first, so what expires is what is left of the old points.
 */
export function expiringPoints(lines: readonly LedgerLine[], yearEnd: number, validityYears: number): number {
  const lastExpiringYear = yearEnd - validityYears + 1;
  let old = 0;
  let used = 0;
  let balance = 0;
  for (const l of lines) {
    balance += l.points;
    if (l.points > 0 && l.year <= lastExpiringYear) old += l.points;
    if (l.points < 0) used -= l.points;
  }
  return Math.max(0, Math.min(balance, old - used));
}

/** Sum of the ledger; accumulated points for the tier leave out redemptions. */
export function totals(lines: readonly Pick<LedgerLine, 'kind' | 'points'>[]): { balance: number; qualifying: number } {
  let balance = 0;
  let qualifying = 0;
  for (const l of lines) {
    balance += l.points;
    if (l.kind !== 'redeemed') qualifying += l.points;
  }
  return { balance, qualifying };
}

/** Tier-list problems as field paths: one tier must start at 0, thresholds and keys distinct. */
export function tierListProblems(tiers: readonly Tier[]): string[] {
  const out: string[] = [];
  if (!tiers.some((t) => t.minPoints === 0)) out.push('0.minPoints');
  const seenKeys = new Set<string>();
  const seenMins = new Set<number>();
  tiers.forEach((t, i) => {
    if (seenKeys.has(t.key)) out.push(`${i}.key`);
    if (seenMins.has(t.minPoints)) out.push(`${i}.minPoints`);
    seenKeys.add(t.key);
    seenMins.add(t.minPoints);
  });
  return out;
}

export function formatMemberNo(year: number, n: number): string {
  return `HY${year}-${String(n).padStart(6, '0')}`;
}

const L = (zhCN: string, zhTW: string, en: string): Lang3 => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** The seeds' four tiers; the thresholds are the company's to set. */
export const DEFAULT_TIERS: Tier[] = [
  { key: 'diamond', minPoints: 200_000, label: L('钻石', '鑽石', 'Diamond') },
  { key: 'gold', minPoints: 50_000, label: L('金卡', '金卡', 'Gold') },
  { key: 'silver', minPoints: 10_000, label: L('银卡', '銀卡', 'Silver') },
  { key: 'regular', minPoints: 0, label: L('普通', '普通', 'Regular') },
];

export const DEFAULT_GIFTS: Gift[] = [
  { key: 'tea', points: 2_000, label: L('年终茶礼', '年終茶禮', 'Year-end tea gift') },
  { key: 'night', points: 8_000, label: L('客房免费住一晚', '客房免費住一晚', 'One free night') },
  { key: 'banquet', points: 30_000, label: L('中餐宴请一席', '中餐宴請一席', 'A Chinese banquet table') },
];
