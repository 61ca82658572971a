import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Lang } from '../../platform/http/i18n';
import { requestContext } from '../../platform/http/guard';
import { idParams, page, parseSort } from '../../platform/http/schemas';
import type { MemberRow, MemberSortField } from './membership.queries';
import { type LedgerKind, nextTier, type Tier } from './membership.rules';
import * as s from './membership.schemas';
import type { MembershipService } from './membership.service';

type Ledger = Awaited<ReturnType<MembershipService['detail']>>['ledger'][number];
type Change = Awaited<ReturnType<MembershipService['detail']>>['changes'][number];

const label = (tiers: Tier[], key: string, lang: Lang) => tiers.find((x) => x.key === key)?.label[lang] ?? key;

/** Whitelisted output. */
function presentMember(m: MemberRow, tiers: Tier[], lang: Lang): z.infer<typeof s.memberOut> {
  const accumulated = Number(m.qualifying);
  const next = nextTier(accumulated, tiers);
  return {
    id: m.id,
    memberNo: m.member_no,
    holderKind: m.customer_id !== null ? 'customer' : 'individual',
    customerId: m.customer_id,
    individualId: m.individual_id,
    holderName: m.holder_name,
    holderNo: m.holder_no,
    tier: m.tier,
    tierLabel: label(tiers, m.tier, lang),
    balance: Number(m.balance),
    accumulated,
    nextTier: next ? { key: next.tier.key, label: next.tier.label[lang], minPoints: next.tier.minPoints } : null,
    pointsToNextTier: next?.missing ?? null,
    joinedOn: m.joined_on,
    version: m.version,
  };
}

function presentEntry(e: Ledger): z.infer<typeof s.ledgerEntryOut> {
  return {
    id: e.id,
    kind: e.kind as LedgerKind,
    points: Number(e.points),
    occurredOn: e.occurred_on,
    sourceKind: e.source_kind as 'transaction' | 'return' | null,
    sourceId: e.source_id,
    amount: e.amount_cents === null ? null : Number(e.amount_cents) / 100,
    giftName: e.gift_name,
    quantity: e.quantity,
    reason: e.reason,
    actorName: e.actor_name ?? null,
    at: e.at,
  };
}

function presentChange(c: Change, tiers: Tier[], lang: Lang): z.infer<typeof s.tierChangeOut> {
  return {
    id: c.id,
    oldTier: c.old_tier,
    oldTierLabel: c.old_tier ? label(tiers, c.old_tier, lang) : null,
    newTier: c.new_tier,
    newTierLabel: label(tiers, c.new_tier, lang),
    points: Number(c.points),
    cause: c.cause,
    reason: c.reason,
    actorName: c.actor_name ?? null,
    at: c.at,
  };
}

/** Members, their points ledger and tiers (docs/regulations.md §3). Every `:id` is checked against its holder's scope (404). */
export async function membershipRoutes(root: FastifyInstance, deps: { membership: MembershipService }) {
  const { membership } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['membership 会员'];
  const read = { capability: 'membership.read' };
  const member = { type: 'member' };

  const detail = async (id: number, lang: Lang) => {
    const d = await membership.detail(id, lang);
    return {
      ...presentMember(d.member, d.rules.tiers, lang),
      ledger: d.ledger.map(presentEntry),
      tierChanges: d.changes.map((c) => presentChange(c, d.rules.tiers, lang)),
    };
  };

  app.get('/api/members', {
    config: { policy: read },
    schema: { tags, querystring: s.memberListQuery, response: { 200: page(s.memberOut) } },
    handler: async (req) => {
      const { page: p, pageSize, sort, ...filters } = req.query;
      const ctx = requestContext(req);
      const { rows, total } = await membership.list(ctx, filters, { page: p, pageSize, sort: parseSort(sort, '-balance') as { field: MemberSortField; direction: 'asc' | 'desc' } });
      const { tiers } = await membership.rules();
      return { items: rows.map((m) => presentMember(m, tiers, ctx.lang)), total, page: p, pageSize };
    },
  });

  app.post('/api/members', {
    config: { policy: { capability: 'membership.manage' } },
    schema: { tags, summary: 'Enrol a company customer or an individual guest', body: s.enrolBody, response: { 201: s.memberDetailOut } },
    handler: async (req, reply) => {
      const ctx = requestContext(req);
      const id = await membership.enrol(ctx, req.body);
      return reply.status(201).send(await detail(id, ctx.lang));
    },
  });

  app.get('/api/members/distribution', {
    config: { policy: read },
    schema: { tags, summary: 'Members per tier within scope', response: { 200: s.distributionOut } },
    handler: async (req) => ({ tiers: await membership.distribution(requestContext(req)) }),
  });

  app.get('/api/membership/rules', {
    config: { policy: read },
    schema: { tags, summary: 'Tiers, gift catalogue, earning rate and validity in force', response: { 200: s.rulesOut } },
    handler: async () => {
      const r = await membership.rules();
      return { tiers: r.tiers, gifts: r.gifts, pointsPerYuan: r.pointsPerYuan, validityYears: r.validityYears, tierDownAtYearEnd: r.downAtYearEnd };
    },
  });

  app.get('/api/members/:id', {
    config: { policy: { ...read, resource: member } },
    schema: { tags, params: idParams, response: { 200: s.memberDetailOut } },
    handler: async (req) => detail(req.params.id, requestContext(req).lang),
  });

  app.post('/api/members/:id/process', {
    config: { policy: { capability: 'membership.manage', resource: member } },
    schema: { tags, summary: "Earn now for the member's transactions and returns not yet in the ledger", params: idParams, response: { 200: s.processOut } },
    handler: async (req) => ({ written: await membership.process(requestContext(req), req.params.id) }),
  });

  app.post('/api/members/:id/adjust', {
    config: { policy: { capability: 'membership.adjust', resource: member } },
    schema: { tags, summary: 'Adjust points, with a reason', params: idParams, body: s.adjustBody, response: { 200: s.memberDetailOut } },
    handler: async (req) => {
      const ctx = requestContext(req);
      await membership.adjust(ctx, req.params.id, req.body);
      return detail(req.params.id, ctx.lang);
    },
  });

  app.post('/api/members/:id/redeem', {
    config: { policy: { capability: 'membership.redeem', resource: member } },
    schema: { tags, summary: 'Redeem points for a gift of the catalogue', params: idParams, body: s.redeemBody, response: { 200: s.memberDetailOut } },
    handler: async (req) => {
      const ctx = requestContext(req);
      await membership.redeem(ctx, req.params.id, req.body);
      return detail(req.params.id, ctx.lang);
    },
  });

  app.get('/api/customers/:id/membership', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's membership (null when not a member)", params: idParams, response: { 200: s.customerMembershipOut } },
    handler: async (req) => {
      const c = await membership.ofCustomer(req.params.id);
      return { member: c ? presentMember(c.member, c.rules.tiers, requestContext(req).lang) : null };
    },
  });
}
