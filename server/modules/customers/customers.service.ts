import type { Kysely } from 'kysely';
import type { DialectKind } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Customer, CustomerContact } from './customers.tables';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, type Changes, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import { visibleInScope } from '../../platform/permissions/policy.queries';
import { RESOURCES } from '../../platform/permissions/scope';
import { type Clock, shanghaiDate } from '../../platform/time';
import { EDITABLE_COLUMNS, MASKED_FIELDS, type EditableField } from './customers.fields';

/** The archive's status of a customer whose cooperation has ended (流失). */
export const ENDED_STATUS = 'lost';
import { orgQueries } from '../org/org.queries';
import { customerQueries, type CustomerFilter, type CustomerSortField } from './customers.queries';
import {
  MAJOR_CHANGE_FIELDS,
  completeness,
  digitsOf,
  customerMatches,
  maskAccount,
  maskPhone,
  normalizeCompanyName,
  pinyinSortKey,
  queryTerms,
  searchDocument,
} from './customers.rules';

/** Audit actions on a customer that read rather than change it: kept out of the change history. */
const NOT_CHANGES = new Set(['reveal', 'attachment.download', 'export', 'merged_into']);

export type Placement = { owner_id: number; team_id: number | null; department_id: number | null };
export type CustomerInput = Partial<Record<EditableField, unknown>> & { name?: string };
export interface Duplicate {
  reason: 'credit_code' | 'phone' | 'name';
  visible: boolean;
  id: number | null;
  archiveNo: string | null;
  name: string | null;
}


/** API-shaped values of a customer row (camelCase), before masking. */
/** The customer's own fields the search document is built from (see `reindex`). */
const SEARCHED_FIELDS = ['name', 'creditCode', 'phone'];

/** Computed once: the presenter maps every customer of every answer through it. */
const EDITABLE_ENTRIES = Object.entries(EDITABLE_COLUMNS);

export function customerValues(row: Customer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, col] of EDITABLE_ENTRIES) out[field] = (row as unknown as Record<string, unknown>)[col];
  out.tags = JSON.parse(row.tags);
  return out;
}

function maskValue(field: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return field === 'bankAccount' ? maskAccount(v) : maskPhone(v);
}

/** Field changes as the audit log and the history timeline keep them: masked personal data. */
function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const [f, v] of Object.entries(after)) {
    const old = before ? (before[f] ?? null) : null;
    if (JSON.stringify(old) === JSON.stringify(v ?? null)) continue;
    out[f] = MASKED_FIELDS.has(f as EditableField) ? [maskValue(f, old), maskValue(f, v)] : [old, v ?? null];
  }
  return out;
}

/**
 * A module whose derived data depends on archive fields (the classes of docs/regulations.md §3 on the
 * industry and the cooperation start) recomputes it in the same transaction when those fields change.
 */
export interface CustomerChangeListener {
  fields: EditableField[];
  onChange(trx: Kysely<Database>, ctx: RequestContext | null, customerIds: number[]): Promise<unknown>;
}

/** One imported row's annual purchases (年采购额), in 分, for the customer it created or updated. */
export interface ImportedPurchase {
  customerId: number;
  archiveNo: string;
  year: number;
  amountCents: number;
}

/**
 * The ledger behind the import's annual purchase amount: the module keeping the ledger writes one summary
 * per customer and year in the import's transaction, idempotently (a re-import adds nothing), and
 * recomputes the classes as for its other writes (docs/regulations.md §2, §3). Without it the target is absent.
 */
export interface CustomerImportLedger {
  record(trx: Kysely<Database>, ctx: RequestContext, rows: ImportedPurchase[]): Promise<{ created: number; existing: number }>;
}

// The archive owns the `customerChanged` and `customerImportLedger` extension points.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    customerChanged: CustomerChangeListener;
    customerImportLedger: CustomerImportLedger;
  }
}

/** One confirmed grade: the customer, the new grade and why (docs/regulations.md §3). */
export interface GradeChange {
  customerId: number;
  grade: string;
  reason: string;
}

