import type { FormInstance } from 'antd';
import type { PathOf, ResponseOf } from './contract/routes';

/** The row type of a list answer (`{ items: T[] }`). */
type ItemOf<R> = R extends { items: (infer I)[] } ? I : never;

/** One field-level problem reported by the server (docs/api.md "Errors"). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Any non-2xx answer from /api, carrying the server's `{error:{code,message,fields}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  readonly requestId?: string;
  /** The whole `error` object of the answer, for extra members some routes add (e.g. `duplicates`). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = [], requestId?: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.details = details;
  }

  /**
   * 409 caused by a stale `version` (someone else saved first), as opposed to a uniqueness clash or a
   * suspected duplicate (`code: "duplicate"`, which also comes without fields).
   */
  get isStaleVersion(): boolean {
    return this.status === 409 && this.code !== 'duplicate' && (this.fields.length === 0 || this.fields.some((f) => f.field === 'version'));
  }
}

/** Thrown for network failures (server down, offline); status 0. */
export class NetworkError extends ApiError {
  constructor(message: string) {
    super(0, 'network', message);
    this.name = 'NetworkError';
  }
}

const CSRF_COOKIE = 'gx_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Kept from the sign-in / me answer in case the cookie is not readable (e.g. a different cookie path). */
let csrfFallback: string | null = null;

export function setCsrfToken(token: string | null | undefined): void {
  csrfFallback = token ?? null;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFallback;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** The app subscribes once: a 401 from anything but /api/auth/* means the session has ended. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Message used when the network itself fails; set by the i18n module so it follows the language. */
let networkMessage = () => 'Network error';
export function setNetworkErrorMessage(fn: () => string): void {
  networkMessage = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  const url = withQuery(path, options.query);
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new NetworkError(networkMessage());
  }
  if (res.status === 204) return undefined as T;
  const data = parseJson(await res.text());
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) {
      for (const l of unauthorizedListeners) l();
    }
    throw errorOf(res.status, res.statusText, data);
  }
  return data as T;
}

/** The `ApiError` for a non-2xx answer whose (parsed) body is `data`. */
function errorOf(status: number, statusText: string, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; fields?: FieldProblem[]; requestId?: string } } | undefined)?.error;
  return new ApiError(
    status,
    e?.code ?? 'http_' + status,
    e?.message ?? (statusText || String(status)),
    e?.fields ?? [],
    e?.requestId,
    (e as Record<string, unknown> | undefined) ?? {},
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The file name a `Content-Disposition` header offers (`filename*=UTF-8''…` first), if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() || null : null;
}

/**
 * A file answer (e.g. an .xlsx export) as a Blob plus the name the server suggests. Errors are the same
 * `ApiError`s as `request` (the error body is JSON), so the page can say why a download failed.
 */
export async function fetchFile(path: string, query?: Query, signal?: AbortSignal): Promise<{ blob: Blob; filename: string | null }> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { credentials: 'same-origin', signal, headers: { Accept: '*/*' } });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new NetworkError(networkMessage());
  }
  if (!res.ok) {
    if (res.status === 401) for (const l of unauthorizedListeners) l();
    throw errorOf(res.status, res.statusText, parseJson(await res.text().catch(() => '')));
  }
  return { blob: await res.blob(), filename: dispositionFilename(res.headers.get('content-disposition')) };
}

export interface UploadOptions {
  query?: Query;
  /** Called with 0..100 while the body is sent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a file as the raw request body (`application/octet-stream`), with the CSRF header. Uses
 * XMLHttpRequest because fetch reports no upload progress. Errors are the same `ApiError`s as `request`.
 */
export function uploadFile<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) report(Math.min(100, Math.round((e.loaded / e.total) * 100)));
      };
    }
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.onerror = () => {
      done();
      reject(new NetworkError(networkMessage()));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    xhr.onload = () => {
      done();
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      if (xhr.status === 401) for (const l of unauthorizedListeners) l();
      reject(errorOf(xhr.status, xhr.statusText, data));
    };
    xhr.send(file);
  });
}

/**
 * The JSON API, typed by route: the path picks the answer's type from `contract/routes.ts`, which takes it
 * from the server's zod schemas, so a path the table does not know or a field the route does not send is
 * a type error (docs/decisions/0006).
 */
export const api = {
  get: <P extends PathOf<'GET'>>(path: P, query?: Query, signal?: AbortSignal) => request<ResponseOf<'GET', P>>('GET', path, { query, signal }),
  post: <P extends PathOf<'POST'>>(path: P, body?: unknown) => request<ResponseOf<'POST', P>>('POST', path, { body: body ?? {} }),
  put: <P extends PathOf<'PUT'>>(path: P, body?: unknown) => request<ResponseOf<'PUT', P>>('PUT', path, { body: body ?? {} }),
  delete: <P extends PathOf<'DELETE'>>(path: P) => request<ResponseOf<'DELETE', P>>('DELETE', path),
};

/** "holidays.0.start" → ['holidays', 0, 'start'] (antd Form name path). */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Shows the server's field errors under the matching inputs. Returns true when at least one field of
 * the form received a message; the caller shows the general message otherwise. `rename` maps server
 * field names to form field names where they differ (e.g. settings' `value`).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string | (string | number)[]> = {}): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  // Only fields the form has registered (including Form.List rows) can show a message.
  const known = new Set<string>();
  form.getFieldsValue({
    filter: (meta) => {
      if (meta) known.add(meta.name.join('.'));
      return false;
    },
  });
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of error.fields) {
    const mapped = rename[f.field];
    const name = mapped === undefined ? fieldPath(f.field) : Array.isArray(mapped) ? mapped : fieldPath(mapped);
    const key = name.join('.');
    if (!known.has(key)) continue;
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byName.set(key, entry);
  }
  if (byName.size === 0) return false;
  form.setFields([...byName.values()].map(({ name, errors }) => ({ name, errors })));
  return true;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * Lists come as `{ items, ... }` (docs/api.md "Paging"); a few small catalogues may come as a bare array
 * or under a named key. Accept all three so a small contract drift does not blank a page.
 */
export function listOf<T>(data: unknown, ...keys: string[]): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const k of ['items', ...keys]) {
      const v = (data as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

/**
 * Every row of a small list (departments, teams, company days). Asks without paging parameters first —
 * some lists take none, and an unknown parameter is a 400 — and pages through only if the answer says
 * there is more.
 */
export async function fetchAll<P extends PathOf<'GET'>, T = ItemOf<ResponseOf<'GET', P>>>(path: P, query: Query = {}, ...keys: string[]): Promise<T[]> {
  const first: unknown = await api.get(path, query);
  const items = listOf<T>(first, ...keys);
  const total = (first as { total?: unknown } | null)?.total;
  if (typeof total !== 'number' || total <= items.length) return items;
  const out = [...items];
  const pageSize = 200;
  for (let page = 1; out.length < total && page <= 50; page++) {
    const next = listOf<T>(await api.get(path, { ...query, page, pageSize }), ...keys);
    if (page === 1) out.length = 0;
    out.push(...next);
    if (next.length < pageSize) break;
  }
  return out;
}
