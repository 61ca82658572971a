import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHAINS,
  allowedActions,
  chainProblems,
  conditionHolds,
  earlierSteps,
  firstStep,
  freezeSteps,
  nextStep,
  refusal,
  stepApplies,
  stepComplete,
  submissionKind,
  type ActState,
} from './approvals.rules';
import type { ChainStep } from './approvals.types';

const name = { 'zh-CN': '步骤', 'zh-TW': '步驟', en: 'Step' };
const step = (key: string, extra: Partial<ChainStep> = {}): ChainStep => ({ key, name, approver: { kind: 'supervisor' }, ...extra });

describe('approval rules: step conditions', () => {
  it('compares numbers, booleans and dates as their type says', () => {
    expect(conditionHolds({ field: 'amount', op: 'gt', value: 500000 }, { amount: 500001 })).toBe(true);
    expect(conditionHolds({ field: 'amount', op: 'gt', value: 500000 }, { amount: 500000 })).toBe(false);
    expect(conditionHolds({ field: 'amount', op: 'gte', value: 500000 }, { amount: 500000 })).toBe(true);
    expect(conditionHolds({ field: 'amount', op: 'lt', value: 10 }, { amount: '9' })).toBe(true);
    expect(conditionHolds({ field: 'exceedsLimit', op: 'eq', value: true }, { exceedsLimit: true })).toBe(true);
    expect(conditionHolds({ field: 'exceedsLimit', op: 'eq', value: true }, { exceedsLimit: false })).toBe(false);
    expect(conditionHolds({ field: 'exceedsLimit', op: 'neq', value: true }, { exceedsLimit: false })).toBe(true);
    expect(conditionHolds({ field: 'signedOn', op: 'lte', value: '2026-12-31' }, { signedOn: '2026-11-24' })).toBe(true);
  });

  it('treats a missing field as not matching, except for "not equal"', () => {
    expect(conditionHolds({ field: 'amount', op: 'gt', value: 0 }, {})).toBe(false);
    expect(conditionHolds({ field: 'amount', op: 'eq', value: 0 }, { amount: null })).toBe(false);
    expect(conditionHolds({ field: 'amount', op: 'neq', value: 0 }, {})).toBe(true);
  });

  it('needs every `when` condition and at least one `whenAny` condition', () => {
    const s = step('x', {
      when: [{ field: 'amount', op: 'gt', value: 0 }],
      whenAny: [
        { field: 'exceedsLimit', op: 'eq', value: true },
        { field: 'exceedsTerm', op: 'eq', value: true },
      ],
    });
    expect(stepApplies(s, { amount: 1, exceedsLimit: false, exceedsTerm: true })).toBe(true);
    expect(stepApplies(s, { amount: 1, exceedsLimit: true, exceedsTerm: false })).toBe(true);
    expect(stepApplies(s, { amount: 1, exceedsLimit: false, exceedsTerm: false })).toBe(false);
    expect(stepApplies(s, { amount: 0, exceedsLimit: true, exceedsTerm: true })).toBe(false);
    expect(stepApplies(step('plain'), {})).toBe(true);
  });

  it('adds the director to a contract only above the signer’s limit or beyond the term (§13)', () => {
    const chain = DEFAULT_CHAINS.contract;
    expect(firstStep(freezeSteps(chain, { amount: 80000, exceedsLimit: false, exceedsTerm: false }))).toBeNull();
    // Step 0 is the manager's capacity step, step 1 the director's.
    expect(firstStep(freezeSteps(chain, { amount: 800000, exceedsLimit: true, exceedsTerm: false }))).toBe(1);
    expect(firstStep(freezeSteps(chain, { amount: 80000, exceedsLimit: false, exceedsTerm: true }))).toBe(1);
  });

  it('puts the manager first when a booked resource is over capacity, then the director only if the limit is exceeded (§13)', () => {
    const chain = DEFAULT_CHAINS.contract;
    const over = freezeSteps(chain, { amount: 80000, exceedsLimit: false, exceedsTerm: false, overCapacity: true });
    expect(firstStep(over)).toBe(0);
    expect(nextStep(over, 0)).toBeNull();
    const both = freezeSteps(chain, { amount: 800000, exceedsLimit: true, exceedsTerm: false, overCapacity: true });
    expect(nextStep(both, 0)).toBe(1);
  });
});

