import { describe, expect, it } from 'vitest';
import { DEFAULT_INDUSTRY_CLASSES } from './transactions.settings';
import { classificationReason, classifyByAmount, classifyByCooperation, classifyByIndustry, cooperationReason, formatYuan, fullYears, industryReason, lineAmountCents, returnFits, toCents, validateTransaction } from './transactions.rules';

// The default lines of docs/regulations.md §3: large from 100 万元, small below 10 万元.
const LINES = { largeMinWan: 100, smallMaxWan: 10 };
const y = (year: number, gross: number, returned = 0) => ({ year, grossCents: gross * 100, returnedCents: returned * 100 });

describe('classification by annual purchases (docs/regulations.md §3)', () => {
  it('makes a customer large at exactly 100 万元 and names the amount and the line', () => {
    const c = classifyByAmount([y(2026, 1_000_000)], 2026, LINES)!;
    expect(c.amountClass).toBe('large');
    const r = classificationReason(classifyByAmount([y(2026, 1_234_000)], 2026, LINES)!);
    expect(r).toEqual({ key: 'transaction.reason.large', params: { year: 2026, amount: '¥1,234,000', large: '¥1,000,000', small: '¥100,000' } });
  });

  it('keeps ¥999,999.99 medium and ¥99,999.99 small, ¥100,000 medium', () => {
    expect(classifyByAmount([{ year: 2026, grossCents: 99_999_999, returnedCents: 0 }], 2026, LINES)!.amountClass).toBe('medium');
    expect(classifyByAmount([{ year: 2026, grossCents: 9_999_999, returnedCents: 0 }], 2026, LINES)!.amountClass).toBe('small');
    expect(classifyByAmount([y(2026, 100_000)], 2026, LINES)!.amountClass).toBe('medium');
  });

  it('counts purchases net of returns: ¥1,234,000 less a ¥300,000 return is medium', () => {
    const c = classifyByAmount([y(2026, 1_234_000, 300_000)], 2026, LINES)!;
    expect(c).toMatchObject({ amountClass: 'medium', netCents: 93_400_000 });
  });

  it('judges the better of this year so far and last year, so 1 January does not make everyone small', () => {
    const c = classifyByAmount([y(2025, 1_500_000), y(2026, 20_000)], 2026, LINES)!;
    expect(c).toMatchObject({ amountClass: 'large', year: 2025 });
    expect(classifyByAmount([y(2024, 5_000_000)], 2026, LINES)).toMatchObject({ amountClass: 'small', year: 2026, netCents: 0 });
  });

  it('follows the lines in the settings: at 50 万元 a ¥600,000 customer is large', () => {
    expect(classifyByAmount([y(2026, 600_000)], 2026, LINES)!.amountClass).toBe('medium');
    expect(classifyByAmount([y(2026, 600_000)], 2026, { largeMinWan: 50, smallMaxWan: 10 })!.amountClass).toBe('large');
  });

  it('gives no class to a customer that never bought anything', () => {
    expect(classifyByAmount([], 2026, LINES)).toBeNull();
  });
});

describe('amounts', () => {
  it('writes yuan with thousands separators and 分 only when there are any', () => {
    expect(formatYuan(123_400_000)).toBe('¥1,234,000');
    expect(formatYuan(123_400_050)).toBe('¥1,234,000.50');
  });

  it('computes quantity × unit price to the 分 unless the amount is given', () => {
    expect(lineAmountCents(3, toCents(12.5)!, null)).toBe(3750);
    expect(lineAmountCents(1.5, toCents(0.33)!, null)).toBe(50);
    expect(lineAmountCents(3, 1250, 3600)).toBe(3600);
  });

  it('names each bad field: a date that does not exist, a zero quantity, a price with three decimals', () => {
    expect(validateTransaction({ date: '2026-02-30', quantity: 0, unitPrice: 1.005 }).map((p) => p.field)).toEqual(['date', 'quantity', 'unitPrice']);
  });

  it('refuses returns beyond what is left of the transaction', () => {
    expect(returnFits(100_000, 60_000, 40_000)).toBe(true);
    expect(returnFits(100_000, 60_000, 40_001)).toBe(false);
  });
});

