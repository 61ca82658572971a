import { describe, expect, it } from 'vitest';
import { classificationReason, classifyByAmount, formatYuan, lineAmountCents, returnFits, toCents, validateTransaction } from './transactions.rules';

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
