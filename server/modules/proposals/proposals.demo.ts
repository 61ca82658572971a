import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalService } from '../approvals/approvals.types';
import type { Scores } from './proposals.rules';
import { PROPOSAL_TYPE, type ProposalService } from './proposals.service';

const DAY = 86_400_000;
type Fate = 'draft' | 'submitted' | 'under_review' | 'approved' | 'rejected' | 'implementing' | 'implemented' | 'rewarded';

const IDEAS: { title: string; problem: string; proposal: string; benefit: string; fromCustomer: boolean; fate: Fate; scores: [number, number, number, number, number, number][] }[] = [
  { title: '售后报修单增加照片上传', problem: '报修描述不清，工程师上门前无法判断故障，常需二次上门。', proposal: '报修时允许客户上传故障照片，派单前由工程师预判。', benefit: '减少二次上门约 30%，每年节省差旅费约 4 万元。', fromCustomer: true, fate: 'rewarded', scores: [[80, 90, 70, 60, 50, 100], [90, 80, 80, 70, 60, 90]] },
  { title: '合同到期前 60 天自动提醒续签', problem: '合同到期才发现未续签，客户被竞争对手接触。', proposal: '合同到期前 60 天生成续签任务并提醒负责人。', benefit: '提高续约率，预计每年多保留 3–5 家客户。', fromCustomer: false, fate: 'implemented', scores: [[85, 80, 60, 80, 70, 90]] },
  { title: '大客户季度座谈会改为线上线下结合', problem: '外地客户参加座谈会的差旅成本高，出席率低。', proposal: '座谈会提供线上参会，会后发送纪要。', benefit: '出席率提高，会务费用每季度节省约 1 万元。', fromCustomer: true, fate: 'implementing', scores: [[70, 80, 60, 70, 80, 80], [75, 70, 70, 60, 80, 90]] },
  { title: '投诉处理结果短信回访', problem: '投诉关闭后客户是否满意没有记录。', proposal: '投诉关闭后自动发送满意度短信，不满意的转人工回访。', benefit: '及时发现不满意客户，降低流失。', fromCustomer: false, fate: 'approved', scores: [[75, 85, 65, 80, 70, 85]] },
  { title: '统一客户来访接待用语', problem: '各部门接待用语不统一，客户印象不一致。', proposal: '编制接待用语手册并组织培训。', benefit: '提升客户体验（无直接经济效益）。', fromCustomer: false, fate: 'rejected', scores: [[30, 70, 40, 60, 70, 80]] },
  { title: '备件库存共享给区域服务站', problem: '服务站缺件需从总部调货，维修周期长。', proposal: '开放备件库存查询，服务站之间可调拨。', benefit: '维修周期缩短 2 天，客户停机损失减少。', fromCustomer: true, fate: 'under_review', scores: [[80, 75, 70, 85, 60, 70]] },
  { title: '客户生日关怀礼品标准化', problem: '生日礼品由各人自行采购，标准不一、报销繁琐。', proposal: '按客户等级制定礼品标准并集中采购。', benefit: '集中采购每年节省约 2 万元。', fromCustomer: false, fate: 'submitted', scores: [[65, 70, 50, 60, 70, 75]] },
  { title: '展会客户信息现场录入', problem: '展会收集的名片会后录入，常有遗漏。', proposal: '展会现场用手机直接录入客户信息。', benefit: '减少遗漏的潜在客户。', fromCustomer: false, fate: 'draft', scores: [] },
];
const ORDER: Fate[] = ['draft', 'submitted', 'under_review', 'approved', 'rejected', 'implementing', 'implemented', 'rewarded'];
const past = (fate: Fate, step: Fate) => ORDER.indexOf(fate) >= ORDER.indexOf(step);

