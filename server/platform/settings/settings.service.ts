import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../audit/audit.service';
import { zodIssueMessage } from '../http/error-handler';
import { errors } from '../http/errors';
import type { RequestContext } from '../permissions/actor';
import type { Clock } from '../time';
import { settingsQueries } from './settings.queries';
import { SETTINGS, SETTINGS_BY_KEY, crossCheck, type SettingValues } from './settings.registry';

/** What the audit log holds in place of a credential. */
export const SECRET_MARK = '(changed)';

export interface SettingState {
  key: string;
  value: unknown;
  version: number; // 0 while the default is in force
  isDefault: boolean;
  updatedAt: string | null;
  /** The value comes from the setting's environment variable, which wins over the database. */
  fromEnv: boolean;
}

/**
 * Settings live in the database and are read from it for each request: the table is tiny, and a cache
 * per process would let a changed security setting lag on the other app instances. Within one request
 * the table is read at most once (`perRequest`): the home page's to-do providers each ask for settings.
 */

/**
 * The settings one request has read; `open` until its answer is sent, so work it started later reads afresh.
 * A read serves for at most MEMO_MS: a request that stays open (a screen-pop stream) reads again.
 */
interface RequestMemo {
  open: boolean;
  states?: Map<string, SettingState>;
  readAt?: number;
  pending?: Promise<Map<string, SettingState>>;
}
const MEMO_MS = 1000;

export function createSettingsService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; env?: Record<string, string> }) {
  const { db, audit, clock } = deps;
  const env = deps.env ?? {};
  function storedOrDefault(d: (typeof SETTINGS)[number], stored: string): unknown {
    let json: unknown;
    try {
      json = JSON.parse(stored);
    } catch {
      return d.default;
    }
    const parsed = d.schema.safeParse(json);
    return parsed.success ? parsed.data : d.default; // a value no longer valid falls back to the default
  }
  /** The value in force: the environment variable wins (checked at start-up, checkSettingEnv), then the stored JSON, then the default. */
  function resolve(d: (typeof SETTINGS)[number], stored: string | null | undefined): { value: unknown; fromEnv: boolean } {
    if (d.env && env[d.env] !== undefined) {
      const parsed = d.schema.safeParse(env[d.env]);
      return { value: parsed.success ? parsed.data : d.default, fromEnv: true };
    }
    return { value: stored == null ? d.default : storedOrDefault(d, stored), fromEnv: false };
  }
  const memo = new AsyncLocalStorage<RequestMemo>();
  /**
   * The settings in force, read once per open request. Inside a transaction (`conn`) only a read already
   * finished is reused: one still running on the main handle may wait behind that very transaction (SQLite
   * has a single connection).
   */
  function load(conn?: Kysely<Database>): Promise<Map<string, SettingState>> {
    const m = memo.getStore();
    if (!m?.open) return read(conn);
    if (m.states && Date.now() - m.readAt! < MEMO_MS) return Promise.resolve(m.states);
    if (conn) return read(conn);
    if (!m.pending || m.states) {
      const pending = read();
      Object.assign(m, { pending, states: undefined });
      pending.then(
        (states) => m.pending === pending && Object.assign(m, { states, readAt: Date.now() }),
        () => m.pending === pending && (m.pending = undefined),
      );
    }
    return m.pending!;
  }
  async function read(conn: Kysely<Database> = db): Promise<Map<string, SettingState>> {
    const rows = await settingsQueries.all(conn);
    const stored = new Map(rows.map((r) => [r.key, r]));
    const states = new Map<string, SettingState>();
    for (const d of SETTINGS) {
      const row = stored.get(d.key);
      const { value, fromEnv } = resolve(d, row?.value);
      states.set(d.key, {
        key: d.key,
        value,
        version: row?.version ?? 0,
        isDefault: !row,
        updatedAt: row?.updated_at ?? null,
        fromEnv,
      });
    }
    return states;
  }

  return {
    /**
     * Runs `next` (the rest of a request) with a memo of the settings it reads; `close` ends the memo
     * when the answer has been sent.
     */
    perRequest(next: () => void): { close(): void } {
      const m: RequestMemo = { open: true };
      memo.run(m, next);
      return { close: () => void (m.open = false) };
    },
    async all(): Promise<SettingState[]> {
      return [...(await load()).values()];
    },
    /** `conn`: pass the caller's transaction when inside one (SQLite has a single connection). */
    async values(conn?: Kysely<Database>): Promise<SettingValues> {
      const out: SettingValues = {};
      for (const s of (await load(conn)).values()) out[s.key] = s.value;
      return out;
    },
    /** `conn`: pass the caller's transaction when inside one (SQLite has a single connection). */
    async number(key: string, conn?: Kysely<Database>): Promise<number> {
      const s = (await load(conn)).get(key);
      if (!s) throw new Error(`Unknown setting ${key}`);
      return Number(s.value);
    },
    /**
     * A number setting from its stored JSON (null: never stored), as `number` would read it: for a caller
     * that fetched the row within a larger statement (the session lookup reads its timeouts that way).
     */
    numberFrom(key: string, stored: string | null | undefined): number {
      const d = SETTINGS_BY_KEY.get(key);
      if (!d) throw new Error(`Unknown setting ${key}`);
      return Number(resolve(d, stored).value);
    },
    async value<T = unknown>(key: string, conn?: Kysely<Database>): Promise<T> {
      const s = (await load(conn)).get(key);
      if (!s) throw new Error(`Unknown setting ${key}`);
      return s.value as T;
    },
    async update(ctx: RequestContext, key: string, value: unknown, version: number): Promise<SettingState> {
      const definition = SETTINGS_BY_KEY.get(key);
      if (!definition) throw errors.notFound();
      const parsed = definition.schema.safeParse(value);
      if (!parsed.success) {
        throw errors.validation(
          parsed.error.issues.map((i) => {
            const { key, params } = zodIssueMessage(i as unknown as Parameters<typeof zodIssueMessage>[0]);
            return { field: ['value', ...i.path].join('.'), message: key, params };
          }),
        );
      }
      const states = await load();
      const current = states.get(key)!;
      if (current.fromEnv) throw errors.field('value', 'settings.from_env', { name: definition.env! });
      const problems = crossCheck({ ...Object.fromEntries([...states].map(([k, v]) => [k, v.value])), [key]: parsed.data });
      if (problems.length > 0) throw errors.validation(problems);
      if (current.version !== version) throw errors.staleVersion();
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const json = JSON.stringify(parsed.data);
        const stored =
          version === 0
            ? await settingsQueries.insertFirst(trx, key, json, now, ctx.actor.id)
            : await settingsQueries.updateAtVersion(trx, key, json, version, now, ctx.actor.id);
        if (!stored) throw errors.staleVersion();
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'setting',
          entityId: key,
          // A credential's value never reaches the log: only that it changed, and whether it is now blank.
          ...(definition.secret
            ? { summary: parsed.data === '' ? 'secret cleared' : 'secret changed', changes: { value: [current.value === '' ? '' : SECRET_MARK, parsed.data === '' ? '' : SECRET_MARK] } }
            : { changes: { value: [current.value, parsed.data] } }),
        });
      });
      const m = memo.getStore();
      if (m) Object.assign(m, { states: undefined, pending: undefined }); // this request reads its own change
      return (await load()).get(key)!;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
