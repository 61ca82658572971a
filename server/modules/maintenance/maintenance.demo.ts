import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import { DOCUMENT_TYPE, type MaintenanceService } from './maintenance.service';

const DAY = 86_400_000;

/**
 * Demo: 客户关系维护方案 of each team supervisor at each step (docs/regulations.md §18): a draft, one with
 * the manager, one with the director, one returned, approved ones being carried out (tasks, work records with
 * the customer's feedback, expenses) and a closed one with its assessment.
 */
export async function maintenanceDemo(s: MaintenanceService, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const manager = org.byRole('manager')[0];
  const director = org.byRole('director').find((d) => d.department === '客户服务部') ?? org.byRole('director')[0];
  const supervisors = org.users.filter((u) => u.supervises && demo.customers.some((c) => c.teamId === u.teamId));
  const fates = ['closed', 'executing', 'executing', 'director', 'manager', 'returned', 'draft'] as const;
  const outcome: Record<string, number> = {};
  for (const [i, fate] of fates.entries()) {
    const lead = supervisors[i % supervisors.length];
    const staff = org.users.filter((u) => u.teamId === lead.teamId && u.id !== lead.id);
    const customers = demo.customers.filter((c) => c.teamId === lead.teamId && c.status === 'formal').slice(i, i + 3);
    if (!customers.length || !staff.length) continue;
    const ageDays = fate === 'closed' ? 200 : fate === 'executing' ? 60 + i * 10 : 10 + i * 3;
    clock.set(new Date(end - ageDays * DAY));
    const start = new Date(end - (ageDays - 7) * DAY);
    let view = await s.create(lead.ctx, {
      title: `${shanghaiDate(start).slice(0, 4)}年重点客户关系维护方案（${lead.team}）`,
      customerIds: customers.map((c) => c.id),
      goals: '巩固重点客户合作关系，客户满意度不低于 90 分，年度续约率 95%。',
      method: '季度上门拜访、节日问候、年度客户座谈会。',
      measures: '建立客户关键人档案；每季度回访一次并记录客户意见；重大问题 24 小时内响应。',
      staffIds: staff.map((u) => u.id),
      budget: random.int(5, 30) * 1000,
      startDate: shanghaiDate(start),
      endDate: shanghaiDate(new Date(start.getTime() + (fate === 'closed' ? 120 : 180) * DAY)),
    });
    const id = view.plan.id;
    if (fate !== 'draft') {
      clock.set(new Date(end - (ageDays - 1) * DAY));
      view = await s.submit(lead.ctx, id, { version: view.plan.version, comment: '请审核' });
      const act = async (who: typeof manager, action: 'approve' | 'return', comment: string, day: number) => {
        clock.set(new Date(end - (ageDays - day) * DAY));
        const request = await approvals.forDocument(who.ctx, DOCUMENT_TYPE, id);
        if (request) await approvals.act(who.ctx, request.id, action, { comment, version: request.version });
      };
      if (fate === 'returned') await act(manager, 'return', '预算明细不清楚，请补充各项费用后重新提交。', 2);
      else if (fate !== 'manager') {
        await act(manager, 'approve', '审核通过。', 2);
        if (fate !== 'director') await act(director, 'approve', '同意实施。', 3);
      }
    }
    if (fate === 'executing' || fate === 'closed') {
      clock.set(new Date(end - (ageDays - 5) * DAY));
      const tasks = await s.splitTasks(
        lead.ctx,
        id,
        customers.map((c, k) => ({ title: `拜访${c.name}`, assigneeId: staff[k % staff.length].id, customerId: c.id, dueDate: shanghaiDate(new Date(end - (ageDays - 20 - k * 5) * DAY)) })),
      );
      for (const [k, task] of tasks.entries()) {
        if (fate === 'executing' && k === tasks.length - 1) continue; // still to do
        const who = staff.find((u) => u.id === task.assignee_id) ?? staff[0];
        clock.set(new Date(end - (ageDays - 12 - k * 5) * DAY));
        await s.addRecord(who.ctx, id, {
          planTaskId: task.id,
          customerId: task.customer_id,
          content: '上门拜访采购负责人，介绍新产品并了解下季度采购计划。',
          feedback: random.pick(['对交付及时性满意，希望增加技术培训。', '价格略高，希望年度框架合同给予优惠。', '售后响应快，整体满意。']),
          completeTask: true,
        });
        await s.addExpense(lead.ctx, id, { amount: random.int(3, 20) * 100, spentOn: shanghaiDate(clock.now()), item: random.pick(['差旅费', '客户礼品', '座谈会场地']) });
      }
      if (fate === 'closed') {
        clock.set(new Date(end - (ageDays - 130) * DAY));
        const current = await s.view(lead.ctx, id);
        await s.close(lead.ctx, id, { version: current.plan.version, assessment: '完成全部拜访，客户满意度 92 分，续约 3 家。', optimisation: '下一期增加技术交流活动。' });
      }
    }
    const final = await s.view(lead.ctx, id);
    outcome[final.plan.status] = (outcome[final.plan.status] ?? 0) + 1;
  }
  clock.set(clock.end);
  demo.report(`维护方案 ${Object.entries(outcome).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
