import { describe, expect, it } from 'vitest';
import { isResidentIdNumber, maskIdNumber, nameKeys } from './individuals.rules';

describe('individual customers (docs/regulations.md §2 VIP guests)', () => {
  it('checks a resident ID number’s date and check digit', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false); // wrong check digit
    expect(isResidentIdNumber('110105194913310028')).toBe(false); // month 13
    expect(isResidentIdNumber('1101051949123100')).toBe(false);
  });
  it('masks an ID number to the first 6 and the last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('files names under their pinyin initial letter', () => {
    expect(nameKeys('张伟')).toEqual({ pinyin: 'zhang wei', initials: 'zw', initial: 'Z', search: ' 张伟 zhangwei zw' });
    expect(nameKeys('欧阳娜娜').initial).toBe('O');
    expect(nameKeys('Smith John').initial).toBe('S');
    expect(nameKeys('123').initial).toBe('#');
    // The surname's reading, not the character's most common one (docs/regulations.md §2).
    expect(nameKeys('曾晓明')).toMatchObject({ pinyin: 'zeng xiao ming', initials: 'zxm', initial: 'Z' });
    expect(nameKeys('单田芳').initial).toBe('S');
    expect(nameKeys('曾曉明').pinyin).toBe('zeng xiao ming');
    expect(nameKeys('曾曉明').search).toContain(' 曾晓明');
  });
});
