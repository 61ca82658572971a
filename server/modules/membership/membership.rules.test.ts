import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, expiringPoints, formatMemberNo, nextTier, pointsFor, pointsTakenBack, tierAfter, tierFor, tierListProblems, totals } from './membership.rules';

// Membership rules (docs/regulations.md §3) with the default tiers: 普通 0, 银卡 10,000, 金卡 50,000, 钻石 200,000.
describe('tier by accumulated points', () => {
  it('gives 普通 below the silver line, 金卡 from exactly 50,000 and 钻石 from 200,000', () => {
    expect(tierFor(0, DEFAULT_TIERS).key).toBe('regular');
    expect(tierFor(9_999, DEFAULT_TIERS).key).toBe('regular');
    expect(tierFor(49_999, DEFAULT_TIERS).key).toBe('silver');
    expect(tierFor(50_000, DEFAULT_TIERS).key).toBe('gold');
    expect(tierFor(1_000_000, DEFAULT_TIERS).key).toBe('diamond');
  });

  it('names the next tier and the points missing, and none at the top', () => {
    expect(nextTier(42_000, DEFAULT_TIERS)).toMatchObject({ tier: { key: 'gold' }, missing: 8_000 });
    expect(nextTier(250_000, DEFAULT_TIERS)).toBeNull();
  });

  it('raises the tier at once and lowers it at once only when points were taken back', () => {
    expect(tierAfter('silver', 50_000, DEFAULT_TIERS, 'earned', false)).toBe('gold');
    expect(tierAfter('gold', 40_000, DEFAULT_TIERS, 'returned', false)).toBe('silver');
    expect(tierAfter('gold', 40_000, DEFAULT_TIERS, 'adjusted', false)).toBe('silver');
    expect(tierAfter('gold', 40_000, DEFAULT_TIERS, 'redeemed', true)).toBe('gold');
  });

  it('lowers the tier at the year end only when the setting allows it', () => {
    expect(tierAfter('gold', 5_000, DEFAULT_TIERS, 'year_end', true)).toBe('regular');
    expect(tierAfter('gold', 5_000, DEFAULT_TIERS, 'year_end', false)).toBe('gold');
    // a tier renamed away in the settings is replaced by the one the points give
    expect(tierAfter('platinum', 5_000, DEFAULT_TIERS, 'year_end', false)).toBe('regular');
  });

  it('refuses a tier list without a tier from 0 points or with a threshold twice', () => {
    expect(tierListProblems(DEFAULT_TIERS)).toEqual([]);
    expect(tierListProblems(DEFAULT_TIERS.filter((t) => t.key !== 'regular'))).toEqual(['0.minPoints']);
    expect(tierListProblems([...DEFAULT_TIERS, { ...DEFAULT_TIERS[0]!, key: 'black' }])).toEqual(['4.minPoints']);
  });
});

describe('earning and taking back', () => {
  it('earns whole points per ¥ of the amount in fen, rounded down', () => {
    expect(pointsFor(1_234_567, 1)).toBe(12_345);
    expect(pointsFor(99, 1)).toBe(0);
    expect(pointsFor(1_000_00, 1.5)).toBe(1_500);
    expect(pointsFor(-500, 1)).toBe(0);
  });

  it('takes back at the rate but never more than the transaction earned', () => {
    expect(pointsTakenBack(300_000_00, 1, 600_000, 0)).toBe(300_000);
    expect(pointsTakenBack(300_000_00, 1, 600_000, 400_000)).toBe(200_000);
    expect(pointsTakenBack(300_000_00, 1, 0, 0)).toBe(0); // the sale was before joining
    expect(pointsTakenBack(5_000_00, 1, null, 0)).toBe(5_000); // a discount on the customer
  });

  it('sums the ledger for the balance and leaves redemptions out of the accumulated points', () => {
    expect(
      totals([
        { kind: 'earned', points: 60_000 },
        { kind: 'redeemed', points: -8_000 },
        { kind: 'returned', points: -5_000 },
      ]),
    ).toEqual({ balance: 47_000, qualifying: 55_000 });
  });

  it('numbers members by year', () => {
    expect(formatMemberNo(2026, 7)).toBe('HY2026-000007');
  });
});

describe('expiry at the year end', () => {
  const lines = [
    { kind: 'earned' as const, points: 10_000, year: 2024 },
    { kind: 'earned' as const, points: 6_000, year: 2025 },
    { kind: 'redeemed' as const, points: -4_000, year: 2025 },
    { kind: 'earned' as const, points: 3_000, year: 2026 },
  ];

  it('expires what is left of the points of the years now out of validity, oldest used first', () => {
    // valid two years: at the end of 2025 the 2024 points expire, less the 4,000 redeemed
    expect(expiringPoints(lines, 2025, 2)).toBe(6_000);
    // valid one year: at the end of 2025 all points up to 2025 expire, less the redemption
    expect(expiringPoints(lines, 2025, 1)).toBe(12_000);
  });

  it('expires nothing twice: an earlier expiry counts as used', () => {
    const after = [...lines, { kind: 'expired' as const, points: -6_000, year: 2025 }];
    expect(expiringPoints(after, 2025, 2)).toBe(0);
    expect(expiringPoints(after, 2026, 2)).toBe(6_000); // the 2025 points at the end of 2026
  });
});
