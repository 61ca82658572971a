import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { createEndingService } from './ending.service';
import type { createEvaluationService } from './evaluations.service';

const DAY = 86_400_000;
const CONCLUSIONS = {
  high: '合作稳定，回款及时，继续保持并争取扩大合作范围。',
  mid: '合作总体正常，但采购量波动较大，需加强高层互访。',
  low: '近一年采购量下降明显且多次逾期，建议评估是否继续合作。',
};

/**
 * Demo: customer evaluations on the built-in scorecard with totals in each recommendation band
 * (maintain / strengthen / terminate, docs/regulations.md §4); most submitted, some confirmed by the
 * supervisor, one returned for more evidence.
 */
export async function evaluationsDemo(s: ReturnType<typeof createEvaluationService>, demo: DemoContext, ending?: ReturnType<typeof createEndingService>): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const template = (await s.listTemplates(false))[0];
  if (!template) return;
  const writers = new Map(org.users.filter((u) => u.roles.some((r) => r === 'specialist' || r === 'supervisor')).map((u) => [u.id, u]));
  const candidates = demo.customers.filter((c) => (c.status === 'formal' || c.status === 'dormant') && writers.has(c.ownerId));
  const count = Math.min(candidates.length, Math.max(12, Math.round(demo.customers.length * 0.01)));
  const outcome: Record<string, number> = {};
  let toEnd: { id: number; owner: (typeof org.users)[number]; at: number } | null = null;
  for (let i = 0; i < count; i++) {
    const c = candidates[(i * 3) % candidates.length];
    const owner = writers.get(c.ownerId)!;
    const level = (['high', 'mid', 'low'] as const)[i % 3];
    const base = level === 'high' ? 88 : level === 'mid' ? 70 : 48;
    clock.set(new Date(end - random.int(5, 300) * DAY));
    const id = await s.create(owner.ctx, {
      customerId: c.id,
      templateId: template.id,
      evaluatedOn: shanghaiDate(clock.now()),
      conclusion: CONCLUSIONS[level],
      scores: template.indicators.map((ind) => ({ indicatorId: ind.id, score: Math.max(0, Math.min(100, base + random.int(-6, 6))), basis: '依据近一年交易、回款与拜访记录评分。' })),
    });
    if (i % 5 !== 4) {
      clock.set(new Date(clock.now().getTime() + DAY));
      await s.submit(owner.ctx, id, (await s.get(id)).version);
      const reviewer = org.users.find((u) => u.supervises && u.teamId === owner.teamId && u.id !== owner.id) ?? org.byRole('manager')[0];
      if (i % 5 !== 3) {
        clock.set(new Date(clock.now().getTime() + 2 * DAY));
        const returned = i % 7 === 6;
        await s.review(reviewer.ctx, id, { version: (await s.get(id)).version, comment: returned ? '请补充近三个月回款记录作为评分依据。' : '同意评估结论。' }, returned ? 'returned' : 'confirmed');
      }
    }
    const row = await s.get(id);
    if (!toEnd && row.recommendation === 'terminate' && row.status === 'confirmed') toEnd = { id, owner, at: clock.now().getTime() };
    const key = `${row.recommendation} ${row.status}`;
    outcome[key] = (outcome[key] ?? 0) + 1;
  }
  // One confirmed 终止关系 evaluation taken on to a request to end cooperation, waiting for the approvers (§4).
  let ended = '';
  if (ending && toEnd) {
    clock.set(new Date(Math.max(toEnd.at + DAY, end - 3 * DAY)));
    await ending.fromEvaluation(toEnd.owner.ctx, toEnd.id, '评估结论为终止关系：近一年采购量下降六成，且多次逾期付款，建议终止合作。');
    ended = ', 1 终止合作申请待审批';
  }
  clock.set(clock.end);
  demo.report(`${count} 客户评估 (${Object.entries(outcome).map(([k, v]) => `${k} ${v}`).join(', ')})${ended}`);
}
