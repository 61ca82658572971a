import builtinRaw from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { builtinData, withStatutoryEstimates, type CalendarData } from '../../platform/calendar/calendar.rules';
import {
  allowedByState,
  checkExtension,
  closeRefusal,
  deadlineEnd,
  deadlineView,
  dueDate,
  formatComplaintNo,
  isBreached,
  monthsBetween,
  normaliseComplaintNo,
  parseCategories,
  phoneMatches,
  rate,
  reminderPlan,
  resolutionDays,
  resolutionDue,
  type ComplaintState,
} from './complaints.rules';

// The 2026 schedule of the State Council General Office, as chinese-days ships it:
// 国庆 10/1–10/7 with make-up working days 9/20 (Sun) and 10/10 (Sat); 春节 2/15–2/23 with 2/14 (Sat) and 2/28 (Sat).
const b = builtinData(builtinRaw as any);
const cal: CalendarData = { officialYears: b.years, holidays: b.holidays, makeupWorkdays: b.makeupWorkdays, companyOff: new Map(), companyOn: new Map() };

describe('complaint deadlines in Chinese working days (docs/regulations.md §10)', () => {
  it('gives a general complaint received on the last working day before 国庆 2026 until the first working day after it', () => {
    // 2026-09-30 is a Wednesday; 10/1–10/7 are off; Thursday 10/8 is the first working day after.
    expect(dueDate(cal, '2026-09-30', resolutionDays('general', 5))).toBe('2026-10-08');
  });

  it('counts the 调休 working Saturday for a major complaint received on a Friday', () => {
    // Friday 2026-10-09 → Sat 10/10 (make-up day) is working day 1, Mon 10/12 day 2, Tue 10/13 day 3.
    expect(dueDate(cal, '2026-10-09', resolutionDays('major', 5))).toBe('2026-10-13');
    // Friday 2026-02-13 → Sat 2/14 (make-up day) is day 1, then 春节 to 2/23, Tue 2/24 day 2, Wed 2/25 day 3.
    expect(dueDate(cal, '2026-02-13', resolutionDays('major', 5))).toBe('2026-02-25');
    // An ordinary Friday skips the weekend: 2026-11-20 → Wed 11/25.
    expect(dueDate(cal, '2026-11-20', 3)).toBe('2026-11-25');
  });

  it('ends a deadline at midnight in Shanghai after the due date', () => {
    expect(deadlineEnd('2026-10-08')).toBe('2026-10-08T16:00:00.000Z');
    expect(isBreached('2026-10-08', '2026-10-08')).toBe(false);
    expect(isBreached('2026-10-08', '2026-10-09')).toBe(true);
  });

  it('shows the time left until the end of the due date, and overdue once it has passed', () => {
    const v = deadlineView('2026-10-08', null, new Date('2026-10-08T10:00:00+08:00'), '2026-09-30', cal.officialYears);
    expect(v).toMatchObject({ dueDate: '2026-10-08', met: false, overdue: false, msLeft: 14 * 3600_000, provisional: false });
    expect(deadlineView('2026-10-08', null, new Date('2026-10-09T08:00:00+08:00'), '2026-09-30', cal.officialYears).overdue).toBe(true);
    expect(deadlineView('2026-10-08', '2026-10-08T09:00:00.000Z', new Date('2026-10-20T00:00:00Z'), '2026-09-30', cal.officialYears)).toMatchObject({ met: true, overdue: false, msLeft: null });
    expect(deadlineView('2026-10-08', '2026-10-09T01:00:00.000Z', new Date('2026-10-20T00:00:00Z'), '2026-09-30', cal.officialYears).overdue).toBe(true);
  });

  it('flags a deadline counted into a year without an official schedule as provisional', () => {
    const est = withStatutoryEstimates(cal, 2027, 2027);
    // Thursday 2026-12-31: 元旦 2027 (computed) is off, so one working day ends on Monday 2027-01-04.
    const due = dueDate(est, '2026-12-31', resolutionDays('general', 5));
    expect(due).toBe('2027-01-04');
    expect(deadlineView(due, null, new Date('2026-12-31T10:00:00+08:00'), '2026-12-31', est.officialYears).provisional).toBe(true);
  });

  it('takes the serious resolution time from the setting, never above 7 working days', () => {
    expect(resolutionDays('serious', 5)).toBe(5);
    expect(resolutionDays('serious', 9)).toBe(7);
  });
});

describe('deadline extensions (§10: at most 7 working days in all, with leaders’ approval)', () => {
  it('accepts an extension up to 7 working days in total', () => {
    expect(checkExtension({ baseDays: 3, approvedDays: 0, requestedDays: 4 })).toBeNull();
    expect(checkExtension({ baseDays: 1, approvedDays: 2, requestedDays: 4 })).toBeNull();
  });

  it('refuses an extension that would go beyond 7 working days, naming the field and what is left', () => {
    expect(checkExtension({ baseDays: 3, approvedDays: 2, requestedDays: 3 })).toEqual({
      field: 'days',
      message: 'complaint.extension_too_long',
      params: { max: 7, left: 2 },
    });
    expect(checkExtension({ baseDays: 1, approvedDays: 0, requestedDays: 0 })?.message).toBe('complaint.extension_days_positive');
  });

  it('moves the resolution deadline by the approved working days from the start of the cycle', () => {
    // Major complaint from Fri 2026-10-09 (due 10/13) extended by 4 → 7 working days → Mon 10/19.
    expect(resolutionDue(cal, '2026-10-09', 3, 4)).toBe('2026-10-19');
  });
});

