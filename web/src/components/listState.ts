import dayjs, { type Dayjs } from 'dayjs';

/**
 * A list page's state in the address (?q=…&status=…&sort=-name&page=2): pure conversions between the query
 * string, the state the page queries with, and the filter form's values. Kept apart from the component so they
 * can be tested without a browser.
 */

/**
 * - `text`: a typed string (trimmed);  `select`: one of a few strings;  `number`: an id or a count;
 * - `flag`: a checkbox, written as `on` (default '1');  `dateRange`: two dates under the keys of `range`;
 * - `param`: a value kept in the address with no control in the filter bar (the page shows its own, e.g. an A–Z bar).
 */
export type ListFilterKind = 'text' | 'select' | 'number' | 'flag' | 'dateRange' | 'param';

export interface FilterSpec {
  /** The form field's name and, except for `dateRange`, the key in the address. */
  name: string;
  kind: ListFilterKind;
  /** `dateRange`: the two keys in the address (from, to). */
  range?: readonly [string, string];
  /** `select` / `param`: the values accepted from the address (anything else is ignored). */
  allowed?: readonly string[];
  /** The value when the address has none; it is left out of the address. */
  defaultValue?: string;
  /** Written to the address even when it equals `defaultValue` (links that must say it). */
  always?: boolean;
  /** `flag`: the value in the address meaning "checked". */
  on?: string;
}

export type FilterValuesByKey = Record<string, string | undefined>;

export interface ListState {
  /** Filter values by their key in the address. */
  filters: FilterValuesByKey;
  page: number;
  pageSize: number;
  /** `field` ascending, `-field` descending. */
  sort?: string;
}

export interface ListOptions {
  /** The page size when the address has none (default 20). */
  pageSize?: number;
  /** Fields the server sorts by; a `sort` naming another one is ignored. */
  sortable?: readonly string[];
}

const ISO = 'YYYY-MM-DD';
const DEFAULT_PAGE_SIZE = 20;
const isInt = (v: string | null | undefined): v is string => !!v && /^\d+$/.test(v);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v, ISO).isValid();

export const specKeys = (s: FilterSpec): readonly string[] => (s.kind === 'dateRange' ? (s.range ?? [`${s.name}From`, `${s.name}To`]) : [s.name]);

function accept(spec: FilterSpec, raw: string | null): string | undefined {
  if (raw === null || raw === '') return undefined;
  switch (spec.kind) {
    case 'number':
      return isInt(raw) ? raw : undefined;
    case 'flag':
      return raw === (spec.on ?? '1') ? raw : undefined;
    case 'dateRange':
      return isDate(raw) ? raw : undefined;
    case 'select':
    case 'param':
      return !spec.allowed || spec.allowed.includes(raw) ? raw : undefined;
    default:
      return raw;
  }
}

/** Reads the state from the address; values the page does not know are dropped, missing ones take their default. */
export function readListState(params: URLSearchParams, specs: readonly FilterSpec[], opts: ListOptions = {}): ListState {
  const filters: FilterValuesByKey = {};
  for (const spec of specs) {
    for (const key of specKeys(spec)) {
      const v = accept(spec, params.get(key));
      filters[key] = v ?? (spec.kind === 'dateRange' ? undefined : spec.defaultValue);
    }
  }
  const page = params.get('page');
  const pageSize = params.get('pageSize');
  const sort = params.get('sort');
  return {
    filters,
    page: isInt(page) && Number(page) >= 1 ? Number(page) : 1,
    pageSize: isInt(pageSize) && Number(pageSize) >= 1 ? Number(pageSize) : (opts.pageSize ?? DEFAULT_PAGE_SIZE),
    sort: sort && opts.sortable?.includes(sort.replace(/^-/, '')) ? sort : undefined,
  };
}

/**
 * Writes the state into a query string. Keys the list does not manage (`tab`, `view`, `focus` …) are kept from
 * `base`; defaults, page 1 and the default page size are left out so plain links stay plain.
 */
