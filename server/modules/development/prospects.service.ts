import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, type Changes, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { Clock } from '../../platform/time';
import { digitsOf, maskPhone } from '../customers/customers.rules';
import { developmentQueries as q, type ProspectFilter, type ProspectSortField } from './development.queries';
import { type Stage, STAGES, checkStageMove } from './development.rules';

export interface ProspectInput {
  companyName?: string;
  contactName?: string | null;
  phone?: string | null;
  channel?: string;
  expectedAmount?: number | null;
  nextStep?: string | null;
  notes?: string | null;
  ownerId?: number;
}

const COLUMNS: Record<Exclude<keyof ProspectInput, 'ownerId'>, string> = {
  companyName: 'company_name',
  contactName: 'contact_name',
  phone: 'phone',
  channel: 'channel',
  expectedAmount: 'expected_amount',
  nextStep: 'next_step',
  notes: 'notes',
};

/** Audit values: phones masked in the log too. */
const auditValue = (field: string, v: unknown) => (field === 'phone' && typeof v === 'string' ? maskPhone(v) : (v ?? null));

/** Cards per board column; the column's count and sum cover all of them. */
export const BOARD_COLUMN_LIMIT = 100;

/** Shared by every development record type: who may own it, and where it sits in the organisation. */
export function createPlacement(db: Kysely<Database>) {
  return async function placement(ctx: RequestContext, ownerId: number | undefined) {
    const id = ownerId ?? ctx.actor.id;
    if (id !== ctx.actor.id && !hasCapability(ctx.actor, 'development.assign')) throw errors.forbidden();
    const owner = await q.placementOf(db, id);
    if (!owner || owner.active !== 1) throw errors.field('ownerId', 'customer.owner_inactive');
    return { owner_id: owner.id, team_id: owner.team_id, department_id: owner.department_id };
  };
}