describe('what a complaint’s state allows', () => {
  const base: ComplaintState = { status: 'processing', severity: 'general', firstContacted: true, hasHandler: true, opinionStatus: null, extensionPending: false, meetingDecided: false };

  it('asks for an approved opinion before the customer is told', () => {
    expect(allowedByState(base).has('tell')).toBe(false);
    expect(allowedByState({ ...base, status: 'opinion_approved', opinionStatus: 'approved' }).has('tell')).toBe(true);
    expect(allowedByState({ ...base, status: 'opinion_pending', opinionStatus: 'pending' }).has('opinion')).toBe(false);
    expect(allowedByState({ ...base, opinionStatus: 'returned' }).has('opinion')).toBe(true);
  });

  it('cannot close a serious complaint without the decisions of the 经理办公会 special session', () => {
    expect(closeRefusal({ status: 'told', severity: 'serious', meetingDecided: false })).toBe('complaint.meeting_required');
    expect(closeRefusal({ status: 'told', severity: 'serious', meetingDecided: true })).toBeNull();
    expect(closeRefusal({ status: 'told', severity: 'major', meetingDecided: false })).toBeNull();
    expect(closeRefusal({ status: 'processing', severity: 'general', meetingDecided: false })).toBe('complaint.not_told');
    expect(allowedByState({ ...base, status: 'told', severity: 'serious' }).has('confirm')).toBe(false);
  });

  it('allows one extension request at a time and none once the customer has been told', () => {
    expect(allowedByState(base).has('extend')).toBe(true);
    expect(allowedByState({ ...base, extensionPending: true }).has('extend')).toBe(false);
    expect(allowedByState({ ...base, status: 'told' }).has('extend')).toBe(false);
    expect(allowedByState({ ...base, status: 'told' }).has('reopen')).toBe(true);
  });
});

describe('reminders and escalation (issue 5 §5)', () => {
  it('reminds the handler on the due day, alerts the supervisor when it passes and the managers later', () => {
    const plan = reminderPlan({
      status: 'received',
      firstContacted: false,
      firstContactDue: '2026-10-08',
      firstContactEscalateDue: '2026-10-09',
      resolutionDue: '2026-10-08',
      resolutionEscalateDue: '2026-10-09',
      reminderHour: 9,
      now: new Date('2026-09-30T02:00:00Z'),
    });
    const resolve = plan.filter((p) => p.deadline === 'resolve');
    expect(resolve).toEqual([
      { deadline: 'resolve', stage: 'remind', at: '2026-10-08T01:00:00.000Z', audience: 'handler', dueDate: '2026-10-08' },
      { deadline: 'resolve', stage: 'breach', at: '2026-10-08T16:00:00.000Z', audience: 'supervisor', dueDate: '2026-10-08' },
      { deadline: 'resolve', stage: 'escalate', at: '2026-10-09T16:00:00.000Z', audience: 'manager', dueDate: '2026-10-08' },
    ]);
    expect(plan.filter((p) => p.deadline === 'contact')).toHaveLength(3);
  });

  it('plans nothing for met deadlines and a closed complaint', () => {
    const input = { firstContactDue: '2026-10-08', firstContactEscalateDue: '2026-10-09', resolutionDue: '2026-10-08', resolutionEscalateDue: '2026-10-09', reminderHour: 9, now: new Date('2026-09-30T02:00:00Z') };
    expect(reminderPlan({ ...input, status: 'told', firstContacted: true })).toEqual([]);
    expect(reminderPlan({ ...input, status: 'closed', firstContacted: false })).toEqual([]);
  });
});

describe('numbers, phones and categories', () => {
  it('numbers complaints TS + year + six digits and reads them back as typed', () => {
    expect(formatComplaintNo(2026, 123)).toBe('TS2026-000123');
    expect(normaliseComplaintNo(' ts2026－000123 ')).toBe('TS2026-000123');
  });

  it('matches the public page’s phone on all its digits only', () => {
    expect(phoneMatches('13912345678', '139 1234 5678')).toBe(true);
    expect(phoneMatches('13912345678', '5678')).toBe(false);
    expect(phoneMatches(null, '13912345678')).toBe(false);
  });

  it('reads the editable category list', () => {
    expect(parseCategories('产品质量、服务态度，配送交付;费用账单\n其他、其他')).toEqual(['产品质量', '服务态度', '配送交付', '费用账单', '其他']);
  });

  it('computes rates and month axes for the analysis', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 0)).toBeNull();
    expect(monthsBetween('2025-11-03', '2026-02-10')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
