import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import type { Clock } from '../../platform/time';
import { maskPhone } from '../customers/customers.rules';
import { orgQueries } from '../org/org.queries';
import { individualQueries as q } from './individuals.queries';
import { isResidentIdNumber, maskIdNumber, nameKeys } from './individuals.rules';

export interface IndividualInput {
  name?: string;
  gender?: 'male' | 'female' | null;
  birthday?: string | null;
  nationality?: string | null;
  mobile?: string | null;
  idNumber?: string | null;
  notes?: string | null;
}

const COLUMNS: Record<keyof IndividualInput, string> = {
  name: 'name',
  gender: 'gender',
  birthday: 'birthday',
  nationality: 'nationality',
  mobile: 'mobile',
  idNumber: 'id_number',
  notes: 'notes',
};

/** Audit values: personal data masked in the log too (issue 3 §9). */
function auditValue(field: string, v: unknown) {
  if (typeof v !== 'string') return v ?? null;
  return field === 'mobile' ? maskPhone(v) : field === 'idNumber' ? maskIdNumber(v) : v;
}

const CHINA = new Set(['中国', '中华人民共和国', 'CN', 'China']);

/** A mainland resident ID is checked when the guest is Chinese or of unknown nationality; passports are free text. */
function assertIdNumber(v: { nationality?: string | null; idNumber?: string | null }) {
  if (v.idNumber && (!v.nationality || CHINA.has(v.nationality)) && !isResidentIdNumber(v.idNumber)) {
    throw errors.field('idNumber', 'validation.id_number');
  }
}

export function createIndividualService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  function columns(input: IndividualInput) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined) out[COLUMNS[k as keyof IndividualInput]] = k === 'idNumber' && typeof v === 'string' ? v.toUpperCase() : v;
    if (input.name !== undefined) {
      const keys = nameKeys(input.name);
      Object.assign(out, { name_pinyin: keys.pinyin, name_initials: keys.initials, initial: keys.initial, name_search: keys.search });
    }
    if (input.mobile !== undefined) out.mobile_digits = input.mobile ? input.mobile.replace(/\D/g, '') : null;
    return out;
  }

  async function get(id: number) {
    const row = await q.get(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  return {
    list: (ctx: RequestContext, f: { q?: string; initial?: string }, p: { page: number; pageSize: number }) => q.list(db, ctx.actor, f, p),
    initials: (ctx: RequestContext) => q.initials(db, ctx.actor),
    get,

    async create(ctx: RequestContext, input: IndividualInput & { name: string }) {
      assertIdNumber(input);
      const owner = await orgQueries.placement(db, ctx.actor.id);
      if (!owner) throw errors.notFound();
      const t = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const individualId = await q.insert(trx, { ...(columns(input) as { name: string; name_pinyin: string; name_initials: string; initial: string; name_search: string }), owner_id: ctx.actor.id, team_id: owner.team_id, department_id: owner.department_id, created_by: ctx.actor.id, created_at: t, updated_at: t });
        const changes = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, [null, auditValue(k, v)] as [unknown, unknown]]));
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'individual_customer', entityId: individualId, changes });
        return individualId;
      });
      return get(id);
    },

    async update(ctx: RequestContext, id: number, input: IndividualInput & { version: number }) {
      const { version, ...fields } = input;
      const before = await get(id);
      assertIdNumber({ nationality: fields.nationality !== undefined ? fields.nationality : before.nationality, idNumber: fields.idNumber });
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(fields)) {
        const old = (before as Record<string, unknown>)[COLUMNS[k as keyof IndividualInput]] ?? null;
        if (v !== undefined && old !== v) changes[k] = [auditValue(k, old), auditValue(k, v)];
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'individual_customers', id, version, columns(fields), clock.now().toISOString());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'individual_customer', entityId: id, changes });
      });
      return get(id);
    },

    /** Guests' birthdays for the care calendar and its reminders (docs/regulations.md §12), a page at a time by id. */
    birthdaysPage: (actor: Actor | null, f: { ownerId?: number }, afterId: number, limit: number) => q.birthdaysPage(db, actor, f, afterId, limit),

    async reveal(ctx: RequestContext, id: number, field: 'mobile' | 'idNumber') {
      const row = await get(id);
      await audit.record(db, actorInfo(ctx), { action: 'reveal', entityType: 'individual_customer', entityId: id, summary: field });
      return field === 'mobile' ? row.mobile : row.id_number;
    },
  };
}
export type IndividualService = ReturnType<typeof createIndividualService>;
