import type { MembershipRules } from '../../api/contract/membership';

/** Tier colours from the top down (the tier list is a setting, so by position, not by name). */
const COLORS = ['purple', 'gold', 'geekblue', 'default'];

export function tierColor(rules: MembershipRules | undefined, key: string): string {
  const ordered = [...(rules?.tiers ?? [])].sort((a, b) => b.minPoints - a.minPoints);
  const i = ordered.findIndex((x) => x.key === key);
  return i < 0 ? 'default' : (COLORS[Math.min(i, COLORS.length - 1)] ?? 'default');
}

type Lang = 'zh-CN' | 'zh-TW' | 'en';
export const langOf = (language: string): Lang => (language === 'zh-TW' || language === 'en' ? language : 'zh-CN');

export const formatPoints = (n: number) => n.toLocaleString('en-US');
export const formatYuan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
