import type { DemoContext } from '../../platform/modules/demo';
import type { LoyaltyService } from './loyalty.service';

const REASONS = ['客户采购负责人更换，新负责人倾向其他供应商', '客户业务收缩，今年采购计划减半', '对上次交货延误不满，暂停下单', '竞争对手报价更低，客户正在比价'];

/**
 * Demo (docs/regulations.md §16): the churn check as of the demo's today (outreach tasks for the owners), reasons
 * on some of the risks written by their owners, and the longest-silent proposed customer recorded as lost.
 * RFM segments come from the transactions demo's year of purchases.
 */
export async function loyaltyDemo(loyalty: LoyaltyService, demo: DemoContext): Promise<void> {
  const { org, clock } = demo;
  clock.set(clock.end);
  await loyalty.run();
  const director = org.byRole('director')[0] ?? org.admin;
  const risks = (await loyalty.churnRisks(director.ctx, {})).rows;
  for (const [i, e] of risks.slice(0, REASONS.length).entries()) {
    const owner = org.users.find((u) => u.id === e.customer.owner_id) ?? director;
    await loyalty.setReason(owner.ctx, e.customer.id, REASONS[i]!);
  }
  const [lost] = (await loyalty.lostProposals(director.ctx)).rows;
  if (lost) await loyalty.markLost(director.ctx, lost.id, '连续一年无采购，客户已转向其他供应商');
}