export function createCustomerService(deps: { db: Kysely<Database>; kind: DialectKind; audit: AuditService; clock: Clock }) {
  const { db, kind, audit, clock } = deps;
  const q = customerQueries(kind);
  const now = () => clock.now().toISOString();
  const listeners: CustomerChangeListener[] = [];
  let importLedger: CustomerImportLedger | null = null;

  async function notify(trx: Kysely<Database>, ctx: RequestContext | null, changed: { id: number; fields: string[] }[]) {
    for (const l of listeners) {
      const ids = changed.filter((c) => c.fields.some((f) => (l.fields as string[]).includes(f))).map((c) => c.id);
      // In slices, so an import of tens of thousands stays within both databases' parameter limits.
      for (let i = 0; i < ids.length; i += 500) await l.onChange(trx, ctx, ids.slice(i, i + 500));
    }
  }

  /** Columns derived from the editable values: search keys, duplicate keys, completeness. */
  function derived(values: Record<string, unknown>) {
    const name = String(values.name);
    return {
      name_normalized: normalizeCompanyName(name),
      name_pinyin: pinyinSortKey(name),
      phone_digits: digitsOf(values.phone as string) || null,
      completeness: completeness(values).percent,
    };
  }

  function toColumns(input: CustomerInput): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(input)) {
      const col = EDITABLE_COLUMNS[field as EditableField];
      if (!col || v === undefined) continue;
      out[col] = field === 'tags' ? JSON.stringify(v ?? []) : v;
    }
    return out;
  }

  async function reindex(trx: Kysely<Database>, customerId: number) {
    const c = (await q.row(trx, customerId))!;
    const contacts = await q.contacts(trx, customerId);
    await q.writeSearchDocument(
      trx,
      customerId,
      searchDocument({ name: c.name, archiveNo: c.archive_no, creditCode: c.credit_code, phone: c.phone, contacts }),
    );
  }

  async function addContactIn(trx: Kysely<Database>, ctx: RequestContext, customerId: number, input: ContactInput) {
    const t = now();
    const row = await q.insertContact(trx, { customer_id: customerId, ...contactColumns(input), name: input.name!, created_at: t, updated_at: t });
    await q.touch(trx, customerId, t);
    await reindex(trx, customerId);
    await audit.record(trx, actorInfo(ctx), { action: 'contact.create', entityType: 'customer', entityId: customerId, changes: prefixed(fieldChanges(null, contactAudit(input))) });
    return row;
  }

  async function ownerPlacement(ownerId: number, actor?: Actor) {
    const owner = await orgQueries.placement(db, ownerId);
    if (!owner || owner.active !== 1) throw errors.field('ownerId', 'customer.owner_inactive');
    // Customers go only to people the actor oversees: a supervisor's own teams, a manager anyone (docs/regulations.md §1).
    if (actor && owner.id !== actor.id && !(await visibleInScope(db, actor, RESOURCES.user, owner.id))) throw errors.field('ownerId', 'customer.owner_out_of_scope');
    return { owner_id: owner.id, team_id: owner.team_id, department_id: owner.department_id };
  }

  async function findDuplicates(actor: Actor, probe: { name?: string | null; creditCode?: string | null; phone?: string | null }, exceptId?: number): Promise<Duplicate[]> {
    const nameNormalized = probe.name ? normalizeCompanyName(probe.name) : undefined;
    const creditCode = probe.creditCode ? probe.creditCode.toUpperCase() : undefined;
    const phoneDigits = digitsOf(probe.phone) || undefined;
    if (!nameNormalized && !creditCode && !(phoneDigits && phoneDigits.length >= 7)) return [];
    const rows = await q.duplicates(db, { nameNormalized, creditCode, phoneDigits: phoneDigits && phoneDigits.length >= 7 ? phoneDigits : undefined }, exceptId);
    const visible = await q.visibleIds(db, actor, rows.map((r) => r.id));
    return rows.map((r) => {
      const reason: Duplicate['reason'] = creditCode && r.credit_code === creditCode ? 'credit_code' : nameNormalized && r.name_normalized === nameNormalized ? 'name' : 'phone';
      // The warning reveals nothing the user may not see (issue 3 §7).
      return visible.has(r.id)
        ? { reason, visible: true, id: r.id, archiveNo: r.archive_no, name: r.name }
        : { reason, visible: false, id: null, archiveNo: null, name: null };
    });
  }

  /**
   * Inserts customers inside the caller's transaction, in a few multi-row statements: a block of
   * archive numbers, the rows with their derived columns, their search documents and one audit entry
   * each. Creating one customer and importing ten thousand take the same path. Returns ids in order.
   */
  async function insertCustomers(trx: Kysely<Database>, ctx: RequestContext, items: CustomerInput[], placement: Placement): Promise<number[]> {
    if (!items.length) return [];
    const year = Number(shanghaiDate(clock.now()).slice(0, 4));
    const first = await q.reserveArchiveNos(trx, year, items.length);
    const t = now();
    const prepared = items.map((fields, i) => {
      const values = { status: 'potential', tags: [], ...fields } as Record<string, unknown>;
      return { values, archiveNo: `KH${year}-${String(first + i).padStart(6, '0')}` };
    });
    const ids = await q.insertRows(
      trx,
      prepared.map((p) => ({
        ...(toColumns(p.values as CustomerInput) as { name: string }),
        ...derived(p.values),
        archive_no: p.archiveNo,
        ...placement,
        created_by: ctx.actor.id,
        created_at: t,
        updated_at: t,
      })),
    );
    // A new customer has no contacts yet.
    await q.writeSearchDocuments(
      trx,
      prepared.map((p, i) => [ids[i], searchDocument({ name: String(p.values.name), archiveNo: p.archiveNo, creditCode: p.values.creditCode as string | null, phone: p.values.phone as string | null })] as const),
    );
    await audit.recordMany(
      trx,
      actorInfo(ctx),
      prepared.map((p, i) => ({
        action: 'create',
        entityType: 'customer',
        entityId: ids[i],
        summary: p.archiveNo,
        changes: { ...fieldChanges(null, p.values), ownerId: [null, placement.owner_id] },
      })),
    );
    await notify(trx, ctx, prepared.map((p, i) => ({ id: ids[i], fields: Object.keys(p.values).filter((f) => p.values[f] != null) })));
    return ids;
  }

  /** Applies changed fields inside the caller's transaction; returns the changes (none: nothing written). */
  async function updateCustomer(trx: Kysely<Database>, ctx: RequestContext, id: number, version: number | null, fields: CustomerInput): Promise<Changes> {
    const before = await q.row(trx, id);
    if (!before) throw errors.notFound();
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const beforeValues = customerValues(before);
    const changes = fieldChanges(beforeValues, given);
    if (!Object.keys(changes).length && version === null) return changes;
    // version null = the import, which works on the current row inside its own transaction.
    // Only the columns whose value differs are written: an unchanged name left out spares the seven indexes
    // that hold its pinyin key, and their pages in the commit's fsync (docs/performance.md).
    const patch: Record<string, unknown> = { ...toColumns(fields), ...derived({ ...beforeValues, ...given }) };
    const stored = before as unknown as Record<string, unknown>;
    for (const col of Object.keys(patch)) if (patch[col] === stored[col] || (patch[col] == null && stored[col] == null)) delete patch[col];
    await updateVersioned(trx, 'customers', id, version ?? before.version, patch, now());
    // The search document is made of the name, credit code and phone (and the contacts): unchanged, it stays.
    if (version === null || SEARCHED_FIELDS.some((f) => f in changes)) await reindex(trx, id);
    if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'customer', entityId: id, changes });
    await notify(trx, ctx, [{ id, fields: Object.keys(changes) }]);
    return changes;
  }

  return {
    insertCustomers,
    updateCustomer,
    /** Registered from the manifest's `customerChanged` contributions. */
    onChange(listener: CustomerChangeListener) {
      listeners.push(listener);
    },
    /** Registered from the manifest's `customerImportLedger` contribution (at most one ledger). */
    setImportLedger(ledger: CustomerImportLedger) {
      importLedger = ledger;
    },
    importLedger: (): CustomerImportLedger | null => importLedger,
    reindex,
    ownerPlacement,
    findDuplicatesFor: findDuplicates,
    findDuplicates: (ctx: RequestContext, probe: { name?: string; creditCode?: string; phone?: string }) => findDuplicates(ctx.actor, probe),

    /**
     * `countCap`: the total stops there (countCapped), as the list screen shows it; without it the
     * total is exact, as an export or a survey's snapshot that page through every row need it.
     */
    async list(
      ctx: RequestContext,
      filter: Omit<CustomerFilter, 'terms'> & { q?: string },
      paging: { page: number; pageSize: number; sort: CustomerSortField; direction: 'asc' | 'desc' },
      opts: { countCap?: number } = {},
    ) {
      const { q: text, ...rest } = filter;
      const terms = text ? queryTerms(text) : [];
      const { rows, total, countCapped } = await q.list(db, ctx.actor, { ...rest, terms }, paging, opts.countCap);
      // Say which contact matched when the customer itself did not (same token rule as the index).
      const matched = new Map<number, string>();
      if (terms.length) {
        const others = rows.filter((r) => !customerMatches({ name: r.name, archiveNo: r.archive_no, creditCode: r.credit_code, phone: r.phone }, terms));
        for (const c of await q.contactsOf(db, others.map((r) => r.id))) {
          if (!matched.has(c.customer_id) && customerMatches({ name: '', archiveNo: '', contacts: [c] }, terms)) matched.set(c.customer_id, c.name);
        }
      }
      // Set on the fresh rows, not spread into copies: a copy of a ~60-column row costs ~10 µs (docs/performance.md).
      return { rows: rows.map((r) => Object.assign(r, { matched_contact: matched.get(r.id) ?? null })), total, countCapped };
    },

    async get(id: number) {
      const row = await q.get(db, id);
      if (!row) throw errors.notFound();
      return row;
    },

    async create(ctx: RequestContext, input: CustomerInput & { ownerId?: number; confirmDuplicate?: boolean }) {
      const { ownerId, confirmDuplicate, ...fields } = input;
      if (ownerId !== undefined && ownerId !== ctx.actor.id && !hasCapability(ctx.actor, 'customers.transfer')) throw errors.forbidden();
      if (!confirmDuplicate) {
        const duplicates = await findDuplicates(ctx.actor, { name: fields.name, creditCode: fields.creditCode as string, phone: fields.phone as string });
        if (duplicates.length) throw new AppError('conflict', 'customer.duplicate', [], {}, 409, { code: 'duplicate', duplicates });
      }
      const placement = await ownerPlacement(ownerId ?? ctx.actor.id, ctx.actor);
      const [id] = await db.transaction().execute((trx) => insertCustomers(trx, ctx, [fields], placement));
      return this.get(id);
    },

    async update(ctx: RequestContext, id: number, input: CustomerInput & { version: number }) {
      const { version, ...fields } = input;
      await db.transaction().execute((trx) => updateCustomer(trx, ctx, id, version, fields));
      return this.get(id);
    },

    /** Field changes, newest first; `ids` also covers customers merged into this one. */
    async history(ids: number[]) {
      const rows = await q.history(db, ids);
      const items = [];
      for (const r of rows) {
        if (NOT_CHANGES.has(r.action)) continue; // looking at data is audited, but it is not a change of the record
        const changes = r.changes ? (JSON.parse(r.changes) as Changes) : {};
        const entries = Object.entries(changes);
        if (!entries.length) items.push({ at: r.at, actorName: r.actor_name, action: r.action, field: '', oldValue: null, newValue: null, major: false, summary: r.summary });
        for (const [field, [oldValue, newValue]] of entries) {
          items.push({ at: r.at, actorName: r.actor_name, action: r.action, field, oldValue, newValue, major: r.action === 'update' && MAJOR_CHANGE_FIELDS.has(field), summary: r.summary });
        }
      }
      return items;
    },

    /** One unmasked value for a role with the right; every reveal is audit-logged (issue 3 §9). */
    async reveal(ctx: RequestContext, id: number, field: 'phone' | 'fixedPhone' | 'bankAccount' | 'contactPhone' | 'contactMobile', contactId?: number) {
      let value: string | null;
      if (field === 'phone' || field === 'fixedPhone' || field === 'bankAccount') {
        const row = (await q.row(db, id))!;
        value = field === 'phone' ? row.phone : field === 'fixedPhone' ? row.fixed_phone : row.bank_account;
      } else {
        if (!contactId) throw errors.field('contactId', 'validation.required');
        const contact = await q.contact(db, id, contactId);
        if (!contact) throw errors.notFound();
        value = field === 'contactPhone' ? contact.phone : contact.mobile;
      }
      await audit.record(db, actorInfo(ctx), { action: 'reveal', entityType: 'customer', entityId: id, summary: contactId ? `${field} (contact ${contactId})` : field });
      return value;
    },

    /**
     * Ends the cooperation inside the caller's transaction (status 流失), e.g. when the approval to end it is
     * granted (docs/regulations.md §4); the history entry carries the reason the caller gives.
     */
    async endCooperation(trx: Kysely<Database>, ctx: RequestContext, id: number, reason: string) {
      const before = await q.row(trx, id);
      if (!before) throw errors.notFound();
      const changed = before.status !== ENDED_STATUS;
      if (changed) await updateVersioned(trx, 'customers', id, before.version, { status: ENDED_STATUS }, now());
      await audit.record(trx, actorInfo(ctx), { action: 'end_cooperation', entityType: 'customer', entityId: id, summary: reason, changes: changed ? { status: [before.status, ENDED_STATUS] } : {} });
    },

    /** Owner transfer, one or many, by supervisors and above, with a reason (issue 3 §8). */
    async transfer(ctx: RequestContext, customerIds: number[], ownerId: number, reason: string) {
      const ids = [...new Set(customerIds)];
      const visible = await q.visibleIds(db, ctx.actor, ids);
      if (visible.size !== ids.length) throw errors.notFound();
      const placement = await ownerPlacement(ownerId, ctx.actor);
      await db.transaction().execute(async (trx) => {
        const rows = await q.owners(trx, ids);
        await q.setPlacement(trx, ids, placement, now());
        for (const r of rows) {
          await audit.record(trx, actorInfo(ctx), { action: 'transfer', entityType: 'customer', entityId: r.id, summary: reason, changes: { ownerId: [r.owner_id, ownerId] } });
        }
      });
      return ids.length;
    },

    contacts: (customerId: number) => q.contacts(db, customerId),

    /** Customers in id order for the nightly pool run (docs/regulations.md §8); ended ones (流失) are left out. */
    poolBatch: (afterId: number, limit: number) => q.poolBatch(db, afterId, limit, ENDED_STATUS),

    /**
     * Moves a customer to the public pool inside the caller's transaction (docs/regulations.md §8): the pool's
     * keeper holds it and the previous owner no longer sees it; the history entry carries the reason.
     */
    async releaseToPool(trx: Kysely<Database>, customerId: number, keeper: Placement, reason: string) {
      const [before] = await q.owners(trx, [customerId]);
      if (!before) throw errors.notFound();
      await q.setPlacement(trx, [customerId], keeper, now());
      await audit.record(trx, actorInfo(null), { action: 'pool_release', entityType: 'customer', entityId: customerId, summary: reason, changes: { ownerId: [before.owner_id, keeper.owner_id] } });
      return before.owner_id;
    },

    /** A user takes a customer from the pool (docs/regulations.md §8), inside the caller's transaction. */
    async claimFromPool(trx: Kysely<Database>, ctx: RequestContext, customerId: number, reason: string) {
      const [before] = await q.owners(trx, [customerId]);
      if (!before) throw errors.notFound();
      const me = await orgQueries.placement(trx, ctx.actor.id); // read inside the transaction: SQLite has one connection
      if (!me || me.active !== 1) throw errors.forbidden();
      await q.setPlacement(trx, [customerId], { owner_id: me.id, team_id: me.team_id, department_id: me.department_id }, now());
      await audit.record(trx, actorInfo(ctx), { action: 'pool_claim', entityType: 'customer', entityId: customerId, summary: reason, changes: { ownerId: [before.owner_id, ctx.actor.id] } });
    },

    /**
     * The grade column belongs to the archive: other modules (grading) set it only here, inside their
     * transaction. Each change is written to the customer's history with old → new and the reason;
     * the previous grades are returned (unchanged ones are left alone and omitted).
     */
    async setGrades(trx: Kysely<Database>, ctx: RequestContext | null, items: GradeChange[]): Promise<Map<number, string | null>> {
      const out = new Map<number, string | null>();
      if (!items.length) return out;
      const before = new Map((await q.grades(trx, items.map((i) => i.customerId))).map((r) => [r.id, r.grade]));
      const t = now();
      for (const it of items) {
        if (!before.has(it.customerId)) throw errors.notFound();
        const old = before.get(it.customerId) ?? null;
        if (old === it.grade) continue;
        await q.setGrade(trx, it.customerId, it.grade, t);
        await audit.record(trx, actorInfo(ctx), { action: 'grade', entityType: 'customer', entityId: it.customerId, summary: it.reason, changes: { grade: [old, it.grade] } });
        out.set(it.customerId, old);
      }
      return out;
    },

    async addContact(ctx: RequestContext, customerId: number, input: ContactInput) {
      return db.transaction().execute((trx) => addContactIn(trx, ctx, customerId, input));
    },

    /** A contact added within the caller's transaction (the import), written and audited as addContact does. */
    addContactIn: (trx: Kysely<Database>, ctx: RequestContext, customerId: number, input: ContactInput) => addContactIn(trx, ctx, customerId, input),

    async updateContact(ctx: RequestContext, customerId: number, contactId: number, input: ContactInput & { version: number }) {
      const { version, ...fields } = input;
      const before = await q.contact(db, customerId, contactId);
      if (!before) throw errors.notFound();
      const t = now();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'customer_contacts', contactId, version, contactColumns(fields), t);
        await q.touch(trx, customerId, t);
        await reindex(trx, customerId);
        await audit.record(trx, actorInfo(ctx), {
          action: 'contact.update',
          entityType: 'customer',
          entityId: customerId,
          summary: before.name,
          changes: prefixed(fieldChanges(contactAudit(contactValues(before)), contactAudit(fields))),
        });
      });
      return (await q.contact(db, customerId, contactId))!;
    },

    async deleteContact(ctx: RequestContext, customerId: number, contactId: number) {
      const before = await q.contact(db, customerId, contactId);
      if (!before) throw errors.notFound();
      const t = now();
      await db.transaction().execute(async (trx) => {
        await q.deleteContact(trx, contactId);
        await q.touch(trx, customerId, t);
        await reindex(trx, customerId);
        await audit.record(trx, actorInfo(ctx), { action: 'contact.delete', entityType: 'customer', entityId: customerId, summary: before.name, changes: { 'contact.name': [before.name, null] } });
      });
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomerService>;

export type ContactInput = {
  name?: string;
  position?: string | null;
  department?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  birthday?: string | null;
  birthdayCalendar?: 'solar' | 'lunar';
  notes?: string | null;
  isKey?: boolean;
};

function contactColumns(input: ContactInput) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k === 'isKey') out.is_key = v ? 1 : 0;
    else if (k === 'birthdayCalendar') out.birthday_calendar = v;
    else out[k] = v;
  }
  if (input.mobile !== undefined) out.mobile_digits = digitsOf(input.mobile) || null;
  return out;
}

function contactValues(c: CustomerContact): ContactInput {
  return { name: c.name, position: c.position, department: c.department, mobile: c.mobile, phone: c.phone, email: c.email, birthday: c.birthday, birthdayCalendar: c.birthday_calendar === 'lunar' ? 'lunar' : 'solar', notes: c.notes, isKey: c.is_key === 1 };
}

/** Contact values for the audit trail, phones masked. */
function contactAudit(input: ContactInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = k === 'mobile' || k === 'phone' ? maskPhone(v as string | null) : v;
  return out;
}

function prefixed(changes: Changes): Changes {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [`contact.${k}`, v]));
}

