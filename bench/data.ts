/**
 * Bulk rows for the benchmark: the demo generator's vocabulary (server/ops/demo-data.ts) and the
 * app's own derived values (customers.rules.ts), as flat column arrays. The customers are cut into
 * chunks that are a pure function of (seed, chunk number), so worker threads can make them in
 * parallel and the result does not depend on how many there are.
 *
 * Person names come from a small vocabulary, so their search tokens (pinyin-pro is the expensive
 * part) are computed once per distinct name and reused; the first rows of every chunk are checked
 * against searchDocument(), so the index holds exactly what the app would write.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { EDITABLE_COLUMNS, type EditableField } from '../server/modules/customers/customers.fields';
import { completeness, digitsOf, normalizeCompanyName, pinyinSortKey, searchDocument } from '../server/modules/customers/customers.rules';
import { Random, demoContacts, demoCustomer, type DemoCustomer } from '../server/ops/demo-data';

/** customers columns in insert order (the migration's columns). */
export const CUSTOMER_COLUMNS = [
  'id', 'archive_no', 'name', 'name_normalized', 'name_pinyin', 'status', 'credit_code', 'phone_digits',
  'legal_representative', 'general_manager', 'address', 'postcode', 'phone', 'email', 'website',
  'province', 'city', 'district', 'industry', 'company_nature', 'company_size', 'business_scope',
  'operating_status', 'position_in_industry', 'price_level', 'main_products',
  'bank_name', 'bank_account', 'payment_habits', 'paying_contact',
  'source_channel', 'contact_frequency', 'relationship_potential', 'cooperation_intention',
  'staff_count', 'peak_month_amount', 'low_month_amount', 'tags', 'completeness',
  'owner_id', 'team_id', 'department_id', 'created_by', 'version', 'created_at', 'updated_at',
] as const;
/** customer_contacts columns in insert order; ids are left to the database. */
export const CONTACT_COLUMNS = [
  'customer_id', 'name', 'position', 'department', 'mobile', 'phone', 'mobile_digits', 'email', 'birthday', 'notes', 'is_key', 'version', 'created_at', 'updated_at',
] as const;
/** PostgreSQL array types of the columns, for INSERT … SELECT * FROM unnest($1::int[], …); text otherwise. */
export const PG_TYPES: Record<string, string> = {
  id: 'int', customer_id: 'int', staff_count: 'int', completeness: 'int', owner_id: 'int', team_id: 'int', department_id: 'int',
  created_by: 'int', version: 'int', is_key: 'int', peak_month_amount: 'numeric', low_month_amount: 'numeric', created_at: 'timestamptz', updated_at: 'timestamptz',
};

export interface Owner {
  id: number;
  team_id: number | null;
  department_id: number | null;
}

export interface GeneratorOptions {
  customers: number;
  contacts: number;
  owners: Owner[];
  seed: number;
  /** The archive was built over this many years, ending at `end` (epoch ms). */
  years: number;
  end: number;
}

export interface Batch {
  chunk: number;
  customers: unknown[][]; // rows in CUSTOMER_COLUMNS order
  contacts: unknown[][]; // rows in CONTACT_COLUMNS order
  search: [number, string][]; // customer id, token document
}

export const CHUNK = 10_000;
export const chunkCount = (o: GeneratorOptions) => Math.ceil(o.customers / CHUNK);

const DAY = 86_400_000;
const SHANGHAI = 8 * 3600_000;
/** Creation instant of customer `id`: evenly spread, increasing with the id. */
const createdAt = (o: GeneratorOptions, id: number) => Math.round(o.end - o.years * 365 * DAY + ((id - 0.5) / o.customers) * o.years * 365 * DAY);
const yearOf = (ms: number) => new Date(ms + SHANGHAI).getUTCFullYear();

/** The first customer id of every year (archive numbers restart each year: KH2026-000001). */
export function firstIdOfYears(o: GeneratorOptions): Map<number, number> {
  const out = new Map<number, number>();
  for (let y = yearOf(createdAt(o, 1)); y <= yearOf(createdAt(o, o.customers)); y++) {
    let lo = 1;
    let hi = o.customers;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (yearOf(createdAt(o, mid)) >= y) hi = mid;
      else lo = mid + 1;
    }
    out.set(y, lo);
  }
  return out;
}

/** Every suffix of at least 4 digits (customers.rules.ts phoneTokens). */
function phoneTokens(phone: string | null | undefined): string[] {
  const d = digitsOf(phone);
  if (d.length < 4) return d ? [d] : [];
  const out: string[] = [];
  for (let i = 0; i + 4 <= d.length; i++) out.push(d.slice(i));
  return out;
}

const nameTokenCache = new Map<string, string[]>();
/** The character-pair and pinyin tokens of a person's name, as searchDocument makes them for a contact. */
function personTokens(name: string): string[] {
  let t = nameTokenCache.get(name);
  if (!t) {
    t = searchDocument({ name: '', archiveNo: '', contacts: [{ name }] }).split(' ').filter(Boolean);
    nameTokenCache.set(name, t);
  }
  return t;
}

