import type { DemoContext, DemoPerson } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import { CHANNELS, type Severity } from './complaints.rules';
import type { ComplaintService } from './complaints.service';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CONTENTS = [
  '上周到货的一批产品外包装破损，部分货物受潮，要求尽快处理。',
  '售后工程师预约上门后两次未按时到达，影响生产安排。',
  '本月发票金额与合同约定单价不一致，财务无法入账。',
  '客服热线多次转接无人接听，问题一直未得到答复。',
  '交货期比合同约定延迟了十天，造成我方项目延误。',
  '产品使用一个月后出现故障，要求更换并说明原因。',
];
const OPINIONS = ['已核实情况属实，安排补发货物并承担运费，同时加强出库检验。', '向客户致歉，重新安排工程师上门，并将预约到达时间纳入考核。', '更正发票并快递寄出，财务部复核开票流程。'];

/**
 * Demo: complaints over the past year, of each severity (docs/regulations.md §10): most closed with the
 * customer's score after an approved opinion, one serious with its 经理办公会 decisions, some extended,
 * some overdue and still open, some waiting for the supervisor's approval or the customer's confirmation.
 */
export async function complaintsDemo(s: ComplaintService, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const handlers = org.byRole('specialist');
  const agents = org.byRole('agent');
  const manager = org.byRole('manager')[0];
  const director = org.byRole('director')[0];
  const supervisorOf = (h: DemoPerson) => org.users.find((u) => u.supervises && u.teamId === h.teamId) ?? manager;
  const categories = (await s.options()).categories;
  const customers = demo.customers.filter((c) => c.status === 'formal' && c.contacts.length);
  const count = Math.max(20, Math.min(80, Math.round(demo.customers.length * 0.008)));
  const statuses: Record<string, number> = {};
  const severities: Record<string, number> = {};
  let at = 0;
  const step = async (hours: number) => {
    at += hours * HOUR;
    clock.set(new Date(at));
  };
  for (let i = 0; i < count; i++) {
    const fate = i % 10; // 0–3 closed, 4 serious + meeting, 5 overdue, 6 extended, 7 told, 8 new, 9 opinion waiting
    const severity: Severity = fate === 4 ? 'serious' : fate === 3 || fate === 6 ? 'major' : random.chance(0.25) ? 'major' : 'general';
    const handler = handlers[i % handlers.length];
    const supervisor = supervisorOf(handler);
    // The hotline records callers it cannot place; a specialist records complaints of the customers they look after.
    const mine = customers.filter((c) => c.ownerId === handler.id);
    const byHotline = agents.length > 0 && (i % 3 === 0 || !mine.length);
    const customer = byHotline ? undefined : mine[(i * 7) % mine.length];
    const contact = customer?.contacts[0];
    // Recent ones are the open ones; the closed ones are spread over the year.
    const ageDays = fate === 8 ? random.int(0, 1) : fate === 7 || fate === 9 ? random.int(2, 4) : fate === 5 ? random.int(12, 30) : random.int(20, 360);
    at = end - ageDays * DAY - random.int(1, 6) * HOUR;
    clock.set(new Date(at));
    const recorder = byHotline ? agents[i % agents.length] : handler;
    const id = await s.create(recorder.ctx, {
      channel: byHotline ? 'hotline' : random.pick(CHANNELS),
      customerId: customer?.id ?? null,
      complainantName: contact?.name ?? random.pick(['王先生', '李女士', '张经理', '陈先生']),
      complainantPhone: contact?.mobile ?? `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      complainantCompany: customer?.name ?? `${random.pick(['杭州', '苏州', '广州'])}${random.pick(['恒达', '瑞丰', '盛泰'])}贸易有限公司`,
      content: random.pick(CONTENTS),
      category: random.pick(categories),
      severity,
    });
    severities[severity] = (severities[severity] ?? 0) + 1;
    const version = async () => (await s.get(id)).version;
    if (fate !== 8) {
      await step(1);
      await s.assign(supervisor.ctx, id, { handlerId: handler.id, version: await version() });
      if (fate !== 5 || random.chance(0.5)) {
        await step(3);
        await s.contact(handler.ctx, id, { note: '已电话联系投诉人，了解具体情况并致歉。', version: await version() });
      }
    }
    if (fate === 6) {
      await step(20);
      await s.requestExtension(handler.ctx, id, { days: 2, reason: '需要供应商提供检测报告，预计两个工作日内出具。' });
      const ext = (await s.detail(handler.ctx, id)).extensions.at(-1);
      const request = ext && (await approvals.forDocument(manager.ctx, 'complaint_extension', ext.id));
      await step(2);
      if (request) await approvals.act(manager.ctx, request.id, 'approve', { comment: '同意延期。', version: request.version });
    }
    if (fate === 4) {
      await step(24);
      await s.recordMeeting(director.ctx, id, {
        meetingDate: shanghaiDate(new Date(at)),
        attendees: org.users.filter((u) => u.roles.includes('director') || (u.roles.includes('manager') && org.departments.some((d) => d.headId === u.id))).map((u) => u.displayName).join('、'),
        decisions: '成立专项小组，三个工作日内完成全部退换货；质量部追溯批次原因并提交整改报告；由客户服务总监向客户书面致歉。',
        version: (await s.detail(director.ctx, id)).meeting?.version ?? 0,
      });
    }
    if (fate <= 4 || fate === 6 || fate === 7 || fate === 9) {
      await step(4);
      await s.submitOpinion(handler.ctx, id, { content: random.pick(OPINIONS) });
      if (fate !== 9) {
        const opinion = (await s.detail(handler.ctx, id)).opinions.at(-1);
        const request = opinion && (await approvals.forDocument(supervisor.ctx, 'complaint_opinion', opinion.id));
        await step(2);
        if (request) await approvals.act(supervisor.ctx, request.id, 'approve', { comment: '同意处理意见。', version: request.version });
        await step(2);
        await s.tell(handler.ctx, id, { method: random.pick(['phone', 'email', 'visit'] as const), note: '已告知客户处理意见，客户表示认可。', version: await version() });
        if (fate !== 7) {
          await step(20);
          await s.confirm(handler.ctx, id, { score: random.weighted([[5, 5], [4, 4], [3, 2], [2, 1]] as const), note: '客户回访确认', version: await version() });
        }
      }
    }
    const c = await s.get(id);
    statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  }
  clock.set(clock.end);
  await s.recordBreaches(clock.end);
  demo.report(`${count} 投诉 (${Object.entries(severities).map(([k, v]) => `${k} ${v}`).join(', ')}; ${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(', ')})`);
}
