import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { createContractService } from './contracts.service';

const DAY = 86_400_000;
const TITLES = ['年度采购框架合同', '产品供货合同', '技术服务合同', '年度维保服务合同', '项目合作协议', '设备采购合同'];

/**
 * Demo: contracts over the past year in every state (docs/regulations.md §13) — drafts, signed within the
 * signer's authority, above it and approved, rejected back to draft, still waiting for the director,
 * terminated and expired. The amount is a few months of the customer's purchases, so larger customers
 * sign larger contracts and some go above the signer's limit.
 */
export async function contractsDemo(s: { contracts: ReturnType<typeof createContractService> }, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const signers = new Map(org.users.map((u) => [u.id, u]));
  const director = org.byRole('director').find((d) => d.department === '客户服务部') ?? org.byRole('director')[0];
  const candidates = demo.customers.filter((c) => (c.status === 'formal' || c.status === 'dormant') && signers.get(c.ownerId)?.roles.some((r) => r !== 'agent' && r !== 'qa'));
  const count = Math.min(candidates.length, Math.max(12, Math.round(demo.customers.length * 0.03)));
  const counts: Record<string, number> = {};
  const ids: number[] = [];
  const chosen = candidates.filter((_, i) => i % Math.max(1, Math.floor(candidates.length / count)) === 0).slice(0, count);
  for (const [i, customer] of chosen.entries()) {
    const signer = signers.get(customer.ownerId)!;
    const fate = i % 8; // 0 draft, 1–3 effective, 4 approved/pending, 5 terminated, 6 expired, 7 rejected
    // Longer than the term a signer may sign alone (12 months by default): these go to the director.
    const months = fate === 4 || fate === 7 ? 36 : random.pick([3, 6, 12, 12]);
    const amount = Math.max(5_000, Math.round(customer.monthlyPurchase * months * (0.4 + random.next() * 0.8)));
    // Created 1–360 days ago; expired ones ended before today.
    const createdAgo = fate === 6 ? random.int(380, 700) : random.int(2, 360);
    const created = new Date(clock.end.getTime() - createdAgo * DAY);
    clock.set(created);
    const start = shanghaiDate(new Date(created.getTime() + random.int(1, 14) * DAY));
    const endDate = shanghaiDate(new Date(new Date(`${start}T00:00:00Z`).getTime() + (fate === 6 ? 360 : months * 30) * DAY));
    let c = await s.contracts.create(signer.ctx, {
      customerId: customer.id,
      title: `${customer.name.replace(/(集团)?(股份)?有限(责任)?公司$/, '')}${random.pick(TITLES)}`,
      amount,
      startDate: start,
      endDate,
      signerId: signer.id,
      terms: '按双方确认的订单分批供货，货到验收合格后按约定账期付款。',
    });
    if (fate !== 0) {
      clock.set(new Date(created.getTime() + random.int(1, 3) * DAY));
      c = await s.contracts.sign(signer.ctx, c.id, c.version);
      if (c.status === 'pending' && fate !== 4) {
        const request = await approvals.forDocument(director.ctx, 'contract', c.id);
        clock.set(new Date(created.getTime() + random.int(4, 6) * DAY));
        if (request) {
          const reject = fate === 7;
          await approvals.act(director.ctx, request.id, reject ? 'reject' : 'approve', { comment: reject ? '金额超出本年度预算，请与客户重新商议后再提交。' : '同意签订。', version: request.version });
        }
        c = await s.contracts.get(c.id);
      } else if (fate === 4 && c.status === 'pending' && random.chance(0.5)) {
        const request = await approvals.forDocument(director.ctx, 'contract', c.id);
        clock.set(new Date(created.getTime() + random.int(4, 6) * DAY));
        if (request) await approvals.act(director.ctx, request.id, 'approve', { comment: '同意。', version: request.version });
        c = await s.contracts.get(c.id);
      }
      if (fate === 5 && c.status === 'effective') {
        clock.set(new Date(created.getTime() + random.int(20, Math.max(21, createdAgo - 1)) * DAY));
        const manager = org.byRole('manager')[0];
        c = await s.contracts.terminate(manager.ctx, c.id, { reason: '客户业务调整，双方协商一致提前终止。', version: c.version });
      }
    }
    ids.push(c.id);
  }
  clock.set(clock.end);
  await s.contracts.expireDue();
  for (const id of ids) {
    const c = await s.contracts.get(id);
    counts[c.status] = (counts[c.status] ?? 0) + 1;
  }
  demo.report(`${chosen.length} 合同 ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