describe('industry class A / B / C (docs/regulations.md §3)', () => {
  it('puts manufacturing and finance in A, retail and services in B, and an industry not in the table in the default class', () => {
    expect(classifyByIndustry('制造业', DEFAULT_INDUSTRY_CLASSES, 'C')).toEqual({ industryClass: 'A', industry: '制造业', listed: true });
    expect(classifyByIndustry('金融业', DEFAULT_INDUSTRY_CLASSES, 'C')!.industryClass).toBe('A');
    expect(classifyByIndustry('批发和零售业', DEFAULT_INDUSTRY_CLASSES, 'C')!.industryClass).toBe('B');
    expect(classifyByIndustry('住宿和餐饮业', DEFAULT_INDUSTRY_CLASSES, 'C')!.industryClass).toBe('B');
    expect(classifyByIndustry('航天', DEFAULT_INDUSTRY_CLASSES, 'B')).toEqual({ industryClass: 'B', industry: '航天', listed: false });
    expect(classifyByIndustry(null, DEFAULT_INDUSTRY_CLASSES, 'C')).toBeNull();
    expect(industryReason(classifyByIndustry('制造业', DEFAULT_INDUSTRY_CLASSES, 'C')!)).toEqual({ key: 'transaction.reason.industry', params: { industry: '制造业', class: 'A' } });
  });

  it('follows a changed table: manufacturing moved to B is B', () => {
    const table = DEFAULT_INDUSTRY_CLASSES.map((r) => (r.industry === '制造业' ? { ...r, class: 'B' as const } : r));
    expect(classifyByIndustry('制造业', table, 'C')!.industryClass).toBe('B');
  });
});

describe('cooperation-years class (docs/regulations.md §3)', () => {
  const LINES = { longYears: 5, shortYears: 1 };
  it('counts whole years: an anniversary counts on its day, not the day before', () => {
    expect(fullYears('2020-06-15', '2026-06-15')).toBe(6);
    expect(fullYears('2020-06-16', '2026-06-15')).toBe(5);
    expect(fullYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(fullYears('2024-02-29', '2025-03-01')).toBe(1);
  });

  it('makes 6 years long (> 5), exactly 5 years medium, under 1 year short, and names the years and the line', () => {
    const c = classifyByCooperation(null, '2020-06-15', '2026-06-15', LINES)!;
    expect(c).toMatchObject({ cooperationClass: 'long', years: 6, from: '2020-06-15' });
    expect(cooperationReason(c)).toEqual({ key: 'transaction.reason.cooperation_long', params: { years: 6, from: '2020-06-15', long: 5, short: 1 } });
    expect(classifyByCooperation(null, '2021-06-15', '2026-06-15', LINES)!.cooperationClass).toBe('medium');
    expect(classifyByCooperation('2026-01-10', null, '2026-06-15', LINES)!.cooperationClass).toBe('short');
  });

  it('counts from the earlier of the first transaction and the archive start date; neither gives no class', () => {
    expect(classifyByCooperation('2019-03-01', '2023-01-01', '2026-06-15', LINES)).toMatchObject({ from: '2019-03-01', years: 7, cooperationClass: 'long' });
    expect(classifyByCooperation('2025-03-01', '2018-01-01', '2026-06-15', LINES)).toMatchObject({ from: '2018-01-01', cooperationClass: 'long' });
    expect(classifyByCooperation(null, null, '2026-06-15', LINES)).toBeNull();
    // A start date in the future is not cooperation yet.
    expect(classifyByCooperation(null, '2027-01-01', '2026-06-15', LINES)).toBeNull();
  });
});
