import { shanghaiDate } from '../../platform/time';

/**
 * Customer development's pure rules (docs/regulations.md §6; 002 三.3–4, 004 第五~八条): the channels, the
 * pipeline of stages and how a prospect may move along it, and the monthly progress per person.
 */

/** 网络营销 · 展会 · 电话营销 · 合作伙伴介绍 · 口碑介绍 — the same codes as the archive's source channel. */
export const CHANNELS = ['online', 'trade_fair', 'telemarketing', 'referral', 'word_of_mouth'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 潜在客户接触 → 需求挖掘 → 产品演示 → 商务洽谈 → 合同签订 */
export const PIPELINE = ['contact', 'needs', 'demo', 'negotiation', 'contract'] as const;
/** The pipeline plus 已流失 (lost, with a reason). */
export const STAGES = [...PIPELINE, 'lost'] as const;
export type Stage = (typeof STAGES)[number];

/** Position in the pipeline; lost is outside it (-1). */
export function stageRank(stage: Stage): number {
  return (PIPELINE as readonly string[]).indexOf(stage);
}

export type StageMoveKind = 'forward' | 'back' | 'lost' | 'reopen';

export type StageMoveCheck =
  | { ok: true; kind: StageMoveKind }
  | { ok: false; field: 'stage' | 'note' | 'lostReason'; message: string };

/**
 * May a prospect go from `from` to `to`? Forward moves may skip stages (a customer can be ready to
 * negotiate after the first call); moving back and re-opening a lost prospect need a note saying why;
 * losing one needs the reason. Once its development record exists the prospect is a customer of the
 * archive and its stage stays at 合同签订.
 */
export function checkStageMove(input: { from: Stage; to: Stage; hasRecord: boolean; note?: string | null; lostReason?: string | null }): StageMoveCheck {
  const { from, to, hasRecord } = input;
  const note = input.note?.trim();
  if (from === to) return { ok: false, field: 'stage', message: 'development.stage_unchanged' };
  if (hasRecord) return { ok: false, field: 'stage', message: 'development.prospect_won_locked' };
  if (to === 'lost') {
    return input.lostReason?.trim() ? { ok: true, kind: 'lost' } : { ok: false, field: 'lostReason', message: 'development.lost_reason_required' };
  }
  if (from === 'lost') return note ? { ok: true, kind: 'reopen' } : { ok: false, field: 'note', message: 'development.note_required' };
  if (stageRank(to) > stageRank(from)) return { ok: true, kind: 'forward' };
  return note ? { ok: true, kind: 'back' } : { ok: false, field: 'note', message: 'development.note_required' };
}

/** A move that counts as progress: forward within the pipeline. */
export function isAdvance(from: Stage | null, to: Stage): boolean {
  return from !== null && from !== 'lost' && to !== 'lost' && stageRank(to) > stageRank(from);
}

/** The stages the board's move buttons go to (keyboard alternative to dragging). */
export function neighbours(stage: Stage): { prev: Stage | null; next: Stage | null } {
  const r = stageRank(stage);
  if (r < 0) return { prev: null, next: null };
  return { prev: r > 0 ? PIPELINE[r - 1] : null, next: r < PIPELINE.length - 1 ? PIPELINE[r + 1] : null };
}

/** A development plan can be edited before submission and after it came back; it is locked while pending and once decided. */
export const PLAN_STATUSES = ['draft', 'pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export function planEditable(status: string): boolean {
  return status === 'draft' || status === 'returned' || status === 'withdrawn';
}

// ---- Monthly development progress (docs/regulations.md §6 "monthly progress report"; 004 第五条 月度完成情况) ----

/** The calendar month (YYYY-MM) of an instant in Asia/Shanghai. */
export function monthOf(instant: string): string {
  return shanghaiDate(new Date(instant)).slice(0, 7);
}

/** Every month from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The first instant of a month in Asia/Shanghai, as a UTC ISO string. */
export function monthStart(month: string): string {
  return new Date(`${month}-01T00:00:00+08:00`).toISOString();
}

/** The first instant after a month in Asia/Shanghai. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return monthStart(next);
}

export interface StageEvent {
  prospectId: number;
  /** The prospect's owner when it moved: progress is credited to the person who developed it then. */
  ownerId: number;
  at: string;
  from: Stage | null;
  to: Stage;
}

export interface WinEvent extends StageEvent {
  /** 第一次交易金额 of the development record, else the expected amount at the move. */
  amount: number | null;
}

/**
 * A prospect is won once: at its latest move into 合同签订, and only while it is still there (a deal that
 * fell through and went back to 商务洽谈 is no longer a win). `moves` are moves into 'contract'.
 */
export function latestWins(moves: WinEvent[], currentStage: ReadonlyMap<number, Stage>): WinEvent[] {
  const last = new Map<number, WinEvent>();
  for (const e of moves) {
    if (e.to !== 'contract') continue;
    const prev = last.get(e.prospectId);
    if (!prev || prev.at <= e.at) last.set(e.prospectId, e);
  }
  return [...last.values()].filter((e) => currentStage.get(e.prospectId) === 'contract');
}

export interface ProgressRow {
  ownerId: number;
  month: string;
  newProspects: number;
  stageAdvances: number;
  won: number;
  wonAmount: number;
}

/**
 * Per owner and month: prospects entered, forward moves, wins and their amount. Months outside
 * [from, to] are left out; every owner with any figure gets a row for every month, so a quiet month
 * shows as zeros next to the monthly target.
 */
export function aggregateProgress(events: StageEvent[], wins: WinEvent[], from: string, to: string): ProgressRow[] {
  const months = monthsBetween(from, to);
  const inRange = new Set(months);
  const rows = new Map<string, ProgressRow>();
  const owners = new Set<number>();
  const row = (ownerId: number, month: string) => {
    const key = `${ownerId}|${month}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { ownerId, month, newProspects: 0, stageAdvances: 0, won: 0, wonAmount: 0 }));
    return r;
  };
  for (const e of events) {
    const month = monthOf(e.at);
    if (!inRange.has(month)) continue;
    if (e.from === null) {
      row(e.ownerId, month).newProspects += 1;
      owners.add(e.ownerId);
    } else if (isAdvance(e.from, e.to)) {
      row(e.ownerId, month).stageAdvances += 1;
      owners.add(e.ownerId);
    }
  }
  for (const w of wins) {
    const month = monthOf(w.at);
    if (!inRange.has(month)) continue;
    const r = row(w.ownerId, month);
    r.won += 1;
    // Amounts are 万元 with at most a few decimals: round away binary noise.
    r.wonAmount = Math.round((r.wonAmount + (w.amount ?? 0)) * 10000) / 10000;
    owners.add(w.ownerId);
  }
  const out: ProgressRow[] = [];
  for (const ownerId of [...owners].sort((a, b) => a - b)) for (const month of months) out.push(row(ownerId, month));
  return out;
}
