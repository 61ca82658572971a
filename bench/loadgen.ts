/**
 * A small HTTP load generator for bench/http.bench.ts: `connections` keep-alive connections, each sending
 * its next request as soon as the previous answer has been read (closed loop, like autocannon's default),
 * for `seconds`. Latency is measured per request from send to the last byte of the answer.
 */
import http from 'node:http';
import { pct } from './common';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'PUT' | 'POST';
  /** The path of the n-th request of connection `c` (default: the URL's). */
  path?: (c: number, n: number) => string;
  headers?: Record<string, string>;
  /** The body of the n-th request of connection `c` (PUT/POST). */
  body?: (c: number, n: number) => string;
  /** Called with each answer (e.g. to keep a record's version); a non-2xx answer counts as an error. */
  onAnswer?: (c: number, status: number, body: string) => void;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
  /** Every latency, ms (to merge the slices of one case). */
  latencies: number[];
  seconds: number;
}

/** One result from several slices of the same case (the cases take turns, so background load hits all alike). */
export function merge(parts: LoadResult[]): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies);
  const seconds = parts.reduce((a, p) => a + p.seconds, 0);
  const errors = parts.reduce((a, p) => a + p.errors, 0);
  return { requests: latencies.length, errors, rps: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), firstError: parts.find((p) => p.firstError)?.firstError, latencies, seconds };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + o.seconds * 1000;
  const one = (c: number, n: number) =>
    new Promise<void>((resolve) => {
      const target = o.path ? o.path(c, n) : url.pathname + url.search;
      const body = o.body ? o.body(c, n) : undefined;
      const headers: Record<string, string | number> = { ...o.headers };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const t = performance.now();
      const req = http.request({ agent, host: url.hostname, port: url.port, path: target, method: o.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          latencies.push(performance.now() - t);
          const status = res.statusCode ?? 0;
          const text = o.onAnswer || status >= 300 ? Buffer.concat(chunks).toString() : '';
          if (status >= 300) {
            errors++;
            firstError ??= `${status} ${text.slice(0, 200)}`;
          }
          o.onAnswer?.(c, status, text);
          resolve();
        });
      });
      req.on('error', (e) => {
        errors++;
        firstError ??= e.message;
        resolve();
      });
      if (body !== undefined) req.write(body);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async (_, c) => {
      for (let n = 0; performance.now() < deadline; n++) await one(c, n);
    }),
  );
  const s = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, rps: latencies.length / s, p50: pct(latencies, 50), p99: pct(latencies, 99), firstError, latencies, seconds: s };
}
