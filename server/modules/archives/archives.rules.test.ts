import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, grantUsable, isOverdue, needsApproval } from './archives.rules';

describe('archive rules (docs/regulations.md §1)', () => {
  it('asks approval only above the threshold, and for a level the setting no longer lists', () => {
    expect(DEFAULT_LEVELS.map((l) => needsApproval(l, DEFAULT_LEVELS, '内部'))).toEqual([false, false, true, true]);
    expect(needsApproval('绝密', DEFAULT_LEVELS, '内部')).toBe(true);
  });

  it('lets a grant be used once and only before it ends', () => {
    const now = new Date('2026-12-08T02:00:00Z');
    expect(grantUsable({ status: 'approved', granted_until: '2026-12-08T03:00:00Z', used_at: null }, now)).toBe(true);
    expect(grantUsable({ status: 'approved', granted_until: '2026-12-08T03:00:00Z', used_at: '2026-12-08T01:00:00Z' }, now)).toBe(false);
    expect(grantUsable({ status: 'approved', granted_until: '2026-12-08T02:00:00Z', used_at: null }, now)).toBe(false);
    expect(grantUsable({ status: 'pending', granted_until: null, used_at: null }, now)).toBe(false);
  });

  it('counts a loan overdue from the day after its due date until it comes back', () => {
    expect(isOverdue({ due_on: '2026-12-07', returned_on: null }, '2026-12-07')).toBe(false);
    expect(isOverdue({ due_on: '2026-12-07', returned_on: null }, '2026-12-08')).toBe(true);
    expect(isOverdue({ due_on: '2026-12-07', returned_on: '2026-12-08' }, '2026-12-09')).toBe(false);
  });
});
