/**
 * The pool rules of docs/regulations.md §8 as pure functions: when a customer is due to move to the pool,
 * by which rule, and the day the move may happen once the owner has been reminded.
 */
export const RULE_KINDS = ['no_contact', 'no_deal', 'contract_ended'] as const;
export type PoolRuleKind = (typeof RULE_KINDS)[number];

/** One row of the rule table: '' = every grade without a row of its own (and ungraded customers); null days = rule off. */
export interface PoolRule {
  grade: string;
  noContactDays: number | null;
  noDealDays: number | null;
  contractEndedDays: number | null;
}

export const DEFAULT_POOL_RULES: PoolRule[] = [{ grade: '', noContactDays: 90, noDealDays: 180, contractEndedDays: 30 }];

export interface CustomerFacts {
  grade: string | null;
  /** YYYY-MM-DD: when the current owner took the customer over (created or claimed); the clocks start no earlier. */
  since: string;
  lastContact: string | null;
  lastDeal: string | null;
  /** End date of the latest contract that has ended, if any. */
  contractEnded: string | null;
}

export interface Due {
  rule: PoolRuleKind;
  due: string;
  /** The date the rule counts from. */
  from: string;
  days: number;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const later = (a: string, b: string | null) => (b && b > a ? b : a);

export function ruleFor(rules: PoolRule[], grade: string | null): PoolRule | null {
  return rules.find((r) => r.grade !== '' && r.grade === grade) ?? rules.find((r) => r.grade === '') ?? null;
}

/** The earliest day one of the grade's rules moves the customer, or null when none applies. */
export function dueDate(rules: PoolRule[], f: CustomerFacts): Due | null {
  const rule = ruleFor(rules, f.grade);
  if (!rule) return null;
  const candidates: Due[] = [];
  if (rule.noContactDays != null) {
    const from = later(f.since, f.lastContact);
    candidates.push({ rule: 'no_contact', from, days: rule.noContactDays, due: addDays(from, rule.noContactDays) });
  }
  if (rule.noDealDays != null) {
    const from = later(f.since, f.lastDeal);
    candidates.push({ rule: 'no_deal', from, days: rule.noDealDays, due: addDays(from, rule.noDealDays) });
  }
  if (rule.contractEndedDays != null && f.contractEnded) {
    const from = later(f.since, f.contractEnded);
    candidates.push({ rule: 'contract_ended', from, days: rule.contractEndedDays, due: addDays(from, rule.contractEndedDays) });
  }
  candidates.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return candidates[0] ?? null;
}

/**
 * The day the customer actually moves: its due day, but never sooner than `reminderDays` after the owner was
 * reminded, so every owner gets the warning the setting promises (null: not reminded yet).
 */
export function moveDay(due: string, remindedOn: string | null, reminderDays: number): string | null {
  if (remindedOn === null) return null;
  return later(due, addDays(remindedOn, reminderDays));
}

/** Whether today falls within the reminder window before the due day. */
export const remindNow = (due: string, today: string, reminderDays: number) => addDays(due, -reminderDays) <= today;