function chunkSeed(seed: number, chunk: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(chunk + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Customers CHUNK·chunk+1 … of the archive, with their contacts and search documents. */
export function generateChunk(o: GeneratorOptions, chunk: number, firstIds = firstIdOfYears(o)): Batch {
  const rng = new Random(chunkSeed(o.seed, chunk));
  const perCustomer = o.contacts / o.customers;
  const names = new Set<string>();
  const batch: Batch = { chunk, customers: [], contacts: [], search: [] };
  const last = Math.min(o.customers, (chunk + 1) * CHUNK);
  for (let id = chunk * CHUNK + 1; id <= last; id++) {
    let input: DemoCustomer;
    do input = demoCustomer(rng);
    while (names.has(input.name));
    names.add(input.name);
    const owner = o.owners[Math.floor(rng.next() * o.owners.length)];
    const created = createdAt(o, id);
    const year = yearOf(created);
    const archiveNo = `KH${year}-${String(id - firstIds.get(year)! + 1).padStart(6, '0')}`;
    const createdIso = new Date(created).toISOString();
    const updatedIso = rng.chance(0.2) ? new Date(Math.min(o.end, created + rng.next() * 200 * DAY)).toISOString() : createdIso;

    const values = input as unknown as Record<string, unknown>;
    const byColumn: Record<string, unknown> = {
      id,
      archive_no: archiveNo,
      name_normalized: normalizeCompanyName(input.name),
      name_pinyin: pinyinSortKey(input.name),
      phone_digits: digitsOf(input.phone) || null,
      tags: JSON.stringify(input.tags),
      completeness: completeness(values).percent,
      owner_id: owner.id,
      team_id: owner.team_id,
      department_id: owner.department_id,
      created_by: owner.id,
      version: updatedIso === createdIso ? 1 : 2,
      created_at: createdIso,
      updated_at: updatedIso,
    };
    for (const [field, col] of Object.entries(EDITABLE_COLUMNS)) if (col !== 'tags') byColumn[col] = values[field as EditableField] ?? null;
    batch.customers.push(CUSTOMER_COLUMNS.map((col) => byColumn[col] ?? null));

    // Contacts: on average o.contacts / o.customers each; the key contact (if any) comes first.
    const n = Math.floor(perCustomer) + (rng.next() < perCustomer % 1 ? 1 : 0);
    const contacts = n > 0 ? demoContacts(rng, input, n) : [];
    const tokens = new Set(searchDocument({ name: input.name, archiveNo, creditCode: input.creditCode, phone: input.phone }).split(' '));
    for (const c of contacts) {
      batch.contacts.push([id, c.name, c.position ?? null, c.department ?? null, c.mobile ?? null, c.phone ?? null, digitsOf(c.mobile) || null, c.email ?? null, c.birthday ?? null, null, c.isKey ? 1 : 0, 1, createdIso, createdIso]);
      for (const t of personTokens(c.name)) tokens.add(t);
      for (const t of phoneTokens(c.mobile)) tokens.add(t);
      for (const t of phoneTokens(c.phone)) tokens.add(t);
    }
    const doc = [...tokens].join(' ');
    if (id - chunk * CHUNK <= 50) {
      const expected = searchDocument({ name: input.name, archiveNo, creditCode: input.creditCode, phone: input.phone, contacts });
      if (expected !== doc) throw new Error(`search document differs from the app's for ${input.name}`);
    }
    batch.search.push([id, doc]);
  }
  return batch;
}

/**
 * All chunks in order, made by worker threads (one per core) a few chunks ahead of the consumer.
 * The workers are TypeScript modules loaded through tsx's API (bench/data-worker.mjs).
 */
export async function* generateAll(o: GeneratorOptions, threads = Math.max(1, os.availableParallelism())): AsyncGenerator<Batch> {
  const total = chunkCount(o);
  const workers = Array.from({ length: Math.min(threads, total) }, () => new Worker(new URL('./data-worker.mjs', import.meta.url), { workerData: { entry: new URL('./data-worker.ts', import.meta.url).href, options: o } }));
  const pending = new Map<number, Promise<Batch>>();
  const waiting = new Map<number, { resolve: (b: Batch) => void; reject: (e: unknown) => void }>();
  for (const w of workers) {
    w.on('message', (json: string) => {
      const b = JSON.parse(json) as Batch;
      waiting.get(b.chunk)?.resolve(b);
      waiting.delete(b.chunk);
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  let next = 0;
  const request = () => {
    const chunk = next++;
    pending.set(chunk, new Promise<Batch>((resolve, reject) => waiting.set(chunk, { resolve, reject })));
    workers[chunk % workers.length].postMessage(chunk);
  };
  try {
    const ahead = workers.length * 2;
    while (next < Math.min(total, ahead)) request();
    for (let chunk = 0; chunk < total; chunk++) {
      const b = await pending.get(chunk)!;
      pending.delete(chunk);
      if (next < total) request();
      yield b;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
