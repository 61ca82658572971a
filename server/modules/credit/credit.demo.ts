import type { DemoContext, DemoCustomerRef } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import { BANK_RATINGS, PAYMENT_RECORDS, type RiskCategory } from './credit.rules';
import type { createCreditService } from './credit.service';
import type { PushItem, ReceivableService } from './receivables.service';

const DAY = 86_400_000;
const RISKS: [RiskCategory, string, string][] = [
  ['credit', '应收账款逾期', '近两个月回款比约定账期平均晚 25 天。'],
  ['credit', '担保方经营异常', '担保企业被列入经营异常名录。'],
  ['market', '主营产品价格下行', '行业价格下降，客户利润空间收窄，可能压缩采购。'],
  ['market', '竞争对手低价切入', '竞争对手以低于我方 8% 的报价接触客户采购部门。'],
  ['cooperation', '关键联系人离职', '客户采购经理离职，新任负责人尚未建立联系。'],
  ['cooperation', '客户内部重组', '客户正在进行组织架构调整，采购决策链可能变化。'],
];

/**
 * Demo: credit surveys of customers that buy on credit, from plausible figures for their size (registered
 * capital, revenue, overdue amounts), so the ratings spread over the bands; and risks over the 5 × 5 matrix,
 * the high ones with a response plan, some closed with their outcome (docs/regulations.md §5).
 */
export async function creditDemo(services: { credit: ReturnType<typeof createCreditService>; receivables: ReceivableService }, demo: DemoContext): Promise<void> {
  const s = services.credit;
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const finance = org.byRole('finance')[0];
  const buyers = demo.customers.filter((c) => c.status === 'formal' || c.status === 'dormant');
  const count = Math.min(buyers.length, Math.max(12, Math.round(demo.customers.length * 0.01)));
  let surveys = 0;
  const surveyed: { customer: (typeof buyers)[number]; quality: number }[] = [];
  for (let i = 0; i < count; i++) {
    const c = buyers[(i * 5) % buyers.length];
    const annualWan = (c.monthlyPurchase * 12) / 10_000;
    const quality = i % 4; // spreads the ratings: 0 best … 3 worst
    clock.set(new Date(end - random.int(10, 300) * DAY));
    await s.createSurvey(finance.ctx, c.id, {
      surveyDate: shanghaiDate(clock.now()),
      registeredCapitalWan: Math.max(10, Math.round(c.staffCount * random.int(2, 20))),
      yearsInBusiness: quality === 3 ? random.int(1, 3) : random.int(3, 25),
      paymentRecord: PAYMENT_RECORDS[quality],
      overdueWan: quality >= 2 ? Math.round(annualWan * (0.02 + quality * 0.05) * 10) / 10 : 0,
      bankRating: BANK_RATINGS[Math.min(BANK_RATINGS.length - 1, quality + random.int(0, 1))],
      annualRevenueWan: Math.round(c.staffCount * random.int(20, 80)),
      creditLimitWan: Math.max(1, Math.round(annualWan / (quality + 2))),
      paymentTermsDays: [60, 45, 30, 0][quality],
      notes: quality >= 2 ? '建议缩短账期，加强回款跟踪。' : null,
    });
    surveys++;
    surveyed.push({ customer: c, quality });
  }
  let risks = 0;
  let closed = 0;
  const owners = org.users.filter((u) => u.roles.some((r) => r === 'specialist' || r === 'supervisor'));
  for (let i = 0; i < Math.max(10, Math.round(count * 0.8)); i++) {
    const c = buyers[(i * 11 + 3) % buyers.length];
    const owner = owners.find((u) => u.id === c.ownerId) ?? finance;
    const [category, title, description] = RISKS[i % RISKS.length];
    const likelihood = random.int(1, 5);
    const impact = random.int(1, 5);
    clock.set(new Date(end - random.int(5, 200) * DAY));
    let risk = await s.createRisk(owner.ctx, {
      customerId: c.id,
      category,
      title,
      description,
      likelihood,
      impact,
      // Every risk gets a response here; the rules demand one for the high ones.
      response: likelihood * impact >= 6 ? '每周跟踪回款与经营情况，必要时调整信用额度与账期。' : null,
    });
    risks++;
    if (i % 4 === 3) {
      clock.set(new Date(clock.now().getTime() + random.int(20, 60) * DAY));
      risk = await s.closeRisk(owner.ctx, risk.id, { outcome: random.chance(0.3) ? 'occurred' : 'not_occurred', note: '风险已跟踪至结束。', version: risk.version });
      closed++;
    }
  }
  const receivables = await receivablesDemo(services.receivables, demo, surveyed, buyers);
  clock.set(clock.end);
  demo.report(`${surveys} 信用调查, ${risks} 风险 (${closed} 已关闭), ${receivables}`);
}