export function writeListState(state: ListState, specs: readonly FilterSpec[], opts: ListOptions = {}, base?: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base);
  for (const spec of specs) for (const key of specKeys(spec)) p.delete(key);
  for (const key of ['sort', 'page', 'pageSize']) p.delete(key);
  for (const spec of specs) {
    for (const key of specKeys(spec)) {
      const v = state.filters[key];
      if (v === undefined || v === '') continue;
      if (v === spec.defaultValue && !spec.always) continue;
      p.set(key, v);
    }
  }
  if (state.sort) p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.pageSize !== (opts.pageSize ?? DEFAULT_PAGE_SIZE)) p.set('pageSize', String(state.pageSize));
  return p;
}

export type FormValue = string | number | boolean | [Dayjs | null, Dayjs | null] | null | undefined;

/** The form value of one filter from the state. */
export function formValueOf(spec: FilterSpec, filters: FilterValuesByKey): FormValue {
  switch (spec.kind) {
    case 'number': {
      const v = filters[spec.name];
      return v === undefined ? undefined : Number(v);
    }
    case 'flag':
      return filters[spec.name] !== undefined;
    case 'dateRange': {
      const [from, to] = specKeys(spec).map((k) => filters[k]);
      return from || to ? [from ? dayjs(from, ISO) : null, to ? dayjs(to, ISO) : null] : null;
    }
    default:
      return filters[spec.name];
  }
}

/** The state's values of one filter from its form value. */
export function filterFromForm(spec: FilterSpec, value: FormValue): FilterValuesByKey {
  switch (spec.kind) {
    case 'text':
      return { [spec.name]: typeof value === 'string' ? value.trim() || undefined : undefined };
    case 'flag':
      return { [spec.name]: value ? (spec.on ?? '1') : undefined };
    case 'dateRange': {
      const [fromKey, toKey] = specKeys(spec);
      const [from, to] = Array.isArray(value) ? value : [null, null];
      return { [fromKey]: from ? from.format(ISO) : undefined, [toKey]: to ? to.format(ISO) : undefined };
    }
    default:
      return { [spec.name]: value === undefined || value === null || value === '' ? spec.defaultValue : String(value) };
  }
}

/** Form values for every filter with a control (not `param`). */
export function formValues(specs: readonly FilterSpec[], filters: FilterValuesByKey): Record<string, FormValue> {
  return Object.fromEntries(specs.filter((s) => s.kind !== 'param').map((s) => [s.name, formValueOf(s, filters)]));
}

/** True when the form shows something other than the state for this filter (the address moved without it). */
export function formDiffers(spec: FilterSpec, value: FormValue, filters: FilterValuesByKey): boolean {
  const shown = filterFromForm(spec, value);
  return specKeys(spec).some((k) => (shown[k] ?? undefined) !== (filters[k] ?? undefined));
}

/** How many filters differ from their default (the 筛选（n） count and the "no match" empty text). */
export function activeFilterCount(specs: readonly FilterSpec[], filters: FilterValuesByKey, except: readonly string[] = []): number {
  return specs.filter((s) => !except.includes(s.name) && specKeys(s).some((k) => filters[k] !== undefined && filters[k] !== s.defaultValue)).length;
}

/** `field` / `-field` → the antd sort order of a column. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (!sort) return null;
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The antd sorter's answer → `field` / `-field` / undefined. */
export function sortFrom(field: string | undefined, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (!field || !order) return undefined;
  return order === 'descend' ? `-${field}` : field;
}

/** Hidden columns kept in localStorage: only known, hideable keys survive (an old or edited value is harmless). */
export function parseHiddenColumns(raw: string | null, known: readonly string[], fixed: readonly string[] = []): string[] {
  try {
    const v: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string' && known.includes(k) && !fixed.includes(k)) : [];
  } catch {
    return [];
  }
}
