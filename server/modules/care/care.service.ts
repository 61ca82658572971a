import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { customerLookups } from '../customers/customers.queries';
import type { NotificationParams, NotificationService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import { careQueries as q } from './care.queries';
import { addDays, type CareCustomer, type CareGuest, type CareRules, fillTemplate, type Occasion, occasionsBetween, type TemplateChannel, unknownPlaceholders } from './care.rules';

const LANG = 'zh-CN' as const;
const BATCH = 1000;
/** Care lines on the home page before the rest is summed up in one. */
const TODO_LIMIT = 10;
export const REMINDER_JOB = 'care.reminders';

export interface FirstPurchaseSource {
  firstTransactionDates(customerIds: number[]): Promise<Map<number, string>>;
}

export interface TierSource {
  tiersOf(customerIds: number[]): Promise<Map<number, string>>;
}

export interface GuestSource {
  birthdaysPage(actor: Actor | null, f: { ownerId?: number }, afterId: number, limit: number): Promise<CareGuest[]>;
}

export interface CareDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  notifications: Pick<NotificationService, 'notify'>;
  transactions: FirstPurchaseSource;
  membership: TierSource;
  guests: GuestSource;
}

export interface TemplateInput {
  name: string;
  channel: TemplateChannel;
  occasion?: string | null;
  subject?: string | null;
  body: string;
}
export interface ActionInput {
  customerId: number;
  contactId?: number | null;
  occasion: string;
  occasionDate?: string | null;
  channel: string;
  templateId?: number | null;
  doneOn?: string;
  note?: string | null;
}
export interface EventInput {
  kind: 'promotion' | 'event';
  title: string;
  startsOn: string;
  endsOn?: string | null;
  location?: string | null;
  description?: string | null;
}

