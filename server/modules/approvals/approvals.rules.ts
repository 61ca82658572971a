import type { ApprovalAction, ApprovalOutcome, ChainStep, StepCondition } from './approvals.types';

/**
 * The approval engine's pure rules (docs/regulations.md §18): step conditions, the next step, and who may do what.
 * No I/O here; the service feeds these with rows and the current organisation.
 */

type Fields = Record<string, string | number | boolean | null | undefined>;

/** A chain step as frozen on a request at submission: `applies` says whether its condition held then. */
export interface FrozenStep extends ChainStep {
  applies: boolean;
}

const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/**
 * The regulations’ chains (docs/regulations.md §18), used as version 1 of a document type until an administrator saves another.
 * Contract: the manager's step applies only over a booked resource's capacity, the director's only above the signer's
 * authority limit or beyond the configured term (§13).
 */
/** Labels of the document fields the built-in chains' conditions read, so a rule reads "超出权限金额 等于 是", not the key. */
export const DEFAULT_FIELD_LABELS: Record<string, Record<string, { 'zh-CN': string; 'zh-TW': string; en: string }>> = {
  contract: {
    exceedsLimit: L('超出权限金额', '超出權限金額', 'Exceeds the authorised amount'),
    exceedsTerm: L('超出权限期限', '超出權限期限', 'Exceeds the authorised term'),
  },
};

export const DEFAULT_CHAINS: Record<string, ChainStep[]> = {
  maintenance_plan: [
    { key: 'manager_review', name: L('经理审核', '經理審核', 'Manager review'), approver: { kind: 'role', role: 'manager', within: 'company' } },
    { key: 'director_approval', name: L('总监审批', '總監審批', 'Director approval'), approver: { kind: 'role', role: 'director', within: 'company' } },
  ],
  development_plan: [
    { key: 'department_head', name: L('部门负责人审批', '部門負責人審批', 'Department head approval'), approver: { kind: 'department_head' } },
    { key: 'management_meeting', name: L('经理办公会审批', '經理辦公會審批', 'Management meeting approval'), approver: { kind: 'group', group: 'management_meeting', mode: 'any' } },
  ],
  contract: [
    // Over the capacity of a booked resource on some day: the manager decides first (§13 capacity check).
    {
      key: 'manager_capacity',
      name: L('经理审批（超出接待/生产能力）', '經理審批（超出接待/生產能力）', 'Manager approval (over capacity)'),
      approver: { kind: 'role', role: 'manager', within: 'company' },
      whenAny: [{ field: 'overCapacity', op: 'eq', value: true }],
    },
    {
      key: 'director_approval',
      name: L('总监审批', '總監審批', 'Director approval'),
      approver: { kind: 'role', role: 'director', within: 'company' },
      whenAny: [
        { field: 'exceedsLimit', op: 'eq', value: true },
        { field: 'exceedsTerm', op: 'eq', value: true },
      ],
    },
  ],
  complaint_opinion: [{ key: 'supervisor', name: L('主管领导审批', '主管領導審批', 'Supervising leader approval'), approver: { kind: 'supervisor' } }],
  complaint_extension: [{ key: 'manager', name: L('领导审批', '領導審批', 'Leadership approval'), approver: { kind: 'role', role: 'manager', within: 'company' } }],
  survey_improvement: [{ key: 'director', name: L('领导审批', '領導審批', 'Leadership approval'), approver: { kind: 'role', role: 'director', within: 'company' } }],
};

/** Names of the regulations’ document types, for the chain settings before their modules register (docs/regulations.md §18). */
export const DOCUMENT_LABELS: Record<string, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  maintenance_plan: L('客户关系维护方案', '客戶關係維護方案', 'Maintenance plan'),
  development_plan: L('客户开发计划', '客戶開發計劃', 'Development plan'),
  contract: L('合同', '合同', 'Contract'),
  complaint_opinion: L('投诉处理意见', '投訴處理意見', 'Complaint handling opinion'),
  complaint_extension: L('投诉处理延期', '投訴處理延期', 'Complaint deadline extension'),
  survey_improvement: L('满意度改进方案', '滿意度改進方案', 'Satisfaction improvement plan'),
};

