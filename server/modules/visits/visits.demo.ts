import type { DemoContext, DemoCustomerRef, DemoPerson } from '../../platform/modules/demo';
import type { ApprovalService } from '../approvals/approvals.types';
import { shanghaiDate } from '../../platform/time';
import type { Brand, Method, Quality, Satisfaction, Service } from './visits.rules';
import type { VisitService } from './visits.service';

const DAY = 86_400_000;

/** Centres of the demo's cities (WGS-84, as a phone's geolocation reports them). */
const CITY_CENTRES: Record<string, [number, number]> = {
  北京市: [39.9042, 116.4074], 上海市: [31.2304, 121.4737], 天津市: [39.3434, 117.3616], 重庆市: [29.563, 106.5516],
  广州市: [23.1291, 113.2644], 深圳市: [22.5431, 114.0579], 东莞市: [23.0207, 113.7518], 佛山市: [23.0215, 113.1214],
  杭州市: [30.2741, 120.1551], 宁波市: [29.8683, 121.544], 温州市: [27.9938, 120.6994], 南京市: [32.0603, 118.7969],
  苏州市: [31.299, 120.5853], 无锡市: [31.4912, 120.3119], 厦门市: [24.4798, 118.0894], 福州市: [26.0745, 119.2965],
  济南市: [36.6512, 117.1201], 青岛市: [36.0671, 120.3826], 武汉市: [30.5928, 114.3055], 长沙市: [28.2282, 112.9388],
  郑州市: [34.7466, 113.6254], 成都市: [30.5728, 104.0668], 西安市: [34.3416, 108.9398], 合肥市: [31.8206, 117.2272],
  沈阳市: [41.8057, 123.4315], 大连市: [38.914, 121.6147], 哈尔滨市: [45.8038, 126.535], 昆明市: [24.8801, 102.8329],
  南宁市: [22.817, 108.3665], 石家庄市: [38.0428, 114.5149], 太原市: [37.8706, 112.5489], 南昌市: [28.682, 115.8579],
  贵阳市: [26.647, 106.6302],
};
/** Cities whose demo customers get stored coordinates, so the route planner has stops to order. */
const LOCATED_CITIES = ['杭州市', '上海市', '苏州市', '广州市', '深圳市', '北京市'];

/** Territories over the demo's regions: the sales teams' provinces, a few city territories, the rest for customer service. */
const TERRITORIES: { name: string; owner: string; regions: { province: string; city?: string }[]; notes?: string }[] = [
  { name: '华东片区', owner: 'huang.wei', regions: ['上海市', '浙江省', '江苏省', '安徽省', '福建省', '山东省', '江西省'].map((province) => ({ province })) },
  { name: '华南片区', owner: 'lin.feng', regions: [{ province: '广东省' }, { province: '广西壮族自治区' }] },
  { name: '华北片区', owner: 'gao.peng', regions: ['北京市', '天津市', '河北省', '山西省', '辽宁省', '黑龙江省'].map((province) => ({ province })) },
  { name: '华中西南片区', owner: 'sun.li', regions: ['湖北省', '湖南省', '河南省', '四川省', '重庆市', '陕西省', '云南省', '贵州省'].map((province) => ({ province })), notes: '由客户关系组统一走访。' },
  { name: '杭州市区', owner: 'zhao.qiang', regions: [{ province: '浙江省', city: '杭州市' }] },
  { name: '苏锡地区', owner: 'xu.ting', regions: [{ province: '江苏省', city: '苏州市' }, { province: '江苏省', city: '无锡市' }] },
  { name: '深莞地区', owner: 'he.fang', regions: [{ province: '广东省', city: '深圳市' }, { province: '广东省', city: '东莞市' }] },
  { name: '北京城区', owner: 'ma.chao', regions: [{ province: '北京市', city: '北京市' }] },
];

