import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import { CHANGE_TYPE, type ProjectService } from './projects.service';

const DAY = 86_400_000;

/**
 * Demo: cooperation projects 合作项目 (docs/regulations.md §15) — two in progress (one with an overdue milestone
 * and a change request approved by the manager), one accepted by the customer and closed with its review.
 */
export async function projectsDemo(s: ProjectService, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { clock, org } = demo;
  const end = clock.end.getTime();
  const date = (daysAgo: number) => shanghaiDate(new Date(end - daysAgo * DAY));
  const at = (daysAgo: number) => clock.set(new Date(end - daysAgo * DAY));
  const leads = org.users.filter((u) => u.supervises && u.roles.includes('supervisor') && demo.customers.some((c) => c.teamId === u.teamId && c.status === 'formal'));
  const fates = ['closed', 'changed', 'running'] as const;
  let made = 0;
  for (const [i, fate] of fates.entries()) {
    const lead = leads[i % Math.max(leads.length, 1)];
    if (!lead) break;
    const customer = demo.customers.filter((c) => c.teamId === lead.teamId && c.status === 'formal')[i];
    if (!customer) continue;
    const members = org.users.filter((u) => u.teamId === lead.teamId && u.id !== lead.id).slice(0, 2);
    const start = fate === 'closed' ? 160 : fate === 'changed' ? 90 : 60;
    at(start + 3);
    let v = await s.create(lead.ctx, {
      customerId: customer.id,
      title: ['客户服务系统联合升级项目', '供应链协同平台建设项目', '年度联合市场推广项目'][i]!,
      goals: '按期交付，客户满意度不低于 90 分，成本控制在预算以内。',
      members: members.map((u, k) => ({ userId: u.id, role: k === 0 ? '技术负责人' : '项目成员' })),
      contacts: customer.contacts.slice(0, 2).map((c, k) => ({ name: c.name, role: k === 0 ? '客户项目经理' : '客户联络人' })),
    });
    const id = v.project.id;
    const plan = [
      ['需求确认', 0, 20, 20000],
      ['方案设计', 20, 50, 50000],
      ['实施与上线', 50, 110, 120000],
    ] as const;
    for (const [title, from, to, cost] of plan) {
      v = await s.addMilestone(lead.ctx, id, { title, plannedStart: date(start - from), plannedEnd: date(start - to), costPlanned: cost });
    }
    const key = customer.contacts[0]?.name ?? '客户项目经理';
    at(start);
    for (const m of v.milestones) {
      v = await s.confirmMilestone(lead.ctx, id, m.id, { confirmedBy: key, confirmedOn: date(start), method: 'signature', version: m.version });
    }
    // progress on the milestones already due; the running project leaves its second one overdue
    for (const [k, m] of v.milestones.entries()) {
      const doneAgo = start - [20, 50, 110][k]! - (k === 1 ? 4 : 0); // the design phase finishes four days late
      if (doneAgo < 5 || (fate === 'running' && k > 0)) continue;
      at(doneAgo);
      const cur = (await s.view(id)).milestones.find((x) => x.id === m.id)!;
      await s.updateMilestone(lead.ctx, id, m.id, {
        actualStart: date(start - [0, 20, 50][k]!),
        actualEnd: date(doneAgo),
        costActual: [19500, 54800, 118000][k]!,
        qualityNote: k === 1 ? '设计评审提出 3 项修改意见，已闭环' : '按期完成，客户签字确认',
        version: cur.version,
      });
      await s.addMeeting(lead.ctx, id, { heldOn: date(doneAgo), attendees: `${lead.displayName}、${key}`, minutes: `${m.title}阶段总结：进度、质量与费用情况通报。`, decisions: '按计划推进下一阶段。' });
    }
    if (fate === 'changed') {
      at(30);
      const impl = (await s.view(id)).milestones[2]!;
      const { changeId } = await s.requestChange(lead.ctx, id, {
        title: '增加移动端接入',
        reason: '客户提出增加移动端接入需求，实施阶段延长 21 天，费用增加 3 万元。',
        milestones: [{ milestoneId: impl.id, plannedStart: impl.planned_start, plannedEnd: shanghaiDate(new Date(Date.parse(`${impl.planned_end}T00:00:00Z`) + 21 * DAY)), costPlanned: 150000 }],
      });
      at(28);
      const manager = org.byRole('manager').find((u) => u.departmentId === lead.departmentId) ?? org.byRole('manager')[0];
      const request = manager ? await approvals.forDocument(manager.ctx, CHANGE_TYPE, changeId) : null;
      if (manager && request) await approvals.act(manager.ctx, request.id, 'approve', { comment: '同意变更，请与客户确认新的里程碑。', version: request.version });
    }
    if (fate === 'closed') {
      at(45);
      v = await s.view(id);
      v = await s.accept(lead.ctx, id, { signedBy: key, signedOn: date(45), conclusion: 'passed', note: '系统运行稳定，验收通过。', version: v.project.version });
      at(40);
      await s.close(lead.ctx, id, { summary: '项目按期交付，成本较预算节约 0.4%。', lessons: '方案设计阶段应提前邀请客户业务骨干参与评审。', version: v.project.version });
    }
    made++;
  }
  clock.set(clock.end);
  demo.report(`projects: ${made}`);
}
