import { describe, expect, it } from 'vitest';
import {
  aggregateProgress,
  checkStageMove,
  isAdvance,
  latestWins,
  monthEnd,
  monthOf,
  monthStart,
  monthsBetween,
  neighbours,
  planEditable,
  type Stage,
  type StageEvent,
  type WinEvent,
} from './development.rules';

describe('stage moves (docs/regulations.md §6: 潜在客户接触 → 需求挖掘 → 产品演示 → 商务洽谈 → 合同签订)', () => {
  const move = (from: Stage, to: Stage, extra: { note?: string; lostReason?: string; hasRecord?: boolean } = {}) =>
    checkStageMove({ from, to, hasRecord: extra.hasRecord ?? false, note: extra.note, lostReason: extra.lostReason });

  it('moves forward freely, also over several stages', () => {
    expect(move('contact', 'needs')).toEqual({ ok: true, kind: 'forward' });
    expect(move('contact', 'negotiation')).toEqual({ ok: true, kind: 'forward' });
    expect(move('negotiation', 'contract')).toEqual({ ok: true, kind: 'forward' });
  });

  it('moves back only with a note saying why (blank does not count)', () => {
    expect(move('demo', 'needs')).toEqual({ ok: false, field: 'note', message: 'development.note_required' });
    expect(move('demo', 'needs', { note: '   ' })).toMatchObject({ ok: false, field: 'note' });
    expect(move('demo', 'needs', { note: '客户换了采购负责人' })).toEqual({ ok: true, kind: 'back' });
  });

  it('loses a prospect from any stage only with a reason, and reopens it with a note', () => {
    expect(move('needs', 'lost')).toEqual({ ok: false, field: 'lostReason', message: 'development.lost_reason_required' });
    expect(move('needs', 'lost', { lostReason: '价格过高' })).toEqual({ ok: true, kind: 'lost' });
    expect(move('lost', 'demo')).toMatchObject({ ok: false, field: 'note' });
    expect(move('lost', 'demo', { note: '客户重新询价' })).toEqual({ ok: true, kind: 'reopen' });
  });

  it('refuses a move to the same stage and any move once the development record exists', () => {
    expect(move('demo', 'demo')).toEqual({ ok: false, field: 'stage', message: 'development.stage_unchanged' });
    expect(move('contract', 'negotiation', { note: '误操作', hasRecord: true })).toEqual({ ok: false, field: 'stage', message: 'development.prospect_won_locked' });
    expect(move('contract', 'lost', { lostReason: '解约', hasRecord: true })).toMatchObject({ ok: false, field: 'stage' });
  });

  it('counts only forward moves inside the pipeline as advances', () => {
    expect(isAdvance(null, 'contact')).toBe(false);
    expect(isAdvance('contact', 'demo')).toBe(true);
    expect(isAdvance('demo', 'needs')).toBe(false);
    expect(isAdvance('needs', 'lost')).toBe(false);
    expect(isAdvance('lost', 'negotiation')).toBe(false);
  });

  it('gives the board’s move buttons the neighbouring stages', () => {
    expect(neighbours('contact')).toEqual({ prev: null, next: 'needs' });
    expect(neighbours('demo')).toEqual({ prev: 'needs', next: 'negotiation' });
    expect(neighbours('contract')).toEqual({ prev: 'negotiation', next: null });
    expect(neighbours('lost')).toEqual({ prev: null, next: null });
  });

  it('keeps a development plan editable as a draft and after a return or withdrawal only', () => {
    expect(['draft', 'returned', 'withdrawn'].every(planEditable)).toBe(true);
    expect(['pending', 'approved', 'rejected'].some(planEditable)).toBe(false);
  });
});

describe('months in Asia/Shanghai', () => {
  it('puts an instant into its Beijing month', () => {
    expect(monthOf('2026-01-31T15:59:59.999Z')).toBe('2026-01');
    expect(monthOf('2026-01-31T16:00:00.000Z')).toBe('2026-02');
  });

  it('lists months across a year end and bounds them in UTC', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(monthStart('2026-01')).toBe('2025-12-31T16:00:00.000Z');
    expect(monthEnd('2026-12')).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('monthly development progress', () => {
  const ev = (prospectId: number, ownerId: number, at: string, from: Stage | null, to: Stage): StageEvent => ({ prospectId, ownerId, at, from, to });
  const win = (prospectId: number, ownerId: number, at: string, amount: number | null, from: Stage = 'negotiation'): WinEvent => ({ prospectId, ownerId, at, from, to: 'contract', amount });

  it('counts a prospect as won once, at its latest move into 合同签订, and only while it stays there', () => {
    const moves = [win(1, 7, '2026-03-02T02:00:00Z', 50), win(1, 7, '2026-05-02T02:00:00Z', 55), win(2, 7, '2026-03-09T02:00:00Z', 10)];
    const stages = new Map<number, Stage>([
      [1, 'contract'],
      [2, 'negotiation'],
    ]);
    expect(latestWins(moves, stages)).toEqual([moves[1]]);
  });

  it('adds up new prospects, advances, wins and amounts per owner and month, with zeros for quiet months', () => {
    const events = [
      ev(1, 7, '2026-03-01T01:00:00Z', null, 'contact'),
      ev(2, 7, '2026-03-05T01:00:00Z', null, 'needs'),
      ev(1, 7, '2026-03-06T01:00:00Z', 'contact', 'demo'),
      ev(1, 7, '2026-03-07T01:00:00Z', 'demo', 'needs'),
      ev(1, 7, '2026-05-07T01:00:00Z', 'needs', 'contract'),
      ev(3, 9, '2026-04-30T16:30:00Z', null, 'contact'), // 1 May in Beijing
      ev(4, 9, '2026-06-01T01:00:00Z', null, 'contact'), // outside the range
    ];
    const wins = [win(1, 7, '2026-05-07T01:00:00Z', 12.3), win(5, 7, '2026-05-20T01:00:00Z', 0.1), win(6, 9, '2026-02-01T01:00:00Z', 99)];
    expect(aggregateProgress(events, wins, '2026-03', '2026-05')).toEqual([
      { ownerId: 7, month: '2026-03', newProspects: 2, stageAdvances: 1, won: 0, wonAmount: 0 },
      { ownerId: 7, month: '2026-04', newProspects: 0, stageAdvances: 0, won: 0, wonAmount: 0 },
      { ownerId: 7, month: '2026-05', newProspects: 0, stageAdvances: 1, won: 2, wonAmount: 12.4 },
      { ownerId: 9, month: '2026-03', newProspects: 0, stageAdvances: 0, won: 0, wonAmount: 0 },
      { ownerId: 9, month: '2026-04', newProspects: 0, stageAdvances: 0, won: 0, wonAmount: 0 },
      { ownerId: 9, month: '2026-05', newProspects: 1, stageAdvances: 0, won: 0, wonAmount: 0 },
    ]);
  });

  it('leaves out owners with nothing in the range', () => {
    expect(aggregateProgress([ev(1, 7, '2026-01-10T01:00:00Z', null, 'contact')], [], '2026-03', '2026-04')).toEqual([]);
  });
});
