import { describe, expect, it } from 'vitest';
import {
  checkAuthority,
  expiryReminderAt,
  formatContractNo,
  formatMoney,
  termLastDay,
  termMonths,
  toCents,
  toCnyCents,
  validateContractFields,
} from './contracts.rules';

// The defaults of the settings (docs/regulations.md §13): 万元 per role, 12 months.
const defaults = { limitsWan: { specialist: 5, sales: 10, supervisor: 20, manager: 50 }, maxTermMonths: 12 };
const rates = { USD: 7.1, EUR: 7.7, HKD: 0.91 };
const year = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('authority limits (docs/regulations.md §13: within the limit it takes effect at signing)', () => {
  it('lets a manager sign 50 万元 for one year alone, but not 50 万元 and 1 分', () => {
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: 500_000_00, ...year }, defaults)).toMatchObject({ within: true, exceedsLimit: false, exceedsTerm: false, limitWan: 50 });
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: 500_000_01, ...year }, defaults)).toMatchObject({ within: false, exceedsLimit: true, exceedsTerm: false });
  });

  it('gives a specialist 5 万元: 8 万元 needs approval', () => {
    expect(checkAuthority({ roles: ['specialist'], amountCnyCents: 80_000_00, ...year }, defaults)).toMatchObject({ within: false, exceedsLimit: true, limitWan: 5 });
    expect(checkAuthority({ roles: ['specialist'], amountCnyCents: 50_000_00, ...year }, defaults).within).toBe(true);
  });

  it('uses the highest limit of a signer with several roles', () => {
    expect(checkAuthority({ roles: ['specialist', 'supervisor'], amountCnyCents: 150_000_00, ...year }, defaults)).toMatchObject({ within: true, limitWan: 20 });
  });

  it('sends a contract longer than the maximum term to approval however small', () => {
    const r = checkAuthority({ roles: ['manager'], amountCnyCents: 1_000_00, startDate: '2026-01-01', endDate: '2027-01-01' }, defaults);
    expect(r).toMatchObject({ within: false, exceedsLimit: false, exceedsTerm: true, termMonths: 13, maxTermMonths: 12 });
  });

  it('reports both reasons when a contract is too large and too long', () => {
    expect(checkAuthority({ roles: ['sales'], amountCnyCents: 200_000_00, startDate: '2026-03-01', endDate: '2028-02-29' }, defaults)).toMatchObject({ exceedsLimit: true, exceedsTerm: true, termMonths: 24 });
  });

  it('gives the director no limit and a role without a limit no authority', () => {
    expect(checkAuthority({ roles: ['director'], amountCnyCents: 10_000_000_00, startDate: '2026-01-01', endDate: '2030-12-31' }, defaults)).toMatchObject({ within: true, limitWan: null });
    expect(checkAuthority({ roles: ['finance'], amountCnyCents: 1_00, ...year }, defaults)).toMatchObject({ within: false, exceedsLimit: true, limitWan: 0 });
  });

  it('follows changed settings', () => {
    const tighter = { limitsWan: { ...defaults.limitsWan, manager: 30 }, maxTermMonths: 6 };
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: 400_000_00, startDate: '2026-01-01', endDate: '2026-06-30' }, tighter)).toMatchObject({ exceedsLimit: true, exceedsTerm: false });
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: 1_00, startDate: '2026-01-01', endDate: '2026-07-01' }, tighter).exceedsTerm).toBe(true);
  });

  it('compares foreign currencies by their CNY equivalent at the configured rate', () => {
    // US$ 80,000 × 7.1 = ¥568,000 > the manager's 50 万元; HK$ 500,000 × 0.91 = ¥455,000 within it.
    expect(toCnyCents(80_000_00, 'USD', rates)).toBe(568_000_00);
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: toCnyCents(80_000_00, 'USD', rates), ...year }, defaults).exceedsLimit).toBe(true);
    expect(checkAuthority({ roles: ['manager'], amountCnyCents: toCnyCents(500_000_00, 'HKD', rates), ...year }, defaults).exceedsLimit).toBe(false);
    expect(toCnyCents(123_45, 'CNY', rates)).toBe(123_45);
  });
});

describe('terms in months', () => {
  it('ends a term the day before the same day N months later, or at the end of a short month', () => {
    expect(termLastDay('2026-01-01', 12)).toBe('2026-12-31');
    expect(termLastDay('2026-03-15', 1)).toBe('2026-04-14');
    expect(termLastDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(termLastDay('2027-12-31', 2)).toBe('2028-02-29');
    expect(termLastDay('2026-11-20', 3)).toBe('2027-02-19');
  });

  it('counts a term in whole months rounded up', () => {
    expect(termMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(termMonths('2026-01-01', '2027-01-01')).toBe(13);
    expect(termMonths('2026-05-10', '2026-05-10')).toBe(1);
    expect(termMonths('2026-01-01', '2028-12-31')).toBe(36);
  });
});

describe('amounts and fields', () => {
  it('stores amounts as whole 分 and refuses a third decimal, zero, negatives and absurd sizes', () => {
    expect(toCents(123456.78)).toBe(12345678);
    expect(toCents(0.1)).toBe(10);
    expect(toCents(99_999_999_999.99)).toBe(9_999_999_999_999);
    expect(toCents(1.005)).toBeNull();
    expect(toCents(0)).toBeNull();
    expect(toCents(-5)).toBeNull();
    expect(toCents(Number.NaN)).toBeNull();
    expect(toCents(1e12)).toBeNull();
  });

  it('names each bad field: amount, impossible dates, an end before the start', () => {
    expect(validateContractFields({ amount: -1, startDate: '2026-02-30', endDate: '2026-01-01' }).map((e) => e.field)).toEqual(['amount', 'startDate']);
    expect(validateContractFields({ amount: 100, startDate: '2026-06-01', endDate: '2026-05-31' })).toEqual([{ field: 'endDate', message: 'contract.end_before_start' }]);
    expect(validateContractFields({ contractNo: '合同 1' })).toEqual([{ field: 'contractNo', message: 'contract.no_format' }]);
    expect(validateContractFields({ contractNo: 'SH-2026/015', amount: 1, signingDate: null, startDate: '2026-01-01', endDate: '2026-01-01' })).toEqual([]);
  });

  it('numbers contracts per year and formats money with two decimals', () => {
    expect(formatContractNo(2026, 1)).toBe('HT2026-0001');
    expect(formatContractNo(2026, 12345)).toBe('HT2026-12345');
    expect(formatMoney(123456789, 'CNY')).toBe('¥1,234,567.89');
    expect(formatMoney(5000, 'USD')).toBe('US$50.00');
  });
});

describe('expiry', () => {
  const now = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai

  it('reminds N days before the end date at 09:00 Shanghai time', () => {
    expect(expiryReminderAt('2027-06-30', 30, now)).toBe('2027-05-31T01:00:00.000Z');
  });

  it('reminds at once when the end is nearer than N days, and not at all after it', () => {
    expect(expiryReminderAt('2026-12-01', 30, now)).toBe(now.toISOString());
    expect(expiryReminderAt('2026-11-24', 30, now)).toBe(now.toISOString());
    expect(expiryReminderAt('2026-11-23', 30, now)).toBeNull();
  });
});