/** Prospects 潜在客户 and their pipeline (docs/regulations.md §6). */
export function createProspectService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;
  const placement = createPlacement(db);

  function columns(input: ProspectInput) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined || k === 'ownerId') continue;
      out[COLUMNS[k as keyof typeof COLUMNS]] = v;
    }
    if (input.phone !== undefined) out.phone_digits = digitsOf(input.phone) || null;
    return out;
  }

  async function get(id: number) {
    const row = await q.prospect(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  return {
    get,

    async list(ctx: RequestContext, f: ProspectFilter, p: { page: number; pageSize: number; sort: ProspectSortField; direction: 'asc' | 'desc' }) {
      const [{ rows, total }, stages] = await Promise.all([q.listProspects(db, ctx.actor, f, p), q.stageSummary(db, ctx.actor, f)]);
      return { rows, total, stages: completeSummary(stages) };
    },

    /** Kanban: one column per stage with its count, expected-amount sum and (most recently moved first) cards. */
    async board(ctx: RequestContext, f: ProspectFilter) {
      const summary = completeSummary(await q.stageSummary(db, ctx.actor, f));
      const columns = [];
      for (const s of summary) {
        const items = s.count ? await q.boardColumn(db, ctx.actor, f, s.stage, BOARD_COLUMN_LIMIT) : [];
        columns.push({ ...s, items });
      }
      return columns;
    },

    async create(ctx: RequestContext, input: ProspectInput & { companyName: string; channel: string; stage?: Stage }) {
      const { stage = 'contact', ownerId, ...fields } = input;
      const place = await placement(ctx, ownerId);
      const t = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertProspect(trx, {
          ...(columns(fields) as { company_name: string; channel: string }),
          stage,
          stage_changed_at: t,
          ...place,
          created_by: ctx.actor.id,
          created_at: t,
          updated_at: t,
        });
        // The entry is the first line of the stage history (and counts as a new prospect in the monthly progress).
        await q.insertStageEvent(trx, {
          prospect_id: id,
          from_stage: null,
          to_stage: stage,
          note: null,
          expected_amount: fields.expectedAmount ?? null,
          actor_id: ctx.actor.id,
          actor_name: ctx.actor.displayName,
          ...place,
          at: t,
        });
        const changes: Changes = Object.fromEntries(Object.entries({ ...fields, stage }).map(([k, v]) => [k, [null, auditValue(k, v)]]));
        changes.ownerId = [null, place.owner_id];
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'prospect', entityId: id, summary: fields.companyName, changes });
        return id;
      });
      return get(id);
    },

    async update(ctx: RequestContext, id: number, input: ProspectInput & { version: number }) {
      const { version, ownerId, ...fields } = input;
      const before = (await q.prospectRow(db, id))!;
      const patch = columns(fields);
      const changes: Changes = {};
      for (const [k, v] of Object.entries(fields)) {
        const old = (before as unknown as Record<string, unknown>)[COLUMNS[k as keyof typeof COLUMNS]] ?? null;
        if (v !== undefined && old !== v) changes[k] = [auditValue(k, old), auditValue(k, v)];
      }
      if (ownerId !== undefined && ownerId !== before.owner_id) {
        Object.assign(patch, await placement(ctx, ownerId));
        changes.ownerId = [before.owner_id, ownerId];
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'prospects', id, version, patch, clock.now().toISOString());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'prospect', entityId: id, changes });
      });
      return get(id);
    },

    /**
     * Moves a prospect forward or back along the pipeline, or marks it lost, with a note; the move is
     * appended to the stage history (who, when, from, to, note) in the same transaction.
     */
    async move(ctx: RequestContext, id: number, input: { stage: Stage; note?: string | null; lostReason?: string | null; expectedAmount?: number | null; nextStep?: string | null; version: number }) {
      const t = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const p = await q.prospectRow(trx, id);
        if (!p) throw errors.notFound();
        if (p.version !== input.version) throw errors.staleVersion();
        const from = p.stage as Stage;
        const check = checkStageMove({ from, to: input.stage, hasRecord: Boolean(await q.recordIdOfProspect(trx, id)), note: input.note, lostReason: input.lostReason });
        if (!check.ok) throw errors.field(check.field, check.message);
        const patch: Record<string, unknown> = { stage: input.stage, stage_changed_at: t, lost_reason: input.stage === 'lost' ? input.lostReason!.trim() : null };
        if (input.expectedAmount !== undefined) patch.expected_amount = input.expectedAmount;
        if (input.nextStep !== undefined) patch.next_step = input.nextStep;
        await updateVersioned(trx, 'prospects', id, input.version, patch, t);
        const note = input.note?.trim() || (input.stage === 'lost' ? input.lostReason!.trim() : null);
        await q.insertStageEvent(trx, {
          prospect_id: id,
          from_stage: from,
          to_stage: input.stage,
          note,
          expected_amount: input.expectedAmount !== undefined ? input.expectedAmount : p.expected_amount,
          actor_id: ctx.actor.id,
          actor_name: ctx.actor.displayName,
          owner_id: p.owner_id,
          team_id: p.team_id,
          department_id: p.department_id,
          at: t,
        });
        const changes: Changes = { stage: [from, input.stage] };
        if (input.expectedAmount !== undefined && input.expectedAmount !== p.expected_amount) changes.expectedAmount = [p.expected_amount, input.expectedAmount];
        if (input.nextStep !== undefined && input.nextStep !== p.next_step) changes.nextStep = [p.next_step, input.nextStep];
        await audit.record(trx, actorInfo(ctx), { action: `stage.${check.kind}`, entityType: 'prospect', entityId: id, summary: note, changes });
      });
      return get(id);
    },

    history: (id: number) => q.stageHistory(db, id),
  };
}
export type ProspectService = ReturnType<typeof createProspectService>;

/** Every stage appears, in pipeline order, even when empty. */
function completeSummary(rows: { stage: string; count: number; expectedAmount: number }[]) {
  const by = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.map((stage) => by.get(stage) ?? { stage, count: 0, expectedAmount: 0 });
}
