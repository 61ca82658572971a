import { describe, expect, it } from 'vitest';
import { fillTemplate, lunarToSolar, occasionsBetween, solarDateIn, unknownPlaceholders } from './care.rules';

// Care calendar rules (docs/regulations.md §12). Lunar dates come from chinese-days; the expected solar days
// are those of the published calendar: 中秋 2026 is 9 月 25 日, 2027 is 9 月 15 日.
const rules = { yearEndGrades: ['A'], yearEndTiers: ['gold'], yearEndDate: '12-20' };
const customer = { id: 1, name: '北京华宇科技有限公司', owner_id: 7, grade: 'A', cooperation_since: '2019-03-18' };

describe('care calendar (docs/regulations.md §12)', () => {
  it('puts a lunar birthday of 八月十五 on 2026-09-25 and 2027-09-15', () => {
    const contacts = [{ id: 3, customer_id: 1, name: '张伟', birthday: '1976-08-15', birthday_calendar: 'lunar' }];
    const input = { customers: [customer], contacts, firstPurchase: new Map<number, string>(), rules, festivals: false };
    expect(occasionsBetween('2026-01-01', '2026-12-31', input).filter((o) => o.type === 'birthday').map((o) => o.date)).toEqual(['2026-09-25']);
    expect(occasionsBetween('2027-01-01', '2027-12-31', input).filter((o) => o.type === 'birthday').map((o) => o.date)).toEqual(['2027-09-15']);
  });

  it('puts a solar birthday of 02-29 on 02-28 in a year without 29 February, and on 02-29 in 2028', () => {
    expect(solarDateIn(2027, 2, 29)).toBe('2027-02-28');
    expect(solarDateIn(2028, 2, 29)).toBe('2028-02-29');
    const contacts = [{ id: 4, customer_id: 1, name: '李娜', birthday: '1988-02-29', birthday_calendar: 'solar' }];
    const o = occasionsBetween('2027-02-01', '2027-03-10', { customers: [customer], contacts, firstPurchase: new Map(), rules, festivals: false });
    expect(o.map((x) => [x.type, x.date])).toEqual([['birthday', '2027-02-28']]);
  });

  it('converts 春节, 端午, 中秋 and 重阳 of 2026 to their solar days', () => {
    const o = occasionsBetween('2026-01-01', '2026-12-31', { customers: [], contacts: [], firstPurchase: new Map(), rules, festivals: true });
    expect(o.map((x) => [x.festival, x.date])).toEqual([
      ['spring', '2026-02-17'],
      ['dragonBoat', '2026-06-19'],
      ['midAutumn', '2026-09-25'],
      ['doubleNinth', '2026-10-18'],
    ]);
  });

  it('finds a lunar date of late in the lunar year in January of the next solar year', () => {
    // 腊月十八 of lunar 2026 is 2027-01-25
    expect(lunarToSolar(2026, 12, 18)).toBe('2027-01-25');
    const contacts = [{ id: 5, customer_id: 1, name: '王芳', birthday: '1979-12-18', birthday_calendar: 'lunar' }];
    const o = occasionsBetween('2027-01-01', '2027-01-31', { customers: [customer], contacts, firstPurchase: new Map(), rules, festivals: false });
    expect(o.filter((x) => x.type === 'birthday').map((x) => x.date)).toEqual(['2027-01-25']);
  });

  it('keeps a lunar 30th on the 29th in a lunar month of 29 days', () => {
    // 2026's second lunar month has 29 days: 三十 does not exist, 二十九 is 2026-04-16
    expect(lunarToSolar(2026, 2, 30)).toBe(lunarToSolar(2026, 2, 29));
    expect(lunarToSolar(2026, 2, 29)).toBe('2026-04-16');
  });

  it('counts cooperation and first-purchase anniversaries in years, and a year-end gift only for the configured grades and tiers', () => {
    const others = [
      { ...customer, id: 2, grade: 'C', cooperation_since: null },
      { ...customer, id: 3, grade: 'C', cooperation_since: null },
      { ...customer, id: 4, grade: 'B', cooperation_since: null },
    ];
    const tiers = new Map([[3, 'gold'], [4, 'silver']]);
    const input = { customers: [customer, ...others], contacts: [], firstPurchase: new Map([[2, '2024-06-01']]), tiers, rules, festivals: false };
    const o = occasionsBetween('2026-01-01', '2026-12-31', input);
    expect(o.map((x) => [x.type, x.customerId, x.date, x.years])).toEqual([
      ['cooperation', 1, '2026-03-18', 7],
      ['firstPurchase', 2, '2026-06-01', 2],
      ['yearEnd', 1, '2026-12-20', null],
      ['yearEnd', 3, '2026-12-20', null],
    ]);
  });

  it('fills the placeholders of a greeting and names unknown ones', () => {
    expect(fillTemplate('尊敬的{contact}：{occasion}快乐！{customer} / {sender}', { contact: '张伟', occasion: '中秋节', customer: '华宇', sender: '王专员' })).toBe('尊敬的张伟：中秋节快乐！华宇 / 王专员');
    expect(unknownPlaceholders('{contact} {name} {company}')).toEqual(['name', 'company']);
  });
});
