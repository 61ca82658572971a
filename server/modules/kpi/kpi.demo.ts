import type { DemoContext } from '../../platform/modules/demo';
import { nextSlot, shiftMonth } from './kpi.rules';
import type { KpiService } from './kpi.service';

/**
 * Demo data of docs/regulations.md §17, §19, written through the service: targets for the demo people,
 * the supervisors' monthly reports of the last months (some late), one annulled deduction, and the
 * department's meetings with minutes. Deterministic: only the seeded random generator and the demo clock.
 */
export async function kpiDemo(kpi: KpiService, demo: DemoContext) {
  const { org, clock, random } = demo;
  const end = clock.end;
  const month = end.toISOString().slice(0, 7);
  const lead = org.byRole('manager')[0] ?? org.byRole('director')[0];
  const supervisors = org.users.filter((u) => u.supervises);
  const front = [...org.byRole('specialist'), ...org.byRole('sales')];
  let targets = 0;
  let reports = 0;
  let minutes = 0;

  for (const m of [shiftMonth(month, -2), shiftMonth(month, -1), month]) {
    for (const p of front) {
      await kpi.setTarget(lead.ctx, { subjectType: 'user', subjectId: p.id, metric: 'new_customers', period: m, target: 2 });
      await kpi.setTarget(lead.ctx, { subjectType: 'user', subjectId: p.id, metric: 'complaint_in_time_rate', period: m, target: 95 });
      targets += 2;
    }
    for (const tm of org.teams) {
      await kpi.setTarget(lead.ctx, { subjectType: 'team', subjectId: tm.id, metric: 'new_customers', period: m, target: 6 });
      targets++;
    }
  }

  // The supervisors' monthly reports of the last three months: on time mostly, some a few days late.
  for (const m of [shiftMonth(month, -3), shiftMonth(month, -2), shiftMonth(month, -1)]) {
    for (const s of supervisors) {
      for (const [kind, day] of [['monthly_forecast', 25], ['monthly_summary', 25], ['monthly_analysis', 28]] as const) {
        const late = random.chance(0.25);
        const at = new Date(`${m}-${String(late ? Math.min(day + random.int(1, 2), 28) + (day === 28 ? 0 : 0) : day - random.int(0, 3)).padStart(2, '0')}T09:30:00+08:00`);
        if (at > end) continue;
        clock.set(at);
        await kpi.submitReport(s.ctx, { kind, period: m, content: `${m} ${s.team ?? s.department}` });
        reports++;
      }
    }
  }
  clock.set(end);

  // One deduction annulled by the manager, with the reason.
  const last = shiftMonth(month, -1);
  const tallies = await kpi.monthly(lead.ctx, last);
  const first = tallies.find((t) => t.deductions.length);
  if (first) {
    await kpi.annul(lead.ctx, { userId: first.userId, month: last, key: first.deductions[0].key, reason: '系统故障导致提交延迟，经核实予以撤销' });
  }

  // Meetings on the Tuesday and Friday slots of the last three weeks, with minutes, in every department with
  // supervisors (their staff see their own department's meetings, docs/regulations.md §19).
  const slots = [
    { weekday: 2, time: '16:00' },
    { weekday: 5, time: '16:00' },
  ];
  const meetingDepartments = org.departments.filter((d, i) => i === 0 || supervisors.some((s) => s.departmentId === d.id));
  for (const dept of meetingDepartments) {
    const chair = supervisors.find((s) => s.departmentId === dept.id) ?? lead;
    let at = nextSlot(slots, new Date(end.getTime() - 21 * 86400_000));
    while (at && at < end) {
      const id = await kpi.schedule(lead.ctx, { startsAt: at.toISOString(), departmentId: dept.id });
      const m = (await kpi.meetings(lead.ctx, new Date(0).toISOString())).find((x) => x.id === id)!;
      if (m.status === 'scheduled') {
        const attendees = org.users.filter((u) => u.departmentId === dept.id).map((u) => u.id);
        await kpi.recordMinutes(lead.ctx, id, { attendeeIds: attendees, decisions: random.pick(['本周重点客户回访安排', '投诉处理进度通报', '下周回访计划审核', '月度分析报告分工']), notes: `主持：${chair.displayName}`, version: m.version });
        minutes++;
      }
      at = nextSlot(slots, at);
    }
  }
  demo.report(`kpi: ${targets} targets, ${reports} routine reports, ${minutes} meetings with minutes, 1 annulled deduction`);
}