describe('approval rules: the next step', () => {
  const steps = freezeSteps([step('a'), step('b', { when: [{ field: 'big', op: 'eq', value: true }] }), step('c')], { big: false });

  it('skips a step whose condition was false at submission', () => {
    expect(firstStep(steps)).toBe(0);
    expect(nextStep(steps, 0)).toBe(2);
    expect(nextStep(steps, 2)).toBeNull();
  });

  it('offers only earlier applicable steps as return targets', () => {
    expect(earlierSteps(steps, 2)).toEqual(['a']);
    expect(earlierSteps(steps, 0)).toEqual([]);
    expect(earlierSteps(steps, null)).toEqual([]);
  });

  it('follows the regulations’ order for a maintenance plan: manager review, then director (docs/regulations.md §7, §18)', () => {
    const plan = freezeSteps(DEFAULT_CHAINS.maintenance_plan, {});
    expect(plan.map((s) => s.key)).toEqual(['manager_review', 'director_approval']);
    expect(plan.map((s) => s.approver)).toEqual([
      { kind: 'role', role: 'manager', within: 'company' },
      { kind: 'role', role: 'director', within: 'company' },
    ]);
  });

  it('sends a development plan to the department head, then the management meeting (§6)', () => {
    expect(DEFAULT_CHAINS.development_plan.map((s) => s.approver)).toEqual([
      { kind: 'department_head' },
      { kind: 'group', group: 'management_meeting', mode: 'any' },
    ]);
  });
});

describe('approval rules: who may act', () => {
  const base: ActState = { status: 'pending', applicantId: 1, currentApprovers: [2, 3], decidedThisRound: false };

  it('lets the current approvers approve, reject or return, and nobody else', () => {
    expect(allowedActions(base, 2)).toEqual(['approve', 'reject', 'return']);
    expect(allowedActions(base, 4)).toEqual([]);
    expect(refusal(base, 4, 'approve')).toBe('not_your_step');
    expect(refusal(base, 3, 'reject')).toBeNull();
  });

  it('never lets applicants approve their own document, even when they hold the step’s role', () => {
    const self = { ...base, currentApprovers: [1, 2] };
    expect(refusal(self, 1, 'approve')).toBe('own_document');
    expect(allowedActions(self, 1)).toEqual(['withdraw']);
  });

  it('lets the applicant withdraw only before the first decision of the round', () => {
    expect(refusal(base, 1, 'withdraw')).toBeNull();
    expect(refusal({ ...base, decidedThisRound: true }, 1, 'withdraw')).toBe('already_decided');
    expect(refusal(base, 2, 'withdraw')).toBe('not_applicant');
    expect(allowedActions({ ...base, decidedThisRound: true }, 1)).toEqual([]);
  });

  it('allows nothing on a request that is no longer pending', () => {
    for (const status of ['approved', 'rejected', 'returned', 'withdrawn'] as const) {
      expect(allowedActions({ ...base, status }, 2)).toEqual([]);
      expect(refusal({ ...base, status }, 2, 'approve')).toBe('not_pending');
    }
  });

  it('decides an "all members" step only when every eligible member has approved', () => {
    expect(stepComplete('all', [2, 3, 4], [2, 3])).toBe(false);
    expect(stepComplete('all', [2, 3, 4], [4, 3, 2])).toBe(true);
    expect(stepComplete('all', [], [])).toBe(false);
    expect(stepComplete('any', [2, 3], [3])).toBe(true);
  });

  it('restarts a returned or withdrawn request, starts a new one after a rejection, refuses a second pending one', () => {
    expect(submissionKind(null)).toBe('new');
    expect(submissionKind('rejected')).toBe('new');
    expect(submissionKind('returned')).toBe('resubmit');
    expect(submissionKind('withdrawn')).toBe('resubmit');
    expect(submissionKind('pending')).toBe('in_progress');
    expect(submissionKind('approved')).toBe('approved');
  });

  it('refuses a chain with two steps of the same key', () => {
    expect(chainProblems([step('a'), step('b'), step('a')])).toEqual([{ field: 'steps.2.key', message: 'approval.duplicate_step_key' }]);
    expect(chainProblems([step('a'), step('b')])).toEqual([]);
  });
});
