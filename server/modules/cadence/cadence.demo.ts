import type { DemoContext } from '../../platform/modules/demo';
import type { CadenceService } from './cadence.service';

const DAY = 86_400_000;

/**
 * Demo (docs/regulations.md §8): the cadence check run two weeks ago, last week and today over the demo's
 * visits, so owners have overdue-contact tasks, the older ones escalated to their supervisors and those
 * contacted since closed; the compliance view then shows in time, due and overdue per person.
 */
export async function cadenceDemo(cadence: CadenceService, demo: DemoContext): Promise<void> {
  const { clock, org } = demo;
  const end = clock.end.getTime();
  const total = { created: 0, closed: 0, escalated: 0 };
  for (const daysAgo of [14, 7, 0]) {
    clock.set(new Date(end - daysAgo * DAY));
    const r = await cadence.run();
    total.created += r.created;
    total.closed += r.closed;
    total.escalated += r.escalated;
  }
  clock.set(clock.end);
  const view = await cadence.compliance({ actor: org.admin.ctx.actor, ip: null, requestId: 'demo', lang: 'zh-CN' }, {});
  demo.report(
    `回访频率：按时 ${view.totals.inTime}、待回访 ${view.totals.due}、逾期 ${view.totals.overdue}；逾期任务 ${total.created}，上报主管 ${total.escalated}，已回访关闭 ${total.closed}`,
  );
}
