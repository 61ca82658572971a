/**
 * Pure rules of visits (docs/regulations.md §8): the 走访客户报告单 scores, satisfaction levels,
 * straight-line distance and the day route (nearest neighbour, then 2-opt).
 */

export const METHODS = ['on_site', 'phone', 'email'] as const; // 上门 · 电话 · 电子邮件
export type Method = (typeof METHODS)[number];

export const KINDS = ['record', 'call'] as const; // 客户回访记录表 · 电话回访记录表
export type Kind = (typeof KINDS)[number];

/** 产品满意度 of the 客户回访记录表: 好 / 较好 / 一般 / 差 / 很差. */
export const SATISFACTION = ['good', 'fairly_good', 'average', 'poor', 'very_poor'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/**
 * 走访客户报告单 (004 附件1): three columns scored left to right, exactly as the seed's note says —
 * 100, 90, 85, 80, 70, 60, 50, with 不好 30 and 恶劣 0 in the service column.
 */
export const QUALITY_SCORES = { excellent: 100, very_good: 90, good: 85, average: 80, acceptable: 70, unacceptable: 60 } as const; // 非常优良 优良 良好 一般 合格 不合格
export const SERVICE_SCORES = { excellent: 100, very_good: 90, good: 85, average: 80, poor: 30, bad: 0 } as const; // 非常优良 优良 良好 一般 不好 恶劣
export const BRAND_SCORES = { very_famous: 100, famous: 90, well_known: 85, fairly_known: 80, known: 70, heard_of: 60, unknown: 50 } as const; // 非常驰名 驰名 知名度高 知名度较高 知名 知道 不知道

export type Quality = keyof typeof QUALITY_SCORES;
export type Service = keyof typeof SERVICE_SCORES;
export type Brand = keyof typeof BRAND_SCORES;
export const QUALITIES = Object.keys(QUALITY_SCORES) as [Quality, ...Quality[]];
export const SERVICES = Object.keys(SERVICE_SCORES) as [Service, ...Service[]];
export const BRANDS = Object.keys(BRAND_SCORES) as [Brand, ...Brand[]];

export interface ReportScores {
  quality: number;
  service: number;
  brand: number;
  /** The mean of the three, one decimal: the seed gives no total, the analysis compares this. */
  average: number;
}

export function scoreReport(r: { quality: Quality; service: Service; brand: Brand }): ReportScores {
  const quality = QUALITY_SCORES[r.quality];
  const service = SERVICE_SCORES[r.service];
  const brand = BRAND_SCORES[r.brand];
  return { quality, service, brand, average: round1((quality + service + brand) / 3) };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A point on WGS-84 (what browsers' geolocation gives). */
export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversine(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "39.9042,116.4074" → a point; null when it is not one. */
export function parseLatLng(text: string): LatLng | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

/** Index 0 is the start; the others are the stops. */
export type DistanceMatrix = number[][];

export function haversineMatrix(points: LatLng[]): DistanceMatrix {
  return points.map((a) => points.map((b) => haversine(a, b)));
}

/** Length of an open path from the start (index 0) through `order` (stop indexes ≥ 1). */
export function pathLength(m: DistanceMatrix, order: number[]): number {
  let total = 0;
  let at = 0;
  for (const i of order) {
    total += m[at][i];
    at = i;
  }
  return total;
}

/**
 * The visiting order of a day (001 篇5 四: short travel): nearest neighbour from the start, then 2-opt
 * moves until none shortens the path. The route is open — it ends at the last customer.
 * Never longer than the input order: that order is the fallback when the heuristic does no better.
 */
export function planRoute(m: DistanceMatrix): number[] {
  const n = m.length - 1;
  const input = Array.from({ length: n }, (_, i) => i + 1);
  if (n <= 1) return input;
  const left = new Set(input);
  const order: number[] = [];
  let at = 0;
  while (left.size) {
    let best = -1;
    for (const i of left) if (best < 0 || m[at][i] < m[at][best]) best = i;
    order.push(best);
    left.delete(best);
    at = best;
  }
  twoOpt(m, order);
  return pathLength(m, order) <= pathLength(m, input) ? order : input;
}

/**
 * Reverses segments while that shortens the open path (from the fixed start). The whole path is measured
 * each time, so road distances, which differ by direction, are compared correctly too.
 */
function twoOpt(m: DistanceMatrix, order: number[]) {
  let best = pathLength(m, order);
  let improved = true;
  let rounds = 0;
  while (improved && rounds++ < 100) {
    improved = false;
    for (let i = 0; i < order.length - 1; i++) {
      for (let k = i + 1; k < order.length; k++) {
        reverse(order, i, k);
        const len = pathLength(m, order);
        if (len < best - 1e-9) {
          best = len;
          improved = true;
        } else reverse(order, i, k);
      }
    }
  }
}

function reverse(a: number[], i: number, k: number) {
  while (i < k) {
    [a[i], a[k]] = [a[k], a[i]];
    i++;
    k--;
  }
}

/** A territory's border: a set of regions of the archive; an empty city or district covers the whole province or city. */
export interface Region {
  province: string;
  city?: string | null;
  district?: string | null;
}

export function inRegion(c: { province: string | null; city: string | null; district: string | null }, r: Region): boolean {
  if (!c.province || c.province !== r.province) return false;
  if (r.city && c.city !== r.city) return false;
  if (r.district && c.district !== r.district) return false;
  return true;
}

/** Counts of a person's day by method (the daily visit report). */
export function countByMethod(rows: { method: string }[]): Record<Method, number> {
  const out: Record<Method, number> = { on_site: 0, phone: 0, email: 0 };
  for (const r of rows) if (r.method in out) out[r.method as Method]++;
  return out;
}

/** Averages of report scores over groups (customer, region or period), one decimal. */
export function averageScores<K extends string>(rows: { key: K; quality: number; service: number; brand: number }[]) {
  const groups = new Map<K, { n: number; quality: number; service: number; brand: number }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { n: 0, quality: 0, service: 0, brand: 0 };
    g.n++;
    g.quality += r.quality;
    g.service += r.service;
    g.brand += r.brand;
    groups.set(r.key, g);
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    reports: g.n,
    quality: round1(g.quality / g.n),
    service: round1(g.service / g.n),
    brand: round1(g.brand / g.n),
    average: round1((g.quality + g.service + g.brand) / (3 * g.n)),
  }));
}

/** The period a report date falls in: 2026-12, 2026-Q4 or 2026. */
export function periodOf(date: string, period: 'month' | 'quarter' | 'year'): string {
  if (period === 'year') return date.slice(0, 4);
  if (period === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