/** Proposals in every state, scored by the supervisor and a manager, one rewarded with its 提案成果报告表 (docs/regulations.md §14). */
export async function proposalsDemo(s: ProposalService, approvals: ApprovalService, demo: DemoContext) {
  const { org, customers, clock } = demo;
  const [manager, manager2] = org.byRole('manager');
  const [director] = org.byRole('director');
  const supervisor = org.users.find((u) => u.supervises);
  const staff = org.byRole('specialist');
  if (!manager || !director || !supervisor || !staff.length) return;
  // A customer's suggestion is recorded by the customer's own owner (who sees the customer).
  const teamStaff = staff.filter((u) => u.teamId === supervisor.teamId);
  const teamCustomers = customers.filter((c) => c.contacts.length && teamStaff.some((u) => u.id === c.ownerId));
  const end = clock.end.getTime();
  const keys = ['economicBenefit', 'completeness', 'creativity', 'scope', 'researchTime', 'cost'] as const;
  let n = 0;

  for (const [i, idea] of IDEAS.entries()) {
    const age = 120 - i * 12;
    const at = (d: number) => clock.set(new Date(end - (age - d) * DAY));
    at(0);
    const customer = idea.fromCustomer && teamCustomers.length ? teamCustomers[i % teamCustomers.length] : undefined;
    const proposer = (customer ? teamStaff.find((u) => u.id === customer.ownerId) : teamStaff[i % Math.max(1, teamStaff.length)]) ?? staff[0];
    let v = await s.create(proposer.ctx, {
      title: idea.title,
      proposedOn: shanghaiDate(clock.now()),
      source: customer ? 'customer' : 'staff',
      customerId: customer?.id ?? null,
      contactName: customer?.contacts[0]?.name ?? null,
      problem: idea.problem,
      proposal: idea.proposal,
      expectedBenefit: idea.benefit,
      patent: i === 0,
      patentNote: i === 0 ? '可申请实用新型专利（待法务确认）' : null,
    });
    n++;
    const id = v.proposal.id;
    if (idea.fate === 'draft') continue;
    at(1);
    v = await s.submit(proposer.ctx, id, v.proposal.version);
    const reviewers = [supervisor, manager2 ?? director];
    for (const [k, sc] of idea.scores.entries()) {
      at(2 + k);
      await s.score(reviewers[k].ctx, id, { scores: Object.fromEntries(keys.map((c, j) => [c, sc[j]])) as Scores, comment: null });
    }
    if (idea.fate === 'submitted') continue;
    at(5);
    await s.sendForApproval(supervisor.ctx, id, '评定完毕，请审批');
    const act = async (who: typeof manager, action: 'approve' | 'reject', comment: string, day: number) => {
      at(day);
      const request = await approvals.forDocument(who.ctx, PROPOSAL_TYPE, id);
      if (request) await approvals.act(who.ctx, request.id, action, { comment, version: request.version });
    };
    if (idea.fate === 'under_review') continue;
    if (idea.fate === 'rejected') {
      await act(manager, 'reject', '经济效益不明显，暂不采纳。', 7);
      continue;
    }
    await act(manager, 'approve', '同意。', 6);
    await act(director, 'approve', '同意实施。', 8);
    if (!past(idea.fate, 'implementing')) continue;
    at(10);
    v = await s.view(id);
    const dept = org.departments.find((d) => d.id === supervisor.departmentId) ?? org.departments[0];
    v = await s.implement(manager.ctx, id, { departmentId: dept.id, due: shanghaiDate(new Date(end - (age - 40) * DAY)), version: v.proposal.version });
    if (!past(idea.fate, 'implemented')) continue;
    at(35);
    v = await s.report(manager.ctx, id, {
      doneOn: shanghaiDate(clock.now()),
      motivation: idea.problem,
      before: idea.problem,
      after: idea.proposal.replace(/。$/, '') + '，已上线运行。',
      method: '由实施部门制定方案，试点一个月后全面推行。',
      benefit: idea.benefit,
      conclusion: '达到预期效果，建议保持并推广。',
      version: v.proposal.version,
    });
    if (idea.fate !== 'rewarded') continue;
    at(40);
    await s.reward(director.ctx, id, { amountCents: 200_000, form: '奖金及荣誉证书', decidedBy: director.id, on: shanghaiDate(clock.now()), version: v.proposal.version });
  }
  clock.set(clock.end);
  demo.report(`proposals: ${n}`);
}