/** Care 客户关怀 (docs/regulations.md §12): the calendar of occasions, reminders, greetings, care actions, events. */
export function createCareService(deps: CareDeps) {
  const { db, audit, clock, settings, notifications, transactions, membership, guests } = deps;
  const today = () => shanghaiDate(clock.now());

  async function rules(): Promise<CareRules & { daysAhead: number; festivals: boolean; countsAsContact: boolean }> {
    const v = await settings.values();
    return {
      yearEndGrades: v['care.yearEndGrades'] as string[],
      yearEndTiers: v['care.yearEndTiers'] as string[],
      yearEndDate: v['care.yearEndDate'] as string,
      daysAhead: Number(v['care.reminderDaysAhead']),
      festivals: v['care.festivals'] === true,
      countsAsContact: v['care.countsAsContact'] === true,
    };
  }

  /** The occasions of one page of customers in [from, to]. */
  async function occasionsOf(customers: CareCustomer[], from: string, to: string, r: CareRules, festivals: boolean): Promise<Occasion[]> {
    const ids = customers.map((c) => c.id);
    const [contacts, firstPurchase, tiers] = await Promise.all([customerLookups.contactBirthdays(db, ids), transactions.firstTransactionDates(ids), membership.tiersOf(ids)]);
    return occasionsBetween(from, to, { customers, contacts, firstPurchase, tiers, rules: r, festivals });
  }

  /**
   * Every occasion in [from, to] of the customers and individual guests `actor` may see (all for null; only
   * those of `ownerId` when given), festivals once.
   */
  async function occasions(actor: Actor | null, from: string, to: string, ownerId?: number): Promise<{ list: Occasion[]; ownerCounts: Map<number, number> }> {
    const r = await rules();
    const list: Occasion[] = r.festivals ? occasionsBetween(from, to, { customers: [], contacts: [], firstPurchase: new Map(), rules: r, festivals: true }) : [];
    const ownerCounts = new Map<number, number>();
    for (let after = 0; ; ) {
      const page = await q.customersPage(db, actor, after, BATCH, ownerId);
      if (!page.length) break;
      for (const c of page) ownerCounts.set(c.owner_id, (ownerCounts.get(c.owner_id) ?? 0) + 1);
      list.push(...(await occasionsOf(page, from, to, r, false)));
      after = page[page.length - 1].id;
    }
    for (let after = 0; ; ) {
      const page = await guests.birthdaysPage(actor, { ownerId }, after, BATCH);
      if (!page.length) break;
      list.push(...occasionsBetween(from, to, { customers: [], contacts: [], firstPurchase: new Map(), guests: page, rules: r, festivals: false }));
      after = page[page.length - 1].id;
    }
    list.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.key.localeCompare(b.key));
    return { list, ownerCounts };
  }

  /** Who the occasion is for: the customer and contact, or the individual guest. */
  function whoOf(o: Occasion): string {
    if (o.guestName) return t(LANG, 'care.remind.guest', { name: o.guestName });
    return o.contactName ? `${o.customerName} ${o.contactName}` : (o.customerName ?? '');
  }
  const linkOf = (o: Occasion) =>
    o.customerId ? { type: 'customer', id: o.customerId, path: `/customers/${o.customerId}` } : o.guestId ? { type: 'individual', id: o.guestId, path: `/individuals/${o.guestId}` } : { type: 'care', id: 0, path: '/care' };

  /**
   * The home page's care items (docs/regulations.md §12): the occasions of one's own customers and guests from
   * today through the next six days, today's first; past the first few, one line sends to the calendar.
   */
  const todoProvider: TodoProvider = {
    key: 'care',
    async items(_conn, actor, day): Promise<TodoItem[]> {
      const { list, ownerCounts } = await occasions(actor, day, addDays(day, 6), actor.id);
      const mine = list.filter((o) => o.type !== 'festival' || ownerCounts.size > 0);
      const items: TodoItem[] = mine.slice(0, TODO_LIMIT).map((o) => ({
        kind: o.date === day ? 'care_today' : 'care_week',
        title: t(LANG, o.date === day ? 'care.todo.today' : 'care.todo.week', { date: o.date, who: o.type === 'festival' ? '' : whoOf(o), occasion: occasionLabel(o) }).replace(/\s+/g, ' ').trim(),
        dueDate: o.date,
        overdue: false,
        link: linkOf(o),
      }));
      if (mine.length > TODO_LIMIT) items.push({ kind: 'care_more', title: t(LANG, 'care.todo.more', { count: mine.length - TODO_LIMIT }), dueDate: null, overdue: false, link: { type: 'care', id: 0, path: '/care' } });
      return items;
    },
  };

  function occasionKey(o: Pick<Occasion, 'type' | 'festival'>): string {
    return o.type === 'festival' && o.festival ? `care.festival.${o.festival}` : `care.occasion.${o.type}`;
  }
  /** A keyed message in one language, its nested label parameters rendered in the same language. */
  function renderIn(lang: typeof LANG, key: string, params: NotificationParams): string {
    const flat: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'object' ? t(lang, v.key, v.params ?? {}) : v;
    return t(lang, key, flat);
  }

  function occasionLabel(o: Pick<Occasion, 'type' | 'festival' | 'years'>): string {
    if (o.type === 'festival' && o.festival) return t(LANG, `care.festival.${o.festival}`);
    return t(LANG, `care.occasion.${o.type}`) + (o.years ? ` ${o.years}` : '');
  }

  async function visibleCustomer(ctx: RequestContext, customerId: number) {
    const c = await q.customerVisible(db, ctx.actor, customerId);
    if (!c) throw errors.field('customerId', 'care.customer_not_found');
    return c;
  }

  function checkPlaceholders(input: { subject?: string | null; body?: string }) {
    for (const field of ['subject', 'body'] as const) {
      const bad = unknownPlaceholders(input[field] ?? '');
      if (bad.length) throw errors.field(field, 'care.unknown_placeholder', { names: bad.join(', ') });
    }
  }

  async function getTemplate(id: number) {
    const row = await q.getTemplate(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  async function getEvent(ctx: RequestContext, id: number) {
    const e = await q.getEvent(db, id);
    if (!e) throw errors.notFound();
    return { ...e, invites: await q.invites(db, ctx.actor, id) };
  }

  return {
    rules,
    occasionLabel,
    todoProvider,

    /** The caller's care calendar: occasions of the customers in their scope between two dates (at most 366 days). */
    async calendar(ctx: RequestContext, from: string, to: string) {
      if (to < from || addDays(from, 366) < to) throw errors.field('to', 'care.range_too_long');
      return (await occasions(ctx.actor, from, to)).list;
    },

    /** The next N days from today. */
    async upcoming(ctx: RequestContext, days: number) {
      const from = today();
      return { from, to: addDays(from, days), items: (await occasions(ctx.actor, from, addDays(from, days))).list };
    },

    /**
     * Reminders N days ahead to the customer's owner (docs/regulations.md §12): each occasion's key is claimed
     * in the notification's transaction, so one reminder per occasion and year however many processes run this.
     * Festivals: one reminder per owner. Returns the number sent, null when another process holds the lease.
     */
    async runReminders(leases: Pick<Leases, 'acquire'>, leaseMs: number): Promise<number | null> {
      if (!(await leases.acquire(REMINDER_JOB, leaseMs))) return null;
      const r = await rules();
      const from = today();
      const { list, ownerCounts } = await occasions(null, from, addDays(from, r.daysAhead));
      const now = clock.now().toISOString();
      let sent = 0;
      for (const o of list) {
        // Stored as a message key with its parameters (labels as nested keys), read in each owner's language;
        // the zh-CN text is kept as the row's plain title.
        const targets: [number, string, string, NotificationParams][] = [];
        if (o.type === 'festival') {
          for (const [owner, count] of ownerCounts) {
            const params: NotificationParams = { date: o.date, festival: { key: occasionKey(o) }, count };
            targets.push([owner, `${o.key}:owner:${owner}`, 'care.remind.festival_title', params]);
          }
        } else if (o.ownerId) {
          const params: NotificationParams = {
            date: o.date,
            who: o.guestName ? { key: 'care.remind.guest', params: { name: o.guestName } } : whoOf(o),
            occasion: { key: occasionKey(o) },
            years: o.years ? ` ${o.years}` : '',
            lunar: o.calendar === 'lunar' && o.type === 'birthday' ? { key: 'care.remind.lunar' } : '',
          };
          targets.push([o.ownerId, o.key, 'care.remind.title', params]);
        }
        for (const [owner, key, titleKey, params] of targets) {
          const done = await db.transaction().execute(async (trx) => {
            if (!(await q.claimReminder(trx, { key, owner_id: owner, occasion_date: o.date, sent_at: now }))) return false;
            await notifications.notify(trx, { userIds: [owner], kind: 'care.reminder', titleKey, params, title: renderIn(LANG, titleKey, params), link: linkOf(o) });
            return true;
          });
          if (done) sent++;
        }
      }
      return sent;
    },

    // Greeting templates: records managers edit.
    listTemplates: () => q.listTemplates(db),
    getTemplate,
    async createTemplate(ctx: RequestContext, input: TemplateInput) {
      checkPlaceholders(input);
      const at = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertTemplate(trx, { name: input.name, channel: input.channel, occasion: input.occasion ?? null, subject: input.subject ?? null, body: input.body, created_by: ctx.actor.id, created_at: at, updated_at: at });
        await audit.record(trx, actorInfo(ctx), { action: 'care_template.create', entityType: 'care_template', entityId: id, summary: input.name });
        return id;
      });
      return getTemplate(id);
    },
    async updateTemplate(ctx: RequestContext, id: number, input: Partial<TemplateInput> & { version: number }) {
      checkPlaceholders(input);
      const before = await getTemplate(id);
      const patch: Record<string, unknown> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.channel !== undefined) patch.channel = input.channel;
      if (input.occasion !== undefined) patch.occasion = input.occasion;
      if (input.subject !== undefined) patch.subject = input.subject;
      if (input.body !== undefined) patch.body = input.body;
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'care_templates', id, input.version, patch, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), { action: 'care_template.update', entityType: 'care_template', entityId: id, summary: before.name, changes: Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, [(before as Record<string, unknown>)[k], v]])) });
      });
      return getTemplate(id);
    },

    /** A template filled for a customer, contact and occasion, signed by the caller (the card prints this). */
    async render(ctx: RequestContext, templateId: number, input: { customerId: number; contactId?: number | null; occasion?: string | null }) {
      const tpl = await getTemplate(templateId);
      const c = await visibleCustomer(ctx, input.customerId);
      const contact = input.contactId ? await customerLookups.contactOf(db, c.id, input.contactId) : null;
      if (input.contactId && !contact) throw errors.field('contactId', 'care.contact_not_of_customer');
      const values = { customer: c.name, contact: contact?.name ?? c.name, occasion: input.occasion ?? (tpl.occasion ? occasionLabel({ type: tpl.occasion as Occasion['type'], festival: null, years: null }) : ''), sender: ctx.actor.displayName, date: today() };
      return { channel: tpl.channel, subject: tpl.subject ? fillTemplate(tpl.subject, values) : null, body: fillTemplate(tpl.body, values) };
    },

    // Care actions.
    async recordAction(ctx: RequestContext, input: ActionInput) {
      await visibleCustomer(ctx, input.customerId);
      if (input.contactId && !(await customerLookups.contactOf(db, input.customerId, input.contactId))) throw errors.field('contactId', 'care.contact_not_of_customer');
      if (input.templateId && !(await q.getTemplate(db, input.templateId))) throw errors.field('templateId', 'care.template_not_found');
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertAction(trx, {
          customer_id: input.customerId,
          contact_id: input.contactId ?? null,
          occasion: input.occasion,
          occasion_date: input.occasionDate ?? null,
          channel: input.channel,
          template_id: input.templateId ?? null,
          done_on: input.doneOn ?? today(),
          note: input.note ?? null,
          actor_id: ctx.actor.id,
          created_at: clock.now().toISOString(),
        });
        await audit.record(trx, actorInfo(ctx), { action: 'care_action.create', entityType: 'customer', entityId: input.customerId, summary: `${input.occasion} / ${input.channel}` });
        return id;
      });
      return q.getAction(db, id);
    },
    listActions: (ctx: RequestContext, f: { customerId?: number; limit: number }) => q.actions(db, ctx.actor, f),

    /**
     * For visit cadence (docs/regulations.md §12, §8): customer id → the newest care action's day (as an instant
     * at noon Shanghai) when `care.countsAsContact` is on; empty when it is off.
     */
    async lastContactDates(customerIds: number[]): Promise<Map<number, string>> {
      if (!customerIds.length || !(await rules()).countsAsContact) return new Map();
      const rows = await q.lastActionDates(db, customerIds);
      return new Map(rows.filter((r) => r.last != null).map((r) => [r.customer_id, new Date(`${String(r.last)}T04:00:00Z`).toISOString()]));
    },

    // Promotions and events with invited customers and attendance.
    listEvents: () => q.listEvents(db),
    getEvent,
    async createEvent(ctx: RequestContext, input: EventInput) {
      if (input.endsOn && input.endsOn < input.startsOn) throw errors.field('endsOn', 'care.range_too_long');
      const at = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertEvent(trx, { kind: input.kind, title: input.title, starts_on: input.startsOn, ends_on: input.endsOn ?? null, location: input.location ?? null, description: input.description ?? null, organizer_id: ctx.actor.id, created_at: at, updated_at: at });
        await audit.record(trx, actorInfo(ctx), { action: 'care_event.create', entityType: 'care_event', entityId: id, summary: input.title });
        return id;
      });
      return getEvent(ctx, id);
    },
    async invite(ctx: RequestContext, eventId: number, customerIds: number[]) {
      await getEvent(ctx, eventId);
      const visible = await q.visibleIds(db, ctx.actor, customerIds);
      const outside = customerIds.findIndex((id) => !visible.has(id));
      if (outside >= 0) throw errors.field(`customerIds.${outside}`, 'care.customer_not_found');
      await db.transaction().execute(async (trx) => {
        for (const customerId of customerIds) await q.insertInvite(trx, { event_id: eventId, customer_id: customerId, invited_by: ctx.actor.id, updated_at: clock.now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'care_event.invite', entityType: 'care_event', entityId: eventId, summary: customerIds.join(',') });
      });
      return getEvent(ctx, eventId);
    },
    async setAttendance(ctx: RequestContext, eventId: number, customerId: number, status: 'invited' | 'attended' | 'absent') {
      await getEvent(ctx, eventId);
      await visibleCustomer(ctx, customerId);
      const inv = await q.getInvite(db, eventId, customerId);
      if (!inv) throw errors.field('customerId', 'care.customer_not_found');
      await db.transaction().execute(async (trx) => {
        await q.setInviteStatus(trx, inv.id, status, clock.now().toISOString());
        await audit.record(trx, actorInfo(ctx), { action: 'care_event.attendance', entityType: 'care_event', entityId: eventId, summary: `${customerId}: ${status}`, changes: { status: [inv.status, status] } });
      });
      return getEvent(ctx, eventId);
    },
  };
}
export type CareService = ReturnType<typeof createCareService>;