const PURPOSES = ['季度例行回访', '了解产品使用情况', '跟进上月投诉处理结果', '新产品推介', '合同续签前沟通', '收集年度需求计划'];
const OPINIONS: Record<Satisfaction, string> = {
  good: '对产品质量和交货期都很满意，希望继续保持。',
  fairly_good: '整体满意，个别批次包装有破损。',
  average: '质量尚可，但售后响应偏慢。',
  poor: '近两批货物交期延误，影响了客户生产。',
  very_poor: '质量问题反复出现，客户表示考虑更换供应商。',
};
const SUGGESTIONS = ['希望提供更详细的产品使用培训。', '建议缩短订货到交货的周期。', '希望增加季度对账次数。', '建议售后服务电话延长服务时间。', null];

/**
 * Demo (docs/regulations.md §8): a year of visit records (on site with check-in coordinates, by phone and
 * by e-mail) and phone calls, scored 走访客户报告单 across regions, territories over the demo's provinces
 * and cities with their owners, and customer coordinates in a few cities for the route planner.
 */
export async function visitsDemo(s: VisitService, demo: DemoContext, approvals?: Pick<ApprovalService, 'forDocument' | 'act'>): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const field = new Map(org.users.filter((u) => u.roles.some((r) => r === 'specialist' || r === 'sales' || r === 'supervisor')).map((u) => [u.id, u]));
  const served = demo.customers.filter((c) => field.has(c.ownerId) && c.status !== 'lost');
  if (!served.length) return;
  const near = (city: string) => {
    const [lat, lng] = CITY_CENTRES[city] ?? [31.2304, 121.4737];
    // Within about 8 km of the centre: a plausible address in the city.
    return { lat: Math.round((lat + (random.next() - 0.5) * 0.14) * 1e6) / 1e6, lng: Math.round((lng + (random.next() - 0.5) * 0.16) * 1e6) / 1e6 };
  };
  const supervisorOf = (p: DemoPerson) => org.users.find((u) => u.supervises && u.teamId === p.teamId && u.id !== p.id) ?? org.byRole('manager')[0];

  // ── territories ──
  let territories = 0;
  for (const t of TERRITORIES) {
    const owner = org.users.find((u) => u.username === t.owner);
    if (!owner) continue;
    const head = owner.department === '销售部' ? org.user('yang.fan') : org.user('zhou.min');
    clock.set(new Date(end - 360 * DAY));
    await s.territories.createTerritory(head.ctx, { name: t.name, ownerId: owner.id, regions: t.regions, notes: t.notes ?? null });
    territories++;
  }

  // ── customer coordinates in a few cities ──
  let located = 0;
  clock.set(new Date(end - 340 * DAY));
  for (const city of LOCATED_CITIES) {
    for (const c of served.filter((x) => x.city === city).slice(0, 40)) {
      await s.territories.setLocation(field.get(c.ownerId)!.ctx, c.id, near(city));
      located++;
    }
  }

  // ── a year of visits and calls ──
  const count = Math.min(600, Math.max(60, Math.round(demo.customers.length * 0.12)));
  const methods: [Method, number][] = [['on_site', 5], ['phone', 3], ['email', 1]];
  const satisfactions: [Satisfaction, number][] = [['good', 5], ['fairly_good', 4], ['average', 2], ['poor', 1], ['very_poor', 0.3]];
  const byMethod: Record<string, number> = {};
  let created = 0;
  const onSite: { id: number; customer: DemoCustomerRef; visitor: DemoPerson; at: Date }[] = [];
  for (let i = 0; i < count; i++) {
    const customer = served[(i * 13 + 5) % served.length];
    const visitor = field.get(customer.ownerId)!;
    const call = i % 5 === 2;
    const method: Method = call ? 'phone' : random.weighted(methods);
    const daysAgo = Math.max(0, Math.round(365 - (i * 365) / count) - random.int(0, 2));
    const visitedAt = new Date(`${shanghaiDate(new Date(end - daysAgo * DAY))}T${String(random.int(9, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+08:00`);
    if (visitedAt.getTime() > end) continue;
    clock.set(visitedAt);
    const satisfaction = random.weighted(satisfactions);
    const followUp = !call && random.chance(0.3);
    const contact = customer.contacts[0]?.name ?? null;
    const checkIn = method === 'on_site' ? { at: visitedAt.toISOString(), ...near(customer.city), accuracyM: random.int(5, 60) } : null;
    const v = await s.createVisit(visitor.ctx, {
      customerId: customer.id,
      kind: call ? 'call' : 'record',
      method,
      visitedAt: visitedAt.toISOString(),
      contactName: contact,
      purpose: random.pick(PURPOSES),
      points: call ? '电话确认近期订单执行情况及付款安排。' : '介绍本季度产品与服务调整，听取客户意见。',
      satisfaction: call ? null : satisfaction,
      opinions: OPINIONS[satisfaction],
      countermeasures: satisfaction === 'poor' || satisfaction === 'very_poor' ? '已反馈生产部与物流部，一周内给客户书面答复。' : null,
      result: call ? '客户确认订单按期执行。' : '客户认可，同意保持合作。',
      nextStep: followUp ? '寄送新产品样品并电话确认' : null,
      nextDate: followUp ? shanghaiDate(new Date(visitedAt.getTime() + random.int(5, 14) * DAY)) : null,
      checkIn,
      // A first check-in at a customer with no coordinates keeps them (the route planner's stops).
      saveLocation: !!checkIn && !LOCATED_CITIES.includes(customer.city) && random.chance(0.5),
    });
    created++;
    byMethod[call ? 'call' : method] = (byMethod[call ? 'call' : method] ?? 0) + 1;
    if (method === 'on_site' && !call) onSite.push({ id: v.id, customer, visitor, at: visitedAt });
    if (!call && i % 6 === 0) {
      const lead = supervisorOf(visitor);
      clock.set(new Date(visitedAt.getTime() + random.int(1, 2) * DAY));
      await s.comment(lead.ctx, v.id, { comment: satisfaction === 'poor' || satisfaction === 'very_poor' ? '请跟进整改措施落实情况，下周汇报。' : '记录完整，继续保持。', version: v.version });
    }
  }

  // ── 走访客户报告单 on some on-site visits, across the regions ──
  const qualities: [Quality, number][] = [['excellent', 2], ['very_good', 4], ['good', 4], ['average', 2], ['acceptable', 1], ['unacceptable', 0.3]];
  const services: [Service, number][] = [['excellent', 2], ['very_good', 4], ['good', 3], ['average', 2], ['poor', 0.5], ['bad', 0.1]];
  const brands: [Brand, number][] = [['very_famous', 1], ['famous', 2], ['well_known', 3], ['fairly_known', 3], ['known', 2], ['heard_of', 1], ['unknown', 0.3]];
  let reports = 0;
  const provinces = new Set<string>();
  for (const [i, v] of onSite.entries()) {
    if (i % 3 !== 0) continue;
    clock.set(new Date(v.at.getTime() + 2 * 3_600_000));
    const head = v.customer.contacts[0];
    await s.reports.createReport(v.visitor.ctx, {
      customerId: v.customer.id,
      visitId: v.id,
      reportDate: shanghaiDate(v.at),
      quality: random.weighted(qualities),
      service: random.weighted(services),
      brand: random.weighted(brands),
      suggestions: random.pick(SUGGESTIONS),
      contacts: head ? [{ role: 'head', name: head.name, position: '总经理', mobile: head.mobile }] : [],
      signedBy: head?.name ?? null,
    });
    reports++;
    provinces.add(v.customer.province);
  }
  const plans = approvals ? await plansDemo(s, demo, approvals, [...field.values()], served, supervisorOf, near) : '';
  clock.set(clock.end);
  const methodsLine = Object.entries(byMethod).map(([k, n]) => `${k} ${n}`).join(', ');
  demo.report(`${created} 回访 (${methodsLine}), ${reports} 走访客户报告单 (${provinces.size} 个省份), ${territories} 片区, ${located} 客户坐标${plans}`);
}

