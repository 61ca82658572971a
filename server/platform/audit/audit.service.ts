import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestContext } from '../permissions/actor';
import type { Clock } from '../time';
import { insertAuditRows } from './audit.queries';

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditInput {
  action: string; // create | update | delete | login.success | login.failure | logout | permission.denied | role.change | export | reveal …
  entityType: string;
  entityId?: string | number | null;
  summary?: string | null;
  changes?: Changes | null;
}

/** Field-level old → new for the fields that differ (only the listed fields; secrets never listed). */
export function diff(before: object | null, after: object, fields: readonly string[]): Changes {
  const out: Changes = {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const f of fields) {
    if (!(f in a)) continue;
    const oldV = b[f] ?? null;
    const newV = a[f] ?? null;
    if (JSON.stringify(oldV) !== JSON.stringify(newV)) out[f] = [oldV, newV];
  }
  return out;
}

export interface AuditActorInfo {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

export function actorInfo(ctx: RequestContext | null): AuditActorInfo {
  return ctx
    ? { actorId: ctx.actor.id, actorName: ctx.actor.displayName, ip: ctx.ip, requestId: ctx.requestId }
    : { actorId: null, actorName: null, ip: null, requestId: null };
}

/** Rows per multi-row INSERT: well below the parameter limits of both databases. */
const ROWS_PER_STATEMENT = 200;

export function createAuditService(clock: Clock) {
  const row = (who: AuditActorInfo, input: AuditInput, at: string) => ({
    at,
    actor_id: who.actorId,
    actor_name: who.actorName,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId == null ? null : String(input.entityId),
    summary: input.summary ?? null,
    changes: input.changes && Object.keys(input.changes).length > 0 ? JSON.stringify(input.changes) : null,
    ip: who.ip,
    request_id: who.requestId,
  });

  return {
    /** Writes one entry; pass the transaction so the entry commits or rolls back with the change it describes. */
    async record(db: Kysely<Database>, who: AuditActorInfo, input: AuditInput): Promise<void> {
      await insertAuditRows(db, [row(who, input, clock.now().toISOString())]);
    },
    /** Many entries in few statements (bulk work such as an import). */
    async recordMany(db: Kysely<Database>, who: AuditActorInfo, inputs: AuditInput[]): Promise<void> {
      const at = clock.now().toISOString();
      for (let i = 0; i < inputs.length; i += ROWS_PER_STATEMENT) {
        await insertAuditRows(db, inputs.slice(i, i + ROWS_PER_STATEMENT).map((input) => row(who, input, at)));
      }
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
