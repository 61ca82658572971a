import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './masking';

describe('masking for outgoing messages', () => {
  it('masks phones, ID numbers, bank accounts and e-mail addresses typed into a text', () => {
    expect(maskPersonalData('请回电 13812345678 或 138 1234 5678')).toBe('请回电 138****5678 或 138****5678');
    expect(maskPersonalData('总机 021-62345678')).toBe('总机 021****5678');
    expect(maskPersonalData('身份证 11010519491231002X 已核对')).toBe('身份证 1101**********002X 已核对');
    expect(maskPersonalData('身份证号110105194912310021')).toBe('身份证号1101**********0021');
    expect(maskPersonalData('账号 6222 0212 3456 7890 123，开户行工行')).toBe('账号 **** 0123，开户行工行');
    expect(maskPersonalData('卡号6222021234567890')).toBe('卡号**** 7890');
    expect(maskPersonalData('发给 li.ming@example.cn 确认')).toBe('发给 l***@example.cn 确认');
  });

  it('leaves record numbers, amounts and dates alone', () => {
    const text = '合同 HT-2026-00012，金额 1380000 元，2026-10-19 到期';
    expect(maskPersonalData(text)).toBe(text);
    expect(maskPersonalData(null)).toBeNull();
  });
});
