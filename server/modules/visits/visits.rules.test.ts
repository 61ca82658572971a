import { describe, expect, it } from 'vitest';
import { averageScores, haversine, haversineMatrix, inRegion, type LatLng, parseLatLng, pathLength, periodOf, planRoute, scoreReport } from './visits.rules';

// Pure rules of visits (docs/regulations.md §8).
describe('走访客户报告单 scores (docs/regulations.md §8)', () => {
  it('scores 优良 / 良好 / 知名 as 90 / 85 / 70', () => {
    expect(scoreReport({ quality: 'very_good', service: 'good', brand: 'known' })).toEqual({ quality: 90, service: 85, brand: 70, average: 81.7 });
  });

  it('scores the service column’s 不好 30 and 恶劣 0, and 不知道 50, as the seed’s note says', () => {
    expect(scoreReport({ quality: 'unacceptable', service: 'poor', brand: 'unknown' })).toMatchObject({ quality: 60, service: 30, brand: 50 });
    expect(scoreReport({ quality: 'excellent', service: 'bad', brand: 'very_famous' })).toMatchObject({ quality: 100, service: 0, brand: 100 });
  });

  it('averages per group and names periods by month, quarter and year', () => {
    const avg = averageScores([
      { key: 'a', quality: 90, service: 85, brand: 70 },
      { key: 'a', quality: 100, service: 95, brand: 80 },
      { key: 'b', quality: 60, service: 0, brand: 50 },
    ]);
    expect(avg).toEqual([
      { key: 'a', reports: 2, quality: 95, service: 90, brand: 75, average: 86.7 },
      { key: 'b', reports: 1, quality: 60, service: 0, brand: 50, average: 36.7 },
    ]);
    expect([periodOf('2026-11-03', 'month'), periodOf('2026-11-03', 'quarter'), periodOf('2026-11-03', 'year')]).toEqual(['2026-11', '2026-Q4', '2026']);
  });
});

describe('day route (docs/regulations.md §8)', () => {
  it('measures Beijing Tiananmen to Shanghai People’s Square at about 1,067 km', () => {
    expect(haversine({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 }) / 1000).toBeCloseTo(1067, -1);
  });

  function permutations(xs: number[]): number[][] {
    if (xs.length <= 1) return [xs];
    return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  }

  // Deterministic pseudo-random customers around Beijing, so the test is the same on every run.
  function customers(seed: number, n: number): LatLng[] {
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    return Array.from({ length: n }, () => ({ lat: 39.75 + rnd() * 0.35, lng: 116.2 + rnd() * 0.45 }));
  }

  it('orders 8 customers no longer than the input order and within 10 % of the best order found by brute force', () => {
    for (const seed of [1, 7, 42, 2026, 99991]) {
      const start = { lat: 39.9087, lng: 116.3975 };
      const m = haversineMatrix([start, ...customers(seed, 8)]);
      const order = planRoute(m);
      expect([...order].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const input = [1, 2, 3, 4, 5, 6, 7, 8];
      const best = Math.min(...permutations(input).map((p) => pathLength(m, p)));
      expect(pathLength(m, order)).toBeLessThanOrEqual(pathLength(m, input));
      expect(pathLength(m, order)).toBeLessThanOrEqual(best * 1.1);
    }
  });

  it('reads the default start as "latitude,longitude" and refuses anything else', () => {
    expect(parseLatLng(' 39.9042, 116.4074 ')).toEqual({ lat: 39.9042, lng: 116.4074 });
    expect(parseLatLng('116.4074,39.9042')).toBeNull(); // longitude first: a latitude beyond 90
    expect(parseLatLng('北京')).toBeNull();
  });

  it('visits customers on a line in order from the start, whatever order they were given in', () => {
    const m = haversineMatrix([{ lat: 39.9, lng: 116.0 }, { lat: 39.9, lng: 116.3 }, { lat: 39.9, lng: 116.1 }, { lat: 39.9, lng: 116.4 }, { lat: 39.9, lng: 116.2 }]);
    expect(planRoute(m)).toEqual([2, 4, 1, 3]);
  });
});

describe('territories (docs/regulations.md §8)', () => {
  it('covers a whole province, a city or one district', () => {
    const c = { province: '北京市', city: '北京市', district: '朝阳区' };
    expect(inRegion(c, { province: '北京市' })).toBe(true);
    expect(inRegion(c, { province: '北京市', city: '北京市', district: '朝阳区' })).toBe(true);
    expect(inRegion(c, { province: '北京市', city: '北京市', district: '海淀区' })).toBe(false);
    expect(inRegion({ province: null, city: null, district: null }, { province: '北京市' })).toBe(false);
  });
});
