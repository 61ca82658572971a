import type { DemoContext, DemoPerson } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import { PIPELINE, type Stage } from './development.rules';
import type { DevelopmentService } from './development.service';

const DAY = 86_400_000;
const NEXT_STEPS: Record<string, string> = {
  contact: '电话约访采购负责人',
  needs: '整理需求清单，准备方案',
  demo: '安排现场演示与样品试用',
  negotiation: '商务条款与报价确认',
  contract: '合同会签',
};
const LOST = ['选择了竞争对手', '预算取消', '项目延期至明年', '价格差距过大'];
const BRANDS = [...'华恒鑫宏盛金瑞德新天永中东海国嘉信安宝富泰鼎汇联通博聚众锦润晟卓远诚佳凯康美腾'];
const CITIES = ['杭州', '苏州', '南京', '广州', '深圳', '北京', '天津', '成都', '武汉', '青岛'];
const TRADES = ['电子科技', '机械制造', '商贸', '物流', '建设工程', '医疗器械', '新材料', '餐饮管理'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'建志晓海春国文明俊佳思雨欣嘉浩宇家晨立德秀丽美红慧雅'];

/**
 * Demo: prospects across the pipeline (some lost, with the reason), a research plan with its report, and
 * development plans at each step of their approval — draft, with the department head, with the
 * 经理办公会, approved, returned and rejected (docs/regulations.md §6, §18).
 */
export async function developmentDemo(s: DevelopmentService, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const workers = [...org.byRole('specialist'), ...org.byRole('sales')];
  const phone = () => `1${random.pick(['38', '39', '58', '86', '89'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  const company = () => `${random.pick(CITIES)}${random.pick(BRANDS)}${random.pick(BRANDS)}${random.pick(TRADES)}有限公司`;
  const person = () => `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.6) ? random.pick(GIVEN) : ''}`;

  // Prospects: created over the year, moved stage by stage; a tenth lost.
  const prospectCount = Math.max(18, Math.min(120, Math.round(demo.customers.length * 0.02)));
  const stages: Record<string, number> = {};
  const prospectsOf = new Map<number, { id: number; name: string }[]>();
  const names = new Set<string>();
  for (let i = 0; i < prospectCount; i++) {
    const owner = workers[i % workers.length];
    let name = company();
    while (names.has(name)) name = company();
    names.add(name);
    const ageDays = random.int(5, 360);
    clock.set(new Date(end - ageDays * DAY));
    let p = await s.prospects.create(owner.ctx, {
      companyName: name,
      contactName: person(),
      phone: phone(),
      channel: random.pick(['online', 'trade_fair', 'telemarketing', 'referral', 'word_of_mouth']),
      expectedAmount: random.int(5, 200),
      nextStep: NEXT_STEPS.contact,
    });
    const target = i % 10 === 9 ? 'lost' : PIPELINE[i % PIPELINE.length];
    const steps: Stage[] = target === 'lost' ? ['needs', 'lost'] : PIPELINE.slice(1, PIPELINE.indexOf(target) + 1);
    for (const [k, stage] of steps.entries()) {
      clock.set(new Date(end - ageDays * DAY + ((k + 1) * ageDays * DAY) / (steps.length + 1)));
      p = await s.prospects.move(owner.ctx, p.id, {
        stage,
        version: p.version,
        ...(stage === 'lost' ? { lostReason: random.pick(LOST) } : { nextStep: NEXT_STEPS[stage] }),
      });
    }
    stages[p.stage] = (stages[p.stage] ?? 0) + 1;
    prospectsOf.set(owner.id, [...(prospectsOf.get(owner.id) ?? []), { id: p.id, name }]);
  }

  // A market research plan and its report.
  const researcher = org.byRole('manager').find((m) => m.department === '企业发展部') ?? org.byRole('manager')[0];
  clock.set(new Date(end - 200 * DAY));
  const research = await s.research.createPlan(researcher.ctx, { title: '华东地区制造业客户需求调研' });
  clock.set(new Date(end - 150 * DAY));
  await s.research.createReport(researcher.ctx, { title: '华东地区制造业客户需求调研报告', planId: research.id });

  // Development plans, one per fate, by the specialists of customer service and the sales people.
  const fates = ['draft', 'head', 'meeting', 'approved', 'returned', 'rejected', 'approved', 'meeting'] as const;
  const outcome: Record<string, number> = {};
  for (const [i, fate] of fates.entries()) {
    const owner = workers[i % workers.length];
    const head = org.users.find((u) => u.id === org.departments.find((d) => d.id === owner.departmentId)?.headId);
    const ageDays = 20 + i * 25;
    clock.set(new Date(end - ageDays * DAY));
    const start = shanghaiDate(new Date(end - (ageDays - 5) * DAY));
    const targets = (prospectsOf.get(owner.id) ?? []).slice(0, 3).map((p, k) => ({
      prospectId: p.id,
      visitDate: shanghaiDate(new Date(end - (ageDays - 10 - k * 7) * DAY)),
      contactPosition: '采购经理',
      appointment: '已电话预约',
      category: '新客户',
    }));
    let plan = await s.plans.create(owner.ctx, {
      title: `${start.slice(0, 7).replace('-', '年')}月客户开发计划（${owner.displayName}）`,
      periodStart: start,
      periodEnd: shanghaiDate(new Date(end - (ageDays - 35) * DAY)),
      goal: '拜访重点意向客户，完成需求调研并推进到方案演示阶段。',
      schedule: '第一周电话预约，第二、三周上门拜访，第四周整理汇报。',
      supportNeeded: '技术部配合现场演示',
      budget: random.int(2, 8) * 1000,
      targets: targets.length ? targets : [{ customerName: company(), category: '新客户' }],
    });
    if (fate !== 'draft') {
      clock.set(new Date(end - (ageDays - 1) * DAY));
      plan = await s.plans.submit(owner.ctx, plan.id, { comment: '请审批', version: plan.version });
      const decide = async (who: DemoPerson | undefined, action: 'approve' | 'reject' | 'return', comment: string, afterDays: number) => {
        if (!who) return;
        clock.set(new Date(end - (ageDays - afterDays) * DAY));
        const request = await approvals.forDocument(who.ctx, 'development_plan', plan.id);
        if (request) await approvals.act(who.ctx, request.id, action, { comment, version: request.version });
      };
      const meeting = org.byRole('director').find((d) => d.department !== owner.department && d.id !== head?.id) ?? org.byRole('director')[0];
      if (fate === 'returned') await decide(head, 'return', '目标客户不够具体，请补充拜访对象和时间后重新提交。', 2);
      else if (fate === 'rejected') await decide(head, 'reject', '与本季度重点区域不符，暂不开展。', 2);
      else if (fate !== 'head') {
        await decide(head, 'approve', '同意，提交经理办公会。', 2);
        if (fate === 'approved') await decide(meeting, 'approve', '经理办公会研究同意。', 4);
      }
      plan = await s.plans.get(plan.id);
    }
    outcome[plan.status] = (outcome[plan.status] ?? 0) + 1;
  }
  clock.set(clock.end);
  demo.report(`${prospectCount} 意向客户 (${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}), 开发计划 ${Object.entries(outcome).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
