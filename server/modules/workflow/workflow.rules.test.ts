import builtinRaw from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { builtinData, type CalendarData } from '../../platform/calendar/calendar.rules';
import { signDingtalkUrl } from './notifications.service';
import { sortTodo } from './todo.service';
import {
  MAX_RETRY_DELAY_MS,
  afterFailure,
  isOverdue,
  maskPhonesInText,
  retryDelayMs,
  robotText,
  shanghaiInstant,
  taskReminderTimes,
  workingDaysBefore,
} from './workflow.rules';

// 2026 国庆: 10/1–10/7 off, 9/20 (Sun) and 10/10 (Sat) make-up working days (国务院办公厅).
const b = builtinData(builtinRaw as any);
const cal: CalendarData = { officialYears: b.years, holidays: b.holidays, makeupWorkdays: b.makeupWorkdays, companyOff: new Map(), companyOn: new Map() };

describe('delivery retries (issue 4 §4)', () => {
  it('doubles the wait after each failed attempt: 60 s, 2 min, 4 min, 8 min with the default base', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 60) / 1000)).toEqual([60, 120, 240, 480]);
  });

  it('never waits more than six hours between attempts', () => {
    expect(retryDelayMs(30, 60)).toBe(MAX_RETRY_DELAY_MS);
    expect(MAX_RETRY_DELAY_MS).toBe(6 * 3600_000);
  });

  it('schedules the next attempt from the failure time, and gives up once the attempts are used', () => {
    const now = new Date('2026-10-08T01:00:00Z');
    expect(afterFailure(1, 6, 60, now)).toEqual({ status: 'pending', nextAttemptAt: '2026-10-08T01:01:00.000Z' });
    expect(afterFailure(3, 6, 60, now)).toEqual({ status: 'pending', nextAttemptAt: '2026-10-08T01:04:00.000Z' });
    expect(afterFailure(6, 6, 60, now)).toEqual({ status: 'failed' });
    expect(afterFailure(1, 1, 60, now)).toEqual({ status: 'failed' });
  });
});

describe('overdue tasks (issue 4 §2)', () => {
  it('counts an open task overdue from the day after its due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-10-09' }, '2026-10-09')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2026-10-09' }, '2026-10-10')).toBe(true);
  });

  it('never counts a done or cancelled task overdue', () => {
    expect(isOverdue({ status: 'done', dueDate: '2026-10-01' }, '2026-10-10')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueDate: '2026-10-01' }, '2026-10-10')).toBe(false);
  });
});

describe('task reminder times', () => {
  it('finds the working day before a due date across the National Day holiday', () => {
    expect(workingDaysBefore(cal, '2026-10-08', 1)).toBe('2026-09-30');
    expect(workingDaysBefore(cal, '2026-10-12', 1)).toBe('2026-10-10'); // the make-up Saturday
    expect(workingDaysBefore(cal, '2026-10-09', 2)).toBe('2026-09-30');
    expect(workingDaysBefore(cal, '2026-10-04', 0)).toBe('2026-09-30'); // due on a holiday: the last working day before it
  });

  it('reminds at the configured hour, Beijing time, and sends the overdue notice the day after the deadline', () => {
    expect(shanghaiInstant('2026-09-30', 9)).toBe('2026-09-30T01:00:00.000Z');
    const times = taskReminderTimes(cal, '2026-10-08', { beforeWorkingDays: 1, hour: 9, now: new Date('2026-09-29T02:00:00Z') });
    expect(times).toEqual({ dueSoonAt: '2026-09-30T01:00:00.000Z', overdueAt: '2026-10-09T01:00:00.000Z' });
  });

  it('drops a "due soon" reminder whose time has already passed, or that is switched off', () => {
    const now = new Date('2026-09-30T02:00:00Z'); // 10:00 on the reminder day
    expect(taskReminderTimes(cal, '2026-10-08', { beforeWorkingDays: 1, hour: 9, now }).dueSoonAt).toBeNull();
    expect(taskReminderTimes(cal, '2026-10-20', { beforeWorkingDays: 0, hour: 9, now }).dueSoonAt).toBeNull();
  });
});

describe('notification texts', () => {
  it('masks mobile and landline numbers left in a text (issue 3 §9)', () => {
    expect(maskPhonesInText('请回电 13812345678 或 138 1234 5678')).toBe('请回电 138****5678 或 138****5678');
    expect(maskPhonesInText('总机 021-62345678')).toBe('总机 021****5678');
    expect(maskPhonesInText('合同 HT-2026-00012，金额 1380000 元')).toBe('合同 HT-2026-00012，金额 1380000 元');
    expect(maskPhonesInText(null)).toBeNull();
  });

  it('writes a group-robot message with the event, the record number, the people concerned and an absolute link', () => {
    const link = { type: 'task', id: 7, path: '/tasks/7' };
    expect(robotText({ kind: 'task.overdue', link, recipients: ['李专员', '王主管'], publicUrl: 'https://crm.example.cn/' })).toBe(
      '【客户关系管理】任务已逾期\n记录：任务 #7\n负责人：李专员、王主管\nhttps://crm.example.cn/tasks/7',
    );
    expect(robotText({ kind: 'task.assigned', link, recipients: [], publicUrl: '' })).toBe('【客户关系管理】新任务\n记录：任务 #7');
  });

  it('keeps a group message under the WeCom text limit however many people it concerns', () => {
    const many = Array.from({ length: 300 }, (_, i) => `很长很长的员工姓名第${i}号`);
    const text = robotText({ kind: 'task.completed', link: { type: 'task', id: 9, path: '/tasks/9' }, recipients: many, publicUrl: 'https://crm.example.cn' });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
    expect(text).toContain('等 300 人');
    expect(text).toContain('https://crm.example.cn/tasks/9');
  });

  it('signs a DingTalk robot URL with HMAC-SHA256 of "timestamp\\nsecret" when a secret is set', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
    expect(signDingtalkUrl(url, '', 1)).toBe(url);
    const signed = new URL(signDingtalkUrl(url, 'SEC123', 1700000000000));
    expect(signed.searchParams.get('access_token')).toBe('abc');
    expect(signed.searchParams.get('timestamp')).toBe('1700000000000');
    expect(signed.searchParams.get('sign')).toBe('lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=');
  });
});

describe('to-do ordering (issue 4 §3)', () => {
  it('puts overdue items first, then the earliest due, undated last', () => {
    const link = { type: 'task', id: 1, path: '/tasks/1' };
    const sorted = sortTodo([
      { kind: 'task', title: '无期限', dueDate: null, link },
      { kind: 'task', title: '十月九日', dueDate: '2026-10-09', link },
      { kind: 'task_overdue', title: '逾期', dueDate: '2026-10-20', overdue: true, link },
      { kind: 'approval', title: '十月八日', dueDate: '2026-10-08', link },
    ]);
    expect(sorted.map((i) => i.title)).toEqual(['逾期', '十月八日', '十月九日', '无期限']);
  });
});

describe('e-mail configuration', () => {
  it('takes SMTP from the environment, and refuses to start with a server but no sender address', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).smtp).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://crm:pw@smtp.example.cn:465', SMTP_FROM: 'crm@example.cn' } as NodeJS.ProcessEnv).smtp).toEqual({
      url: 'smtps://crm:pw@smtp.example.cn:465',
      from: 'crm@example.cn',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtps://crm:pw@smtp.example.cn:465' } as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.cn', SMTP_FROM: 'crm@example.cn' } as NodeJS.ProcessEnv)).toThrow(/SMTP_URL/);
  });
});
