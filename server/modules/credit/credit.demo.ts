import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import { BANK_RATINGS, PAYMENT_RECORDS, type RiskCategory } from './credit.rules';
import type { createCreditService } from './credit.service';

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
export async function creditDemo(s: ReturnType<typeof createCreditService>, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const finance = org.byRole('finance')[0];
  const buyers = demo.customers.filter((c) => c.status === 'formal' || c.status === 'dormant');
  const count = Math.min(buyers.length, Math.max(12, Math.round(demo.customers.length * 0.01)));
  let surveys = 0;
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
  clock.set(clock.end);
  demo.report(`${surveys} 信用调查, ${risks} 风险 (${closed} 已关闭)`);
}
