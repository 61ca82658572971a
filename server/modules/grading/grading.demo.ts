import type { DemoContext } from '../../platform/modules/demo';
import type { createGradingService } from './grading.service';

const DAY = 86_400_000;
const CHUNK = 100;
const OVERRIDES: [up: boolean, reason: string][] = [
  [true, '客户明年扩大采购计划已签意向书，提前列为重点维护。'],
  [false, '近半年回款多次逾期，暂不提级，待信用复核后再议。'],
  [true, '客户为行业标杆企业，对区域市场有示范作用。'],
  [false, '主要采购转向竞争对手，合作意向减弱。'],
];

/**
 * Demo: the grading proposal over the archive (docs/regulations.md §3), most proposals confirmed by the
 * team's supervisor in bulk, a few given another grade with a reason, and the rest left open so the
 * grading board has rows to decide.
 */
export async function gradingDemo(s: ReturnType<typeof createGradingService>, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const director = org.byRole('director')[0];
  if (!director) return;
  // The proposal as the nightly run makes it, five weeks ago: the supervisors decide over the following weeks.
  clock.set(new Date(end - 35 * DAY));
  await s.proposeNow(director.ctx);

  const codes = ['A', 'B', 'C'];
  let confirmed = 0;
  let overridden = 0;
  let open = 0;
  for (const team of org.teams) {
    const supervisor = org.users.find((u) => u.id === team.supervisorId);
    const mine = demo.customers.filter((c) => c.teamId === team.id);
    if (!supervisor || !mine.length) continue;
    const decide: { customerId: number; grade?: string; reason?: string }[] = [];
    for (const c of mine) {
      const roll = random.next();
      if (roll < 0.15) {
        open++;
        continue;
      }
      if (roll < 0.18) {
        const proposed = (await s.customerGrade(c.id)).proposal?.grade ?? 'C';
        const [up, reason] = random.pick(OVERRIDES);
        const at = codes.indexOf(proposed);
        const grade = codes[Math.max(0, Math.min(codes.length - 1, at + (up ? -1 : 1)))];
        if (grade !== proposed) {
          decide.push({ customerId: c.id, grade, reason });
          overridden++;
          continue;
        }
      }
      decide.push({ customerId: c.id });
    }
    for (let i = 0; i < decide.length; i += CHUNK) {
      clock.set(new Date(end - random.int(7, 33) * DAY - random.int(0, 8) * 3_600_000));
      confirmed += await s.confirm(supervisor.ctx, decide.slice(i, i + CHUNK));
    }
  }
  clock.set(clock.end);
  demo.report(`${confirmed} 等级已确认 (${overridden} 调整并说明理由), ${open} 待确认`);
}