type Payer = 'prompt' | 'late' | 'overdue30' | 'overdue90';

/**
 * Twelve months of receivables 应收账款 pushed by the ERP once a month, for the surveyed customers and as
 * many other buyers: most paid by the due date; the worst-rated stop paying (90+ days overdue: two levels
 * off the rating), some have a month overdue (one level), one pays its arrears late and gets its rating
 * back (docs/regulations.md §5). Each push recomputes the touched customers as of its day, so the rating
 * history shows when and why a rating was lowered.
 */
async function receivablesDemo(r: ReceivableService, demo: DemoContext, surveyed: { customer: DemoCustomerRef; quality: number }[], buyers: DemoCustomerRef[]): Promise<string> {
  const { random, clock } = demo;
  const finance = demo.org.byRole('finance')[0];
  if (!finance || !buyers.length) return '0 应收账款';
  const end = clock.end.getTime();
  const MONTHS = 12;
  const debtors: { c: DemoCustomerRef; terms: number; payer: Payer }[] = surveyed.map(({ customer, quality }, i) => ({
    c: customer,
    terms: [60, 45, 30, 15][quality]!,
    payer: quality === 3 ? 'overdue90' : quality === 2 && i % 8 === 2 ? 'overdue30' : quality === 2 && i % 8 === 6 ? 'late' : 'prompt',
  }));
  const taken = new Set(debtors.map((d) => d.c.id));
  for (let i = 0; debtors.length < surveyed.length * 2 && i < buyers.length; i++) {
    const c = buyers[(i * 7 + 1) % buyers.length]!;
    if (taken.has(c.id)) continue;
    taken.add(c.id);
    debtors.push({ c, terms: 30, payer: 'prompt' });
  }

  // Every document decided first: issued, due and (if ever) paid; the pushes below report each as it stood.
  type Doc = { item: Omit<PushItem, 'paidAmount' | 'paidDate'>; issued: number; paid: number | null };
  const docs: Doc[] = [];
  let seq = 0;
  for (const d of debtors) {
    for (let m = MONTHS; m >= 1; m--) {
      const issued = end - m * 30 * DAY + random.int(0, 5) * DAY;
      const due = issued + d.terms * DAY;
      const amount = Math.round(d.c.monthlyPurchase * (0.6 + random.next() * 0.7) * 100) / 100;
      let paid: number | null = due - random.int(0, 10) * DAY;
      if (d.payer === 'overdue90' && due >= end - 150 * DAY) paid = null;
      if (d.payer === 'overdue30' && due >= end - 55 * DAY) paid = null;
      if (d.payer === 'late' && due >= end - 150 * DAY && due < end - 30 * DAY) paid = end - 12 * DAY; // settled a fortnight ago
      if (paid !== null && (paid > end - DAY || paid < issued)) paid = paid < issued ? issued : null;
      const date = shanghaiDate(new Date(issued)).replace(/-/g, '');
      docs.push({ item: { docNo: `YS${date}${String(++seq).padStart(5, '0')}`, customerId: d.c.id, amount: Math.max(100, amount), dueDate: shanghaiDate(new Date(due)) }, issued, paid });
    }
  }
  const asOf = (doc: Doc, t: number): PushItem =>
    doc.paid !== null && doc.paid <= t ? { ...doc.item, paidAmount: doc.item.amount, paidDate: shanghaiDate(new Date(doc.paid)) } : { ...doc.item, paidAmount: 0, paidDate: null };

  let pushes = 0;
  let prev = -Infinity;
  for (let m = MONTHS - 1; m >= 0; m--) {
    const t = m === 0 ? end - 3_600_000 : end - m * 30 * DAY + 6 * DAY;
    // What changed since the last push: new documents and payments received.
    const items = docs.filter((doc) => (doc.issued > prev && doc.issued <= t) || (doc.paid !== null && doc.paid > prev && doc.paid <= t && doc.issued <= prev)).map((doc) => asOf(doc, t));
    prev = t;
    if (!items.length) continue;
    clock.set(new Date(t));
    for (let i = 0; i < items.length; i += 1000) await r.push(finance.ctx, { source: 'ERP', items: items.slice(i, i + 1000) });
    pushes++;
  }
  const overdue = docs.filter((doc) => doc.paid === null && doc.issued <= end && new Date(`${doc.item.dueDate}T00:00:00+08:00`).getTime() < end).length;
  return `${docs.length} 应收账款 (${overdue} 逾期, ${debtors.filter((d) => d.payer.startsWith('overdue')).length} 客户逾期; ERP 推送 ${pushes} 次)`;
}