function compare(a: string | number | boolean, b: string | number | boolean): number | null {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : null;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** One condition on a document field. A missing field satisfies only `neq`. */
export function conditionHolds(c: StepCondition, fields: Fields): boolean {
  const v = fields[c.field];
  if (v === null || v === undefined) return c.op === 'neq';
  if (c.op === 'eq' || c.op === 'neq') {
    const same = typeof v === typeof c.value ? v === c.value : compare(v, c.value) === 0;
    return c.op === 'eq' ? same : !same;
  }
  const d = compare(v, c.value);
  if (d === null) return false;
  return c.op === 'gt' ? d > 0 : c.op === 'gte' ? d >= 0 : c.op === 'lt' ? d < 0 : d <= 0;
}

/** `when` conditions must all hold; of `whenAny`, at least one. A step without conditions always applies. */
export function stepApplies(step: Pick<ChainStep, 'when' | 'whenAny'>, fields: Fields): boolean {
  if (step.when?.length && !step.when.every((c) => conditionHolds(c, fields))) return false;
  if (step.whenAny?.length && !step.whenAny.some((c) => conditionHolds(c, fields))) return false;
  return true;
}

export function freezeSteps(steps: ChainStep[], fields: Fields): FrozenStep[] {
  return steps.map((s) => ({ ...s, applies: stepApplies(s, fields) }));
}

/** Index of the first applicable step after `from` (-1 = from the start), or null when none is left. */
export function nextStep(steps: FrozenStep[], from: number): number | null {
  for (let i = from + 1; i < steps.length; i++) if (steps[i].applies) return i;
  return null;
}

export const firstStep = (steps: FrozenStep[]) => nextStep(steps, -1);

/** Applicable steps before the current one: where a return may send the request. */
export function earlierSteps(steps: FrozenStep[], current: number | null): string[] {
  if (current === null) return [];
  return steps.slice(0, current).filter((s) => s.applies).map((s) => s.key);
}

/** A step is decided when one approver approves ('any'), or when every eligible member has ('all'). */
export function stepComplete(mode: 'any' | 'all', eligible: number[], approvedBy: number[]): boolean {
  if (mode === 'any') return approvedBy.length > 0;
  return eligible.length > 0 && eligible.every((id) => approvedBy.includes(id));
}

export interface ActState {
  status: ApprovalOutcome;
  applicantId: number;
  /** Users who may decide the current step now (the applicant already left out). */
  currentApprovers: number[];
  /** Whether anyone has approved, rejected or returned in the current round. */
  decidedThisRound: boolean;
}

/** What `actorId` may do on the request now (§18: nobody approves their own document or a step not theirs). */
export function allowedActions(s: ActState, actorId: number): ApprovalAction[] {
  if (s.status !== 'pending') return [];
  const out: ApprovalAction[] = [];
  if (actorId !== s.applicantId && s.currentApprovers.includes(actorId)) out.push('approve', 'reject', 'return');
  if (actorId === s.applicantId && !s.decidedThisRound) out.push('withdraw');
  return out;
}

export type Refusal = 'own_document' | 'not_your_step' | 'not_pending' | 'not_applicant' | 'already_decided';

/** Why `action` is refused, or null when it is allowed. */
export function refusal(s: ActState, actorId: number, action: ApprovalAction): Refusal | null {
  if (s.status !== 'pending') return 'not_pending';
  if (action === 'withdraw') {
    if (actorId !== s.applicantId) return 'not_applicant';
    return s.decidedThisRound ? 'already_decided' : null;
  }
  if (actorId === s.applicantId) return 'own_document';
  return s.currentApprovers.includes(actorId) ? null : 'not_your_step';
}

/** Submission restarts a returned or withdrawn request (a new round); a rejected one starts a new request. */
export function submissionKind(latest: ApprovalOutcome | null): 'new' | 'resubmit' | 'in_progress' | 'approved' {
  if (latest === null || latest === 'rejected') return 'new';
  if (latest === 'returned' || latest === 'withdrawn') return 'resubmit';
  return latest === 'pending' ? 'in_progress' : 'approved';
}

/** Problems of a chain an administrator saves: step keys must be unique; conditions name a field. */
export function chainProblems(steps: ChainStep[]): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.key)) out.push({ field: `steps.${i}.key`, message: 'approval.duplicate_step_key' });
    seen.add(s.key);
  });
  return out;
}
