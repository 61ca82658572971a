import type { DemoContext, DemoPerson } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { createIndividualService } from '../individuals/individuals.service';
import type { createTransactionService } from '../transactions/transactions.service';
import type { createMembershipService } from './membership.service';

type MembershipService = ReturnType<typeof createMembershipService>;
type IndividualService = ReturnType<typeof createIndividualService>;
type TransactionService = ReturnType<typeof createTransactionService>;

const DAY = 86_400_000;
const ADJUSTMENTS: [points: number, reason: string][] = [
  [1_500, '参加年度客户答谢会，按活动规则奖励积分。'],
  [800, '推荐新客户签约，按推荐奖励补记积分。'],
  [-600, '同一张销售单重复计分，更正扣回。'],
  [2_000, '线下展会订货未经 ERP 推送，按订单补录积分。'],
];
/** Points a member is meant to have gathered (from, to): 普通, 银卡, 金卡, 钻石 with the default thresholds. */
const TIER_AIMS: (readonly [readonly [number, number], number])[] = [
  [[0, 9_000], 40],
  [[11_000, 45_000], 30],
  [[55_000, 180_000], 20],
  [[210_000, 600_000], 10],
];
/** A VIP guest's stays are billed by the hotel system: a supervisor enters them by hand, with the folio. */
const STAYS = [3_600, 12_800, 26_500, 58_000, 9_200, 61_000, 4_400, 210_000];

/**
 * Demo: about a third of the buying company customers and every VIP guest enrolled over the last two years
 * (docs/regulations.md §3); the company members' transactions and returns processed into points as the job
 * does, so the tiers spread from 普通 to 钻石; a few year-end gift redemptions and corrections with a reason.
 */
export async function membershipDemo(s: MembershipService, individuals: IndividualService, transactions: TransactionService, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const supervisorOf = (teamId: number | null): DemoPerson =>
    org.users.find((u) => u.supervises && u.teamId === teamId) ?? org.byRole('manager')[0] ?? org.byRole('director')[0]!;
  const enrollerOf = (ownerId: number, teamId: number | null) => {
    const owner = org.users.find((u) => u.id === ownerId);
    return owner && owner.roles.some((r) => r === 'specialist' || r === 'supervisor') ? owner : supervisorOf(teamId);
  };

  const admin = org.admin; // sees every customer, guest and member
  // Who joins and when, decided first; enrolled in the order they joined, so member numbers follow time.
  const joins: { at: number; customerId?: number; individualId?: number; by: DemoPerson; teamId: number | null }[] = [];
  for (const c of demo.customers) {
    const buys = c.status === 'formal' || c.status === 'dormant';
    // Fewer of the biggest buyers: they deal by contract and care less for points.
    if (!random.chance(buys ? (c.monthlyPurchase > 50_000 ? 0.12 : 0.4) : 0.04)) continue;
    // Joined when the purchases since make up the points of a tier drawn for it (about 1 point per ¥), so the
    // tiers spread over 普通 … 钻石 whatever the customer's size.
    const [low, high] = random.weighted(TIER_AIMS);
    const aim = low + random.next() * (high - low);
    const sales = buys ? (await transactions.list(admin.ctx, { customerId: c.id }, { page: 1, pageSize: 100, sort: { field: 'date', direction: 'desc' } })).rows : [];
    let joined = end - random.int(20, 400) * DAY;
    let sum = 0;
    for (const [i, t] of sales.entries()) {
      const day = new Date(`${t.date}T00:00:00+08:00`).getTime();
      // Stop at the document that would take a 普通 member past its aim, or after the one that reaches a higher aim.
      if (sum >= aim || (aim < 10_000 && sum + Number(t.amount_cents) / 100 > aim)) {
        // Joined after this document (and before the one after it, if any).
        joined = Math.min(end - DAY, day + random.int(1, 20) * DAY);
        if (i > 0) joined = Math.min(joined, new Date(`${sales[i - 1]!.date}T00:00:00+08:00`).getTime() - DAY);
        break;
      }
      sum += Number(t.amount_cents) / 100;
      joined = day;
    }
    const at = Math.max(c.createdAt.getTime() + DAY, joined);
    if (at >= end) continue;
    joins.push({ at, customerId: c.id, by: enrollerOf(c.ownerId, c.teamId), teamId: c.teamId });
  }
  const guests = (await individuals.list(admin.ctx, {}, { page: 1, pageSize: 100 })).rows;
  for (const g of guests) {
    const owner = org.users.find((u) => u.id === g.owner_id);
    const at = Math.max(new Date(g.created_at).getTime() + DAY, end - random.int(20, 400) * DAY);
    if (owner && at < end) joins.push({ at, individualId: g.id, by: owner, teamId: owner.teamId });
  }
  joins.sort((a, b) => a.at - b.at);

  const members: { id: number; teamId: number | null; guest: boolean }[] = [];
  for (const j of joins) {
    clock.set(new Date(j.at));
    const id = await s.enrol(j.by.ctx, { customerId: j.customerId, individualId: j.individualId, joinedOn: shanghaiDate(clock.now()) });
    members.push({ id, teamId: j.teamId, guest: j.individualId !== undefined });
  }

  // The points job at the demo's moment: every company member's transactions and returns since joining.
  clock.set(new Date(end - 2 * DAY));
  await s.processAll();

  // VIP guests' stays, entered by the supervisor from the hotel folio (points at ¥1 = 1 point).
  let adjusted = 0;
  let g = 0;
  for (const m of members.filter((x) => x.guest)) {
    clock.set(new Date(end - random.int(2, 15) * DAY));
    await s.adjust(supervisorOf(m.teamId).ctx, m.id, { points: STAYS[g++ % STAYS.length]!, reason: '客房与餐饮消费（酒店系统结账单），按 1 元 1 分补录。' });
    adjusted++;
  }
  // Corrections on a few company members, and year-end gifts where the balance allows.
  const company = members.filter((x) => !x.guest);
  let redeemed = 0;
  for (let i = 0; i < company.length; i++) {
    const m = company[i]!;
    if (i % 23 === 5) {
      const [points, reason] = ADJUSTMENTS[adjusted % ADJUSTMENTS.length]!;
      clock.set(new Date(end - random.int(3, 30) * DAY));
      const balance = await balanceOf(s, m.id);
      if (balance + points >= 0) {
        await s.adjust(supervisorOf(m.teamId).ctx, m.id, { points, reason });
        adjusted++;
      }
    }
    if (i % 9 === 2) {
      const balance = await balanceOf(s, m.id);
      const gift = balance >= 60_000 ? 'banquet' : balance >= 16_000 ? 'night' : balance >= 2_000 ? 'tea' : null;
      if (!gift) continue;
      clock.set(new Date(end - random.int(1, 20) * DAY));
      const enroller = supervisorOf(m.teamId);
      await s.redeem(enroller.ctx, m.id, { giftKey: gift, quantity: gift === 'tea' && balance >= 6_000 ? 2 : 1 });
      redeemed++;
    }
  }
  clock.set(clock.end);
  const tiers = (await s.distribution(admin.ctx)).map((t) => `${t.label} ${t.count}`).join(', ');
  demo.report(`${members.length} 会员 (${tiers}), ${redeemed} 兑换, ${adjusted} 调整`);
}

async function balanceOf(s: MembershipService, memberId: number): Promise<number> {
  const { member } = await s.detail(memberId, 'zh-CN');
  return Number(member.balance);
}
