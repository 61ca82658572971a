import { describe, expect, it } from 'vitest';
import { completeness, documentMatches, fts5Query, isCreditCode, isPhone, maskPhone, normalizeCompanyName, pinyinSortKey, queryTerms, searchDocument, tsQuery } from './customers.rules';

describe('customer identifiers (issue 3 §1)', () => {
  it('accepts a 统一社会信用代码 only with the right check character', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('91350100I000100Y43')).toBe(false); // I is not in the code's alphabet
  });

  it('accepts mainland mobiles and landlines with area code', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('010-62751234')).toBe(true);
    expect(isPhone('0755-8888888')).toBe(true);
    expect(isPhone('12812345678')).toBe(false);
    expect(isPhone('62751234')).toBe(false);
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});

describe('duplicate names (查重)', () => {
  it('ignores spaces, full/half width and legal-form suffixes', () => {
    const a = normalizeCompanyName('北京华远科技有限公司');
    expect(normalizeCompanyName('北京 华远科技股份有限公司')).toBe(a);
    expect(normalizeCompanyName('北京华远科技（有限公司）')).toBe(a);
    expect(normalizeCompanyName('ＡＢＣ贸易有限公司')).toBe(normalizeCompanyName('abc贸易'));
    expect(normalizeCompanyName('北京华远科技')).not.toBe(normalizeCompanyName('北京华远贸易'));
  });
});

describe('search tokens ("by many ways", docs/regulations.md §2)', () => {
  const doc = searchDocument({
    name: '北京华远科技有限公司',
    archiveNo: 'KH2026-000001',
    phone: '13812345678',
    creditCode: '91350100M000100Y43',
    contacts: [{ name: '张三', mobile: '13900001111' }],
  }).split(' ');
  const matches = (q: string) => documentMatches(doc.join(' '), queryTerms(q));

  it('finds by any part of the Chinese name, one character being enough', () => {
    expect(matches('华远')).toBe(true);
    expect(matches('远')).toBe(true);
    expect(matches('华远科技')).toBe(true);
    expect(matches('远华')).toBe(false);
  });
  it('finds by full pinyin and by initials from any syllable', () => {
    expect(matches('bjhy')).toBe(true);
    expect(matches('beijinghuayuan')).toBe(true);
    expect(matches('huayuan')).toBe(true);
    expect(matches('hykj')).toBe(true);
    expect(matches('zhangsan')).toBe(true); // the contact
    expect(matches('zs')).toBe(true);
    expect(matches('shanghai')).toBe(false);
  });
  it('finds by any 4+ digits of a phone, by credit code and by archive number', () => {
    expect(matches('5678')).toBe(true);
    expect(matches('1234')).toBe(true);
    expect(matches('138123')).toBe(true);
    expect(matches('00001111')).toBe(true);
    expect(matches('91350100m')).toBe(true);
    expect(matches('kh2026000001')).toBe(true);
    expect(matches('99998888')).toBe(false);
  });
  it('builds safe query strings for FTS5 and PostgreSQL', () => {
    const t = queryTerms('华远 bj "; drop');
    expect(fts5Query(t)).toBe('"华远" AND "bj"* AND "drop"*');
    expect(tsQuery(t)).toBe("'华远' & 'bj':* & 'drop':*");
    expect(queryTerms('  ，；')).toEqual([]);
  });
  it('orders names by pinyin', () => {
    const names = ['张三', '阿里巴巴', '北京华远', '重庆长安'];
    expect([...names].sort((a, b) => pinyinSortKey(a).localeCompare(pinyinSortKey(b)))).toEqual(['阿里巴巴', '北京华远', '重庆长安', '张三']);
  });
});

describe('search that knows Chinese (docs/regulations.md §2)', () => {
  const doc = (name: string, contacts: { name: string }[] = []) => searchDocument({ name, archiveNo: 'KH2026-000009', contacts });
  const matches = (d: string, q: string) => documentMatches(d, queryTerms(q));

  it('finds 曾氏 and a contact 曾晓明 by zeng and zs, not by ceng', () => {
    const d = doc('曾氏贸易有限公司', [{ name: '曾晓明' }]);
    for (const q of ['zeng', 'zs', 'zengshimaoyi', 'zengxiaoming', 'zxm']) expect(matches(d, q)).toBe(true);
    expect(matches(d, 'ceng')).toBe(false);
    expect(matches(doc('曾经辉煌传媒'), 'ceng')).toBe(true);
  });
  it('finds 单县单氏 by every reading of the place and shan for the family', () => {
    const d = doc('单县单氏物流有限公司');
    for (const q of ['shan', 'sx', 'shanxian', 'danxian', 'dx', 'shanshi', 'ss']) expect(matches(d, q)).toBe(true);
    expect(matches(d, 'danshi')).toBe(false);
  });
  it('folds traditional to simplified in the document and the query', () => {
    expect(matches(doc('长沙岳麓机械'), '長沙')).toBe(true);
    expect(matches(doc('廈門海滄貿易'), '厦门海沧')).toBe(true);
    expect(matches(doc('重庆长安'), '重慶')).toBe(true);
    expect(matches(doc('单县物流'), '單縣')).toBe(true);
    expect(matches(doc('华远', [{ name: '曾晓明' }]), '曾曉明')).toBe(true);
  });
  it('splits a word into its Chinese and its digit or latin runs', () => {
    expect(queryTerms('跨实例探针公司452852519')).toEqual([
      ...['跨实', '实例', '例探', '探针', '针公', '公司'].map((token) => ({ token, prefix: false })),
      { token: '452852519', prefix: true },
    ]);
    // A short run stays glued to its characters: ABC科技 needs c科, and 导入测试42号 is not 导入测试420号.
    expect(queryTerms('ABC科技')).toEqual([{ token: 'c科', prefix: false }, { token: '科技', prefix: false }, { token: 'abc', prefix: true }]);
    expect(matches(searchDocument({ name: 'ABC科技有限公司', archiveNo: 'KH2026-000011' }), 'ABC科技')).toBe(true);
    expect(matches(searchDocument({ name: '导入测试42号贸易有限公司', archiveNo: 'KH2026-000012' }), '导入测试42号')).toBe(true);
    expect(matches(searchDocument({ name: '导入测试420号贸易有限公司', archiveNo: 'KH2026-000013' }), '导入测试42号')).toBe(false);
    const d = searchDocument({ name: '跨实例探针公司', archiveNo: 'KH2026-000010', phone: '13452852519' });
    expect(matches(d, '跨实例探针公司452852519')).toBe(true);
    expect(matches(d, '跨实例探针公司452852510')).toBe(false);
  });
  it('orders 曾氏 under Z among 厦门 and 张, person names by their surname', () => {
    const names = ['张三丰餐饮', '曾氏贸易', '厦门海沧', '北京华远'];
    expect([...names].sort((a, b) => pinyinSortKey(a).localeCompare(pinyinSortKey(b)))).toEqual(['北京华远', '厦门海沧', '曾氏贸易', '张三丰餐饮']);
    expect(pinyinSortKey('单田芳', 'person')).toBe('shan tian fang');
    expect(pinyinSortKey('单县物流')).toBe('dan xian wu liu');
  });
});

describe('archive completeness (issue 3 §12)', () => {
  it('is the share of required fields filled, and lists what is missing', () => {
    const r = completeness({ name: '北京华远', phone: '13812345678', address: ' ' });
    expect(r.percent).toBe(12); // 2 of 17
    expect(r.missing).toContain('address');
    expect(r.missing).not.toContain('name');
  });
});
