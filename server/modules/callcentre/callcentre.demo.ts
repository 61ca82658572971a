import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { createQaService } from './callcentre.qa';
import { CATEGORIES, DEFAULT_QA_TEMPLATE, type Category } from './callcentre.rules';
import type { createCallcentreService } from './callcentre.service';

const DAY = 86_400_000;
const TALK: Record<Category, [string, string][]> = {
  consult: [
    ['询问新品规格及供货周期', '已告知规格，供货周期 15 天'],
    ['咨询月结账期办理条件', '已说明条件，转客户负责人跟进'],
  ],
  accept: [
    ['追加订单 200 件，要求下周送达', '已受理，转销售确认库存'],
    ['申请更换收货地址', '已登记新地址'],
  ],
  complaint: [['反映上批货物外箱破损', '已致歉并登记，答复 2 个工作日内处理']],
  visit: [['季度回访：使用情况良好', '客户满意，无新需求']],
  marketing: [['推介年度框架协议优惠', '客户有意向，约下周面谈']],
};

/**
 * Demo (docs/regulations.md §1 呼叫中心): two months of the agents' calls, some with customers of the archive, and
 * last month's QA sample scored by the QA inspector, so the call list, the QA pages and the report show rows.
 */
export async function callcentreDemo(s: { calls: ReturnType<typeof createCallcentreService>; callQa: ReturnType<typeof createQaService> }, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const agents = org.users.filter((u) => u.roles.includes('agent') || u.roles.includes('team_lead'));
  const qa = org.byRole('qa')[0];
  if (!agents.length) return;
  const end = clock.end.getTime();
  const customers = demo.customers.filter((c) => c.contacts.some((k) => k.mobile));
  let calls = 0;
  for (let i = 0; i < 36; i++) {
    const agent = agents[i % agents.length];
    const category = CATEGORIES[random.int(0, CATEGORIES.length - 1)];
    const [summary, result] = random.pick(TALK[category]);
    const customer = customers.length && random.chance(0.7) ? customers[(i * 11) % customers.length] : null;
    const phone = customer?.contacts.find((k) => k.mobile)?.mobile ?? `1${random.int(30, 89)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const startedAt = new Date(end - random.int(1, 58) * DAY - random.int(0, 8) * 3_600_000);
    clock.set(new Date(startedAt.getTime() + 10 * 60_000));
    await s.calls.create(agent.ctx, {
      direction: category === 'marketing' || category === 'visit' ? 'outbound' : 'inbound',
      phone,
      customerId: customer?.id ?? null,
      startedAt: startedAt.toISOString(),
      durationSec: random.int(40, 900),
      category,
      summary,
      result,
      followUp: null,
    });
    calls++;
  }
  let scored = 0;
  if (qa) {
    // Last month's sample, scored early this month.
    const lastMonth = shanghaiDate(new Date(end - 31 * DAY)).slice(0, 7);
    clock.set(new Date(end - 2 * DAY));
    for (const agent of await s.callQa.sample(qa.ctx, lastMonth)) {
      for (const call of agent.sample.slice(0, 2)) {
        const scores = Object.fromEntries(DEFAULT_QA_TEMPLATE.map((item) => [item.key, random.int(70, 100)]));
        await s.callQa.score(qa.ctx, call.id, { scores, comment: scores.solution < 80 ? '解决方案可更具体' : null });
        scored++;
      }
    }
  }
  demo.report(`${calls} 通话，质检 ${scored} 条`);
}
