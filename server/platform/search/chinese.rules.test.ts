import { describe, expect, it } from 'vitest';
import { characterReadings, foldChinese, MAX_READINGS, preferredReading, readingCombinations, readingTokens } from './chinese.rules';

describe('Chinese names for search and ordering (docs/regulations.md §2)', () => {
  it('folds traditional and variant characters to simplified', () => {
    expect(['長沙', '廈門', '重慶', '單縣', '曾曉明', '臺灣', '裡'].map(foldChinese)).toEqual(['长沙', '厦门', '重庆', '单县', '曾晓明', '台湾', '里']);
    expect(foldChinese('ＡＢＣ科技')).toBe('ABC科技');
  });

  it('reads the head of a person’s name as a surname, compound ones included', () => {
    expect(preferredReading('曾晓明', 'person')).toEqual(['zeng', 'xiao', 'ming']);
    for (const [name, first] of [['单田芳', 'shan'], ['仇英', 'qiu'], ['解缙', 'xie'], ['区小红', 'ou'], ['查良镛', 'zha'], ['朴正', 'piao']] as const) {
      expect(characterReadings(name, 'person')[0]).toEqual([first]);
    }
    expect(preferredReading('万俟明', 'person')).toEqual(['mo', 'qi', 'ming']);
  });

  it('reads 某氏 in a company’s name as a family, words as their dictionary reading, anything else every way', () => {
    expect(characterReadings('曾氏贸易', 'company').slice(0, 2)).toEqual([['zeng'], ['shi']]);
    expect(characterReadings('单县单氏物流', 'company')[0]).toEqual(['dan', 'shan', 'chan']);
    expect(characterReadings('单县单氏物流', 'company')[2]).toEqual(['shan']);
    expect(characterReadings('长沙银行', 'company')[3]).toEqual(['hang']);
    expect(preferredReading('厦门航空', 'company')).toEqual(['xia', 'men', 'hang', 'kong']);
    expect(preferredReading('ABC科技123', 'company')).toEqual(['abc', 'ke', 'ji', '123']);
  });

  it('keeps the preferred combination first and caps long names', () => {
    const tokens = readingTokens('单县单氏物流', 'company');
    expect(tokens[0]).toBe('danxianshanshiwuliu');
    expect(tokens).toEqual(expect.arrayContaining(['shanxianshanshiwuliu', 'sxsswl', 'shanshiwuliu', 'wl']));
    expect(tokens).not.toContain('danshiwuliu');
    const long = readingCombinations(characterReadings('行长乐单曾朝长重行乐单曾朝长重', 'company'));
    expect(long).toHaveLength(MAX_READINGS);
    expect(long[0]).toEqual(characterReadings('行长乐单曾朝长重行乐单曾朝长重', 'company').map((r) => r[0]));
  });
});
