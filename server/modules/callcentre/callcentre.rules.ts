import { createHmac, timingSafeEqual } from 'node:crypto';

/** Pure rules of the call centre (docs/regulations.md §1). No I/O. */

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const CATEGORIES = ['consult', 'accept', 'complaint', 'visit', 'marketing'] as const; // 咨询 受理 投诉 回访 营销
export type Category = (typeof CATEGORIES)[number];
export const EVENT_KINDS = ['ringing', 'answered', 'ended'] as const;

export interface QaItem {
  key: string;
  label: string;
  weight: number;
}

export const DEFAULT_QA_TEMPLATE: QaItem[] = [
  { key: 'greeting', label: '规范用语', weight: 20 },
  { key: 'understanding', label: '需求理解', weight: 20 },
  { key: 'solution', label: '解决问题', weight: 30 },
  { key: 'attitude', label: '服务态度', weight: 20 },
  { key: 'record', label: '记录完整', weight: 10 },
];

/** Weights must total exactly 100 and keys be distinct, or the weighted total would not be out of 100. */
export function templateProblems(items: QaItem[]): string[] {
  const out: string[] = [];
  if (items.reduce((s, i) => s + i.weight, 0) !== 100) out.push('weights');
  if (new Set(items.map((i) => i.key)).size !== items.length) out.push('keys');
  return out;
}

/** Σ score × weight / 100, one decimal: each item is scored 0–100. */
export function weightedTotal(template: QaItem[], scores: Record<string, number>): number {
  const sum = template.reduce((s, i) => s + (scores[i.key] ?? 0) * i.weight, 0);
  return Math.round(sum / 10) / 10;
}

/** HMAC-SHA256 of the raw body, hex; the header may carry a `sha256=` prefix. Compared in constant time. */
export function signatureOf(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export function signatureValid(secret: string, body: string, header: string | undefined): boolean {
  if (!secret || !header) return false;
  const given = Buffer.from(header.replace(/^sha256=/i, '').trim().toLowerCase(), 'utf8');
  const expected = Buffer.from(signatureOf(secret, body), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A caller's number as stored digits: the country code 86 dropped so +86 138… matches the archive's 138…. */
export function callerDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.startsWith('0086')) return d.slice(4);
  if (d.length === 13 && d.startsWith('86')) return d.slice(2);
  return d;
}

/** A record is complete when category, summary and result are all filled in (the records-complete target). */
export function recordComplete(c: { category: string | null; summary: string | null; result: string | null }): boolean {
  return !!(c.category && c.summary?.trim() && c.result?.trim());
}

/** A deterministic pick of n of the calls per agent and month: the same month gives the same sample. */
export function sampleCalls<T extends { id: number }>(calls: T[], n: number, seed: string): T[] {
  const h = (id: number) => {
    let x = 2166136261;
    for (const ch of `${seed}:${id}`) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
    return x;
  };
  return [...calls].sort((a, b) => h(a.id) - h(b.id) || a.id - b.id).slice(0, n);
}

/** Percent with one decimal; null when there is nothing to count. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** Monday of the week of a YYYY-MM-DD date, and the Sunday after it. */
export function weekOf(date: string): { start: string; end: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  const start = new Date(d.getTime() - dow * 86_400_000);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
