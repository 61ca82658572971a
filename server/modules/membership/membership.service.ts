import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditInput, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { type Lang, t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import { type MemberFilters, type MemberSortField, membershipQueries as q } from './membership.queries';
import {
  expiringPoints,
  formatMemberNo,
  type Gift,
  nextTier,
  pointsFor,
  pointsTakenBack,
  sortTiers,
  type Tier,
  type TierCause,
  tierAfter,
  tierFor,
} from './membership.rules';

/** History texts are stored once, in the interface's default language. */
const LANG = 'zh-CN' as const;
const BATCH = 200;
export const POINTS_JOB = 'membership.points';
export const YEAR_END_JOB = 'membership.yearEnd';
const YEAR_END_LEASE_MS = 30 * 60_000;

const fmt = (n: number) => n.toLocaleString('en-US');

export interface EnrolInput {
  customerId?: number;
  individualId?: number;
  joinedOn?: string;
}

type MemberRef = { id: number; customer_id: number | null; joined_on: string };

export function createMembershipService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; settings: SettingsService }) {
  const { db, audit, clock, settings } = deps;
  const today = () => shanghaiDate(clock.now());
  const now = () => clock.now().toISOString();

  async function rules(conn: Kysely<Database> = db) {
    const [tiers, pointsPerYuan, validityYears, downAtYearEnd, gifts] = await Promise.all([
      settings.value<Tier[]>('membership.tiers', conn),
      settings.number('membership.pointsPerYuan', conn),
      settings.number('membership.validityYears', conn),
      settings.value<boolean>('membership.tierDownAtYearEnd', conn),
      settings.value<Gift[]>('membership.gifts', conn),
    ]);
    return { tiers: sortTiers(tiers), pointsPerYuan, validityYears, downAtYearEnd: downAtYearEnd === true, gifts };
  }

  const tierLabel = (tiers: Tier[], key: string | null, lang: Lang) => (key ? (tiers.find((x) => x.key === key)?.label[lang] ?? key) : '—');

  /**
   * Recomputes a member's tier after its points changed (docs/regulations.md §3). A change is kept with
   * old → new, why and when, and for a company member also in the customer's history.
   */
  async function applyTier(trx: Kysely<Database>, memberId: number, cause: TierCause, ctx: RequestContext | null): Promise<boolean> {
    const m = await q.get(trx, memberId);
    if (!m) return false;
    const r = await rules(trx);
    const qualifying = Number(m.qualifying);
    const to = tierAfter(m.tier, qualifying, r.tiers, cause, r.downAtYearEnd);
    if (to === m.tier) return false;
    if (!(await q.setTier(trx, m.id, m.tier, to, now()))) return false;
    const oldTier = r.tiers.find((x) => x.key === m.tier);
    const newTier = r.tiers.find((x) => x.key === to)!;
    const up = !oldTier || newTier.minPoints > oldTier.minPoints;
    const reason = up
      ? t(LANG, 'membership.reason.up', { points: fmt(qualifying), tier: newTier.label[LANG], min: fmt(newTier.minPoints) })
      : t(LANG, 'membership.reason.down', { points: fmt(qualifying), tier: oldTier.label[LANG], min: fmt(oldTier.minPoints), cause: t(LANG, `membership.cause.${cause}`) });
    await q.insertTierChange(trx, { member_id: m.id, old_tier: m.tier, new_tier: to, points: qualifying, cause, reason, actor_id: ctx?.actor.id ?? null, at: now() });
    const summary = t(LANG, 'membership.history.tier', { from: tierLabel(r.tiers, m.tier, LANG), to: newTier.label[LANG], reason });
    const entries: AuditInput[] = [{ action: 'tier', entityType: 'member', entityId: m.id, summary, changes: { tier: [m.tier, to] } }];
    if (m.customer_id !== null) entries.push({ action: 'membership.tier', entityType: 'customer', entityId: m.customer_id, summary });
    await audit.recordMany(trx, actorInfo(ctx), entries);
    return true;
  }

  /**
   * Earns points for the members' transactions and takes them back for returns not yet in the ledger
   * (docs/regulations.md §3). Idempotent: the ledger holds one entry per transaction and per return, and an
   * entry another process wrote meanwhile is skipped by the unique key. Returns the entries written.
   */
  async function processMembers(members: MemberRef[], ctx: RequestContext | null): Promise<number> {
    const company = members.filter((m) => m.customer_id !== null);
    if (!company.length) return 0;
    return db.transaction().execute(async (trx) => {
      const { pointsPerYuan } = await rules(trx);
      const byCustomer = new Map(company.map((m) => [m.customer_id!, m]));
      const fromDate = company.reduce((min, m) => (m.joined_on < min ? m.joined_on : min), company[0]!.joined_on);
      const src = await q.pointSources(trx, [...byCustomer.keys()], fromDate);
      const done = await q.sourcesOf(trx, company.map((m) => m.id));
      const earnedBy = new Map<number, number>();
      const returnPoints = new Map<number, number>();
      for (const d of done) {
        if (d.source_kind === 'transaction') earnedBy.set(d.source_id!, Number(d.points));
        else if (d.source_kind === 'return') returnPoints.set(d.source_id!, -Number(d.points));
      }
      const takenBack = new Map<number, number>();
      for (const r of src.returns) {
        const back = returnPoints.get(r.id);
        if (r.transaction_id !== null && back !== undefined) takenBack.set(r.transaction_id, (takenBack.get(r.transaction_id) ?? 0) + back);
      }
      const causes = new Map<number, TierCause>();
      let written = 0;
      const at = now();
      for (const tx of src.transactions) {
        const m = byCustomer.get(tx.customer_id);
        if (!m || tx.date < m.joined_on || earnedBy.has(tx.id)) continue;
        const points = pointsFor(Number(tx.amount_cents), pointsPerYuan);
        const id = await q.insertEntry(trx, { member_id: m.id, kind: 'earned', points, occurred_on: tx.date, source_kind: 'transaction', source_id: tx.id, amount_cents: Number(tx.amount_cents), actor_id: null, at });
        if (id === undefined) continue;
        earnedBy.set(tx.id, points);
        written++;
        if (!causes.has(m.id)) causes.set(m.id, 'earned');
      }
      for (const r of src.returns) {
        const m = byCustomer.get(r.customer_id);
        if (!m || r.date < m.joined_on || returnPoints.has(r.id)) continue;
        const earned = r.transaction_id === null ? null : (earnedBy.get(r.transaction_id) ?? 0);
        const points = pointsTakenBack(Number(r.amount_cents), pointsPerYuan, earned, r.transaction_id === null ? 0 : (takenBack.get(r.transaction_id) ?? 0));
        const id = await q.insertEntry(trx, { member_id: m.id, kind: 'returned', points: -points, occurred_on: r.date, source_kind: 'return', source_id: r.id, amount_cents: Number(r.amount_cents), actor_id: null, at });
        if (id === undefined) continue;
        if (r.transaction_id !== null) takenBack.set(r.transaction_id, (takenBack.get(r.transaction_id) ?? 0) + points);
        written++;
        causes.set(m.id, 'returned');
      }
      for (const [memberId, cause] of causes) await applyTier(trx, memberId, cause, ctx);
      return written;
    });
  }

  /** Every company member, in batches of their own transaction each. */
  async function processAll(): Promise<number> {
    let written = 0;
    let after = 0;
    for (;;) {
      const members = await q.customerMembersAfter(db, after, BATCH);
      if (!members.length) return written;
      written += await processMembers(members, null);
      after = members[members.length - 1]!.id;
    }
  }

  async function requireMember(id: number) {
    const m = await q.get(db, id);
    if (!m) throw errors.notFound();
    return m;
  }

  async function detail(id: number, lang: Lang) {
    const m = await requireMember(id);
    const r = await rules();
    const [ledger, changes] = await Promise.all([q.ledger(db, id), q.tierChanges(db, id)]);
    return { member: m, rules: r, ledger, changes, lang };
  }

  return {
    rules,
    processAll,
    processMembers,
    detail,

    list(ctx: RequestContext, f: MemberFilters, p: { page: number; pageSize: number; sort: { field: MemberSortField; direction: 'asc' | 'desc' } }) {
      return q.list(db, ctx.actor, f, p);
    },

    async distribution(ctx: RequestContext) {
      const r = await rules();
      const counts = new Map((await q.distribution(db, ctx.actor)).map((x) => [x.tier, x.count]));
      return r.tiers
        .slice()
        .reverse()
        .map((tier) => ({ tier: tier.key, label: tier.label[ctx.lang], minPoints: tier.minPoints, count: counts.get(tier.key) ?? 0 }));
    },

    /** Tiers of the members among these customers (customer id → tier key), for the visit cadence. */
    tiersOfCustomers: (customerIds: number[]) => q.tiersOfCustomers(db, customerIds),
    /** The guest's membership tier, or null when the guest is not a member. */
    async tierOfIndividual(individualId: number, conn: Kysely<Database> = db) {
      return (await q.tierOfIndividual(conn, individualId))?.tier ?? null;
    },
    /** Individual members of these tiers within the caller's scope (the cadence's group of guests). */
    individualMembers: (actor: RequestContext['actor'], tiers: string[], f: { ownerId?: number; teamId?: number } = {}) => q.individualMembers(db, actor, tiers, f),
    /** For the care calendar's year-end gifts (docs/regulations.md §12): customer id → tier key, members only. */
    tiersOf: (customerIds: number[]): Promise<Map<number, string>> => q.tiersOfCustomers(db, customerIds),

    /** The customer's membership for its value panel; null when it is not a member. */
    async ofCustomer(customerId: number) {
      const m = await q.byCustomer(db, customerId);
      return m ? { member: m, rules: await rules() } : null;
    },

    /** Enrols a company customer or an individual guest within the caller's scope (docs/regulations.md §3). */
    async enrol(ctx: RequestContext, input: EnrolInput) {
      if ((input.customerId === undefined) === (input.individualId === undefined)) throw errors.field('customerId', 'membership.holder_required');
      if (input.joinedOn && input.joinedOn > today()) throw errors.field('joinedOn', 'validation.date');
      const holder =
        input.customerId !== undefined
          ? await q.customerInScope(db, ctx.actor, input.customerId)
          : await q.individualInScope(db, ctx.actor, input.individualId!);
      if (!holder) throw errors.field(input.customerId !== undefined ? 'customerId' : 'individualId', input.customerId !== undefined ? 'membership.customer_not_found' : 'membership.individual_not_found');
      const joinedOn = input.joinedOn ?? today();
      const id = await db.transaction().execute(async (trx) => {
        const r = await rules(trx);
        const lowest = r.tiers[0]!;
        const year = Number(today().slice(0, 4));
        const no = formatMemberNo(year, await q.nextMemberNo(trx, year));
        const t0 = now();
        const id = await q.insertMember(trx, {
          member_no: no,
          customer_id: input.customerId ?? null,
          individual_id: input.individualId ?? null,
          tier: lowest.key,
          joined_on: joinedOn,
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        if (id === undefined) throw errors.conflict('membership.already_member', input.customerId !== undefined ? 'customerId' : 'individualId');
        const summary = t(LANG, 'membership.history.enrol', { no, tier: lowest.label[LANG] });
        const entries: AuditInput[] = [{ action: 'create', entityType: 'member', entityId: id, summary }];
        if (input.customerId !== undefined) entries.push({ action: 'membership.enrol', entityType: 'customer', entityId: input.customerId, summary });
        await audit.recordMany(trx, actorInfo(ctx), entries);
        return id;
      });
      await processMembers([{ id, customer_id: input.customerId ?? null, joined_on: joinedOn }], ctx);
      return id;
    },

    /** On demand: this member's transactions and returns not yet in the ledger. */
    async process(ctx: RequestContext, id: number) {
      const m = await requireMember(id);
      return processMembers([{ id: m.id, customer_id: m.customer_id, joined_on: m.joined_on }], ctx);
    },

    /** A supervisor's correction, with its reason; the balance may not go below 0. */
    async adjust(ctx: RequestContext, id: number, input: { points: number; reason: string }) {
      if (input.points === 0) throw errors.field('points', 'membership.points_zero');
      await requireMember(id);
      await db.transaction().execute(async (trx) => {
        await q.lock(trx, id, now());
        const { balance } = await q.totals(trx, id);
        if (balance + input.points < 0) throw errors.field('points', 'membership.below_zero', { balance: fmt(balance) });
        await q.insertEntry(trx, { member_id: id, kind: 'adjusted', points: input.points, occurred_on: today(), reason: input.reason, actor_id: ctx.actor.id, at: now() });
        await audit.record(trx, actorInfo(ctx), { action: 'points.adjust', entityType: 'member', entityId: id, summary: `${input.points > 0 ? '+' : ''}${input.points}: ${input.reason}` });
        await applyTier(trx, id, 'adjusted', ctx);
      });
    },

    /** Year-end gift redemption from the catalogue setting; never more than the balance (422). */
    async redeem(ctx: RequestContext, id: number, input: { giftKey: string; quantity: number }) {
      await requireMember(id);
      await db.transaction().execute(async (trx) => {
        const { gifts } = await rules(trx);
        const gift = gifts.find((g) => g.key === input.giftKey);
        if (!gift) throw errors.field('giftKey', 'membership.gift_unknown');
        await q.lock(trx, id, now());
        const { balance } = await q.totals(trx, id);
        const needed = gift.points * input.quantity;
        if (needed > balance) throw errors.field(input.quantity > 1 ? 'quantity' : 'giftKey', 'membership.balance_short', { needed: fmt(needed), balance: fmt(balance) });
        await q.insertEntry(trx, {
          member_id: id,
          kind: 'redeemed',
          points: -needed,
          occurred_on: today(),
          gift_key: gift.key,
          gift_name: gift.label[LANG],
          quantity: input.quantity,
          actor_id: ctx.actor.id,
          at: now(),
        });
        await audit.record(trx, actorInfo(ctx), { action: 'points.redeem', entityType: 'member', entityId: id, summary: `${gift.label[LANG]} × ${input.quantity} (-${needed})` });
        await applyTier(trx, id, 'redeemed', ctx);
      });
    },

    /** The processing job: one process at a time (a short lease); the unique ledger key makes overlaps harmless. */
    async runProcessing(leases: Pick<Leases, 'acquire'>, leaseMs: number): Promise<number | null> {
      if (!(await leases.acquire(POINTS_JOB, leaseMs))) return null;
      return processAll();
    },

    /**
     * The year end (docs/regulations.md §3): from 1 January (Shanghai), the process holding the lease
     * expires the previous year's due points and reviews every tier, once: a year done is marked, and a
     * member's expiry for a year is unique. Null when this process did not run it.
     */
    async runYearEnd(leases: Pick<Leases, 'acquire'>): Promise<number | null> {
      const year = Number(today().slice(0, 4)) - 1;
      if (await q.yearEndDone(db, year)) return null;
      if (!(await leases.acquire(YEAR_END_JOB, YEAR_END_LEASE_MS))) return null;
      if (await q.yearEndDone(db, year)) return null;
      await processAll(); // points of the year's last transactions first
      const { validityYears } = await rules();
      let expired = 0;
      let after = 0;
      for (;;) {
        const members = await q.membersAfter(db, after, BATCH);
        if (!members.length) break;
        expired += await db.transaction().execute(async (trx) => {
          const lines = await q.ledgerLines(trx, members.map((m) => m.id));
          let n = 0;
          for (const m of members) {
            const mine = lines.filter((l) => l.member_id === m.id).map((l) => ({ kind: l.kind as 'earned', points: Number(l.points), year: Number(l.occurred_on.slice(0, 4)) }));
            const points = expiringPoints(mine, year, validityYears);
            if (points > 0) {
              const id = await q.insertEntry(trx, { member_id: m.id, kind: 'expired', points: -points, occurred_on: `${year}-12-31`, expiry_year: year, actor_id: null, at: now() });
              if (id !== undefined) n++;
            }
            await applyTier(trx, m.id, 'year_end', null);
          }
          return n;
        });
        after = members[members.length - 1]!.id;
      }
      await q.markYearEnd(db, year, expired, now());
      return expired;
    },

    /** A customer merge: the membership follows the survivor, whose tier is then recomputed. */
    async moveCustomer(trx: Kysely<Database>, fromId: number, toId: number) {
      const memberId = await q.moveCustomer(trx, fromId, toId);
      if (memberId !== null) await applyTier(trx, memberId, 'merge', null);
    },

    nextTier,
    tierFor,
    tierLabel,
  };
}
export type MembershipService = ReturnType<typeof createMembershipService>;
