/**
 * Pure rules of cooperation projects 合作项目 (docs/regulations.md §15): what un-confirms a milestone,
 * the impact of a change request, and the monitoring of schedule and cost against the plan.
 */

export type ProjectStatus = 'active' | 'accepted' | 'closed';
export type ChangeStatus = 'pending' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type AcceptanceConclusion = 'passed' | 'conditional' | 'failed';

export interface PlannedMilestone {
  title: string;
  planned_start: string;
  planned_end: string;
  cost_planned_fen: number;
}

/** The plan fields the customer confirmed: changing any of them needs a new confirmation (§15). */
export function planChanged(before: PlannedMilestone, after: Partial<PlannedMilestone>): boolean {
  return (
    (after.title !== undefined && after.title !== before.title) ||
    (after.planned_start !== undefined && after.planned_start !== before.planned_start) ||
    (after.planned_end !== undefined && after.planned_end !== before.planned_end) ||
    (after.cost_planned_fen !== undefined && after.cost_planned_fen !== before.cost_planned_fen)
  );
}

const DAY = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** A change's impact: how far the project's last planned end moves, and the planned cost's difference. */
export function changeImpact(
  current: { id: number; planned_start: string; planned_end: string; cost_planned_fen: number }[],
  proposed: { milestoneId: number; plannedStart: string; plannedEnd: string; costPlannedFen: number }[],
): { scheduleDays: number; costFen: number } {
  const byId = new Map(proposed.map((p) => [p.milestoneId, p]));
  const after = current.map((m) => {
    const p = byId.get(m.id);
    return p ? { planned_end: p.plannedEnd, cost: p.costPlannedFen } : { planned_end: m.planned_end, cost: m.cost_planned_fen };
  });
  const lastEnd = (xs: { planned_end: string }[]) => xs.reduce((a, m) => (m.planned_end > a ? m.planned_end : a), '0000-00-00');
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    scheduleDays: current.length ? daysBetween(lastEnd(current), lastEnd(after)) : 0,
    costFen: sum(after.map((m) => m.cost)) - sum(current.map((m) => m.cost_planned_fen)),
  };
}

/** A milestone is overdue when its planned end has passed without an actual end. */
export function isOverdue(m: { planned_end: string; actual_end: string | null }, today: string): boolean {
  return m.actual_end === null && m.planned_end < today;
}

/** Schedule slip in days: actual end (or today, while open and late) against the planned end; negative = early. */
export function slipDays(m: { planned_end: string; actual_end: string | null }, today: string): number {
  if (m.actual_end) return daysBetween(m.planned_end, m.actual_end);
  return m.planned_end < today ? daysBetween(m.planned_end, today) : 0;
}

export interface Monitoring {
  milestones: number;
  done: number;
  overdue: number;
  unconfirmed: number;
  costPlannedFen: number;
  costActualFen: number;
  costVarianceFen: number;
  maxSlipDays: number;
}

export function monitoring(
  ms: { planned_end: string; actual_end: string | null; cost_planned_fen: number; cost_actual_fen: number; confirmation_id: number | null }[],
  today: string,
): Monitoring {
  const costPlannedFen = ms.reduce((a, m) => a + m.cost_planned_fen, 0);
  const costActualFen = ms.reduce((a, m) => a + m.cost_actual_fen, 0);
  return {
    milestones: ms.length,
    done: ms.filter((m) => m.actual_end).length,
    overdue: ms.filter((m) => isOverdue(m, today)).length,
    unconfirmed: ms.filter((m) => m.confirmation_id === null).length,
    costPlannedFen,
    costActualFen,
    costVarianceFen: costActualFen - costPlannedFen,
    maxSlipDays: ms.reduce((a, m) => Math.max(a, slipDays(m, today)), 0),
  };
}

/** Yuan with at most two decimals → fen; null when not such an amount. */
export function toFen(yuan: number): number | null {
  if (!Number.isFinite(yuan) || yuan < 0 || yuan > 1e12) return null;
  const text = String(yuan); // the shortest decimal form tells its decimals exactly
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
export const toYuan = (fen: number | string) => Number(fen) / 100;