/**
 * Monthly visit plans 回访计划表 of a few specialists for the last months and the next one, in each state
 * (approved, returned, submitted, one late), the approved ones partly carried out by visits tied to their lines.
 */
async function plansDemo(
  s: VisitService,
  demo: DemoContext,
  approvals: Pick<ApprovalService, 'forDocument' | 'act'>,
  people: DemoPerson[],
  served: DemoCustomerRef[],
  supervisorOf: (p: DemoPerson) => DemoPerson,
  near: (city: string) => { lat: number; lng: number },
): Promise<string> {
  const { clock, random } = demo;
  const end = clock.end.getTime();
  const authors = people.filter((p) => p.roles.includes('specialist') && served.some((c) => c.ownerId === p.id)).slice(0, 4);
  const today = shanghaiDate(clock.end);
  const month = (offset: number) => {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
    return d.toISOString().slice(0, 7);
  };
  let count = 0;
  let done = 0;
  const states: Record<string, number> = {};
  for (const [ai, author] of authors.entries()) {
    const mine = served.filter((c) => c.ownerId === author.id);
    for (const offset of [-3, -2, -1, 0, 1]) {
      const period = month(offset);
      // the plan is drafted a week before the month, submitted by the due day — one author misses it once
      const lateOne = ai === 0 && offset === -1;
      const dueDay = new Date(`${month(offset - 1)}-28T10:00:00+08:00`).getTime();
      // next month's plans are drafted in the last days before the demo's today when the due day is still ahead
      const draftAt = Math.min(dueDay - 6 * DAY, end - 2 * DAY);
      clock.set(new Date(draftAt));
      const plan = await s.plans.createPlan(author.ctx, { kind: 'monthly', period });
      const days = [3, 6, 9, 13, 16, 20, 23, 27];
      const lines = mine.slice(0, 8).map((c, i) => {
        const method: Method = i % 3 === 2 ? 'phone' : 'on_site';
        return { customerId: c.id, plannedOn: `${period}-${String(days[i]).padStart(2, '0')}`, purpose: PURPOSES[i % PURPOSES.length], method, place: method === 'on_site' ? `${c.city}客户办公室` : null, expectedCost: method === 'on_site' ? random.int(80, 400) : null };
      });
      if (!lines.length) continue;
      const saved = await s.plans.updatePlan(author.ctx, plan.id, { lines, version: plan.version });
      count++;
      // next month's plan of the last author stays a draft
      if (offset === 1 && ai === authors.length - 1) {
        states.draft = (states.draft ?? 0) + 1;
        continue;
      }
      const submitAt = lateOne ? dueDay + 4 * DAY : Math.min(dueDay, end - DAY);
      clock.set(new Date(submitAt));
      const sent = await s.plans.submitPlan(author.ctx, plan.id, { version: saved.version });
      const lead = supervisorOf(author);
      const decide = async (action: 'approve' | 'return', comment: string) => {
        clock.set(new Date(Math.min(end, submitAt + DAY)));
        const request = await approvals.forDocument(lead.ctx, 'visit_plan', plan.id);
        if (request && request.canAct.includes(action)) await approvals.act(lead.ctx, request.id, action, { comment, version: request.version });
      };
      if (offset === 1) {
        // next month's plans wait for the supervisor
        states.pending = (states.pending ?? 0) + 1;
        continue;
      }
      if (offset === 0 && ai === 1) {
        await decide('return', '上门拜访天数偏少，请补充大客户的上门安排后重新提交。');
        states.returned = (states.returned ?? 0) + 1;
        continue;
      }
      await decide('approve', '同意，按计划执行。');
      states.approved = (states.approved ?? 0) + 1;
      // most lines of past months were carried out, tied to their line
      const approved = await s.plans.getPlan(sent.id);
      for (const l of approved.lines) {
        const at = new Date(`${l.planned_on}T10:30:00+08:00`);
        if (at.getTime() > end || random.chance(0.25)) continue;
        clock.set(at);
        const city = mine.find((c) => c.id === l.customer_id)?.city ?? '';
        const checkIn = l.method === 'on_site' ? { at: at.toISOString(), ...near(city), accuracyM: random.int(5, 60) } : null;
        await s.createVisit(author.ctx, { customerId: l.customer_id, kind: 'record', method: l.method as Method, visitedAt: at.toISOString(), purpose: l.purpose, points: '按回访计划执行。', checkIn, planLineId: l.id });
        done++;
      }
    }
  }
  const stateLine = Object.entries(states).map(([k, n]) => `${k} ${n}`).join(', ');
  return count ? `, ${count} 回访计划 (${stateLine}; ${done} 行已完成)` : '';
}
