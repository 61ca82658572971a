import type { DemoContext, DemoCustomerRef, DemoPerson, DemoRandom } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { createReceptionService } from './reception.service';
import type { Outcome, TourType } from './reception.rules';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海波', '丽华'];
const PURPOSES: [string, string | null][] = [
  ['洽谈下季度采购计划', '希望下季度起按月结算，并增加两个品种的供货'],
  ['了解新产品技术参数', '索取新品样本及检测报告'],
  ['反映上批货物包装破损问题', '要求补发破损部分并改进包装'],
  ['商谈年度框架合同续签', '希望单价维持去年水平'],
  ['核对往来账目', '对上月两张发票金额有疑问'],
  ['考察我司生产与质检流程', null],
];
const WALK_INS = ['应聘人员', '市场监督管理局', '物业公司', '快递公司', '银行客户经理'];

const person = (random: DemoRandom) => `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
const mobile = (random: DemoRandom) => `1${random.pick(['36', '38', '39', '50', '58', '86', '88'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
const at = (day: Date, hour: number, minute: number) => new Date(`${shanghaiDate(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * Demo (docs/regulations.md §9): a year of the visitor log (some visitors still on site), reception
 * records with every outcome (promises become the receiver's tasks), tours in every state from applied
 * to finished, with the demo's 总经理 in the `general_manager` approval group, and banquets including
 * an emergency one approved afterwards.
 */
export async function receptionDemo(s: ReturnType<typeof createReceptionService>, approvals: ApprovalServices['approvals'], demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const staffOf = new Map(org.users.filter((u) => u.roles.some((r) => r === 'specialist' || r === 'sales' || r === 'supervisor')).map((u) => [u.id, u]));
  const served = demo.customers.filter((c) => staffOf.has(c.ownerId) && c.status !== 'lost');
  if (!served.length) return;
  const pickCustomer = (i: number) => served[(i * 7 + 3) % served.length];
  const contactOf = (c: DemoCustomerRef) => c.contacts[0] ?? { name: person(random), mobile: mobile(random) };

  // The 总经理 approves tours after the manager (docs/regulations.md §9).
  const gm = org.users.find((u) => u.username === 'zhang.jun') ?? org.byRole('director')[0];
  const group = (await approvals.listGroups()).find((g) => g.key === 'general_manager');
  if (group && gm && !group.members.length) await approvals.updateGroup(org.admin.ctx, group.id, { memberIds: [gm.id], version: group.version });

  // ── visitor log and reception records ──
  const visitCount = Math.min(240, Math.max(30, Math.round(demo.customers.length * 0.05)));
  const visitIds: { id: number; customer: DemoCustomerRef | null; receiver: DemoPerson; day: Date; visitor: string }[] = [];
  let onSite = 0;
  for (let i = 0; i < visitCount; i++) {
    const current = i >= visitCount - 3; // the last few arrived today and have not left yet
    const daysAgo = current ? 0 : Math.round(365 - (i * 360) / visitCount) + random.int(0, 3);
    const day = new Date(end - daysAgo * DAY);
    const arrived = current ? new Date(end - random.int(20, 150) * 60_000) : at(day, random.int(9, 16), random.pick([0, 10, 20, 30, 40, 50]));
    if (arrived.getTime() > end) continue;
    const walkIn = !current && i % 9 === 8;
    const customer = walkIn ? null : pickCustomer(i);
    const owner = customer ? staffOf.get(customer.ownerId)! : random.pick([...staffOf.values()]);
    const contact = customer ? contactOf(customer) : { name: person(random), mobile: mobile(random) };
    clock.set(arrived);
    const departed = current ? null : new Date(arrived.getTime() + random.int(30, 180) * 60_000).toISOString();
    const v = await s.createVisit(owner.ctx, {
      visitorName: contact.name,
      customerId: customer?.id ?? null,
      organisation: walkIn ? random.pick(WALK_INS) : null,
      phone: contact.mobile ?? mobile(random),
      receiverId: owner.id,
      arrivedAt: arrived.toISOString(),
      departedAt: departed,
      note: walkIn ? '前台登记，未涉及客户业务。' : null,
    });
    if (current) onSite++;
    if (!walkIn) visitIds.push({ id: v.id, customer, receiver: owner, day: arrived, visitor: contact.name });
  }

  const outcomes: Record<Outcome, number> = { resolved: 0, promised: 0, sales: 0, unresolved: 0 };
  const order: Outcome[] = ['resolved', 'promised', 'resolved', 'sales', 'promised', 'unresolved'];
  for (const [i, v] of visitIds.filter((_, i) => i % 2 === 0).entries()) {
    const outcome = order[i % order.length];
    const [purpose, requests] = PURPOSES[i % PURPOSES.length];
    clock.set(new Date(v.day.getTime() + 60 * 60_000));
    await s.createRecord(v.receiver.ctx, {
      visitId: v.id,
      purpose,
      requests,
      outcome,
      promiseDays: outcome === 'promised' ? random.pick([3, 5, 7, 10]) : null,
      reason: outcome === 'unresolved' ? '涉及价格政策调整，需报总监决定，已向客户说明。' : null,
    });
    outcomes[outcome]++;
  }

  // ── tours 参观: every state ──
  const manager = org.byRole('manager')[0];
  const director = org.byRole('director').find((d) => d.id !== gm?.id) ?? org.byRole('director')[0];
  type Fate = 'pending' | 'manager_approved' | 'approved' | 'in_progress' | 'completed' | 'rejected' | 'returned';
  const fates: Fate[] = ['completed', 'completed', 'rejected', 'completed', 'approved', 'manager_approved', 'pending', 'in_progress', 'returned', 'completed', 'approved', 'pending'];
  const types: TourType[] = ['key', 'group', 'ordinary', 'adhoc'];
  const tourStates: Record<string, number> = {};
  for (const [i, fate] of fates.entries()) {
    const customer = pickCustomer(i * 5 + 1);
    const applicant = staffOf.get(customer.ownerId)!;
    const tourType = types[i % types.length];
    // Finished tours spread over the year; open ones are applied for in the last days.
    const appliedAt =
      fate === 'completed' || fate === 'rejected' ? new Date(end - (330 - i * 25) * DAY) : fate === 'in_progress' ? new Date(end - 5 * DAY) : new Date(end - random.int(1, 4) * DAY);
    clock.set(appliedAt);
    const scheduled = fate === 'in_progress' ? new Date(end - 2 * HOUR) : at(new Date(appliedAt.getTime() + 4 * DAY), random.pick([9, 10, 14, 15]), random.pick([0, 30]));
    const visitors = tourType === 'group' ? random.int(12, 35) : random.int(2, 6);
    const tour = await s.applyTour(applicant.ctx, {
      customerId: customer.id,
      tourType,
      visitorsCount: visitors,
      date: shanghaiDate(scheduled),
      time: scheduled.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }),
      durationMinutes: random.pick([60, 90, 120]),
      content: '参观生产车间、质检中心及产品展厅，介绍新产品工艺。',
      scope: '一号车间、质检中心、展厅（不含研发实验室）',
      route: '门卫登记 → 展厅 → 一号车间参观通道 → 质检中心 → 会议室座谈',
      contactName: contactOf(customer).name,
      photographyRequested: i % 4 === 1,
    });
    const act = async (who: DemoPerson | undefined, action: 'approve' | 'reject' | 'return', comment: string, after: number) => {
      clock.set(new Date(appliedAt.getTime() + after * HOUR));
      const request = who && (await approvals.forDocument(who.ctx, 'reception_tour', tour.tour.id));
      if (who && request) await approvals.act(who.ctx, request.id, action, { comment, version: request.version });
    };
    if (fate === 'returned') await act(manager, 'return', '参观路线经过危化品仓库，请调整路线后重新提交。', 3);
    else if (fate === 'rejected') {
      await act(manager, 'approve', '内容与路线可行。', 3);
      await act(gm, 'reject', '近期车间设备改造，暂不安排外部参观。', 20);
    } else if (fate !== 'pending') {
      await act(manager, 'approve', '内容与路线可行。', 3);
      if (fate !== 'manager_approved') await act(gm, 'approve', '同意。', 20);
    }
    if (fate === 'in_progress' || fate === 'completed') {
      clock.set(scheduled);
      let row = (await s.getTour(tour.tour.id)).tour;
      await s.startTour(applicant.ctx, row.id, { version: row.version });
      if (fate === 'completed') {
        clock.set(new Date(scheduled.getTime() + 2 * HOUR));
        row = (await s.getTour(row.id)).tour;
        await s.completeTour(applicant.ctx, row.id, { version: row.version });
      }
    }
    const status = (await s.getTour(tour.tour.id)).tour.status;
    const key = fate === 'manager_approved' ? 'pending(总经理)' : status;
    tourStates[key] = (tourStates[key] ?? 0) + 1;
  }

  // ── banquets 宴请 ──
  const banquetStates: Record<string, number> = {};
  const banquetFates = ['approved_held', 'approved_held', 'rejected', 'emergency', 'pending', 'approved'] as const;
  for (const [i, fate] of banquetFates.entries()) {
    const customer = pickCustomer(i * 11 + 2);
    const applicant = staffOf.get(customer.ownerId)!;
    const appliedAt = fate === 'pending' || fate === 'approved' ? new Date(end - random.int(1, 3) * DAY) : new Date(end - (300 - i * 40) * DAY);
    clock.set(appliedAt);
    const guests = random.int(2, 8);
    const heldOn = shanghaiDate(fate === 'emergency' ? appliedAt : new Date(appliedAt.getTime() + random.int(3, 6) * DAY));
    const b = await s.createBanquet(applicant.ctx, {
      customerId: customer.id,
      guests: `${contactOf(customer).name}等${guests}人`,
      guestCount: guests,
      heldOn,
      place: random.pick(['公司二楼中餐厅', '万豪酒店中餐厅', '本地特色菜馆包间']),
      // Per head about 300 元, within the usual business hospitality standard.
      budget: guests * random.pick([200, 300, 400]) + 500,
      purpose: fate === 'emergency' ? '客户高层临时到访商谈合作' : random.pick(['年度合作答谢', '新合同签约答谢', '重点客户高层来访接待']),
      emergency: fate === 'emergency',
      emergencyReason: fate === 'emergency' ? '客户总经理临时到访，总监在外地出差无法事前审批。' : null,
    });
    if (fate !== 'pending') {
      clock.set(new Date(appliedAt.getTime() + (fate === 'emergency' ? 26 : 5) * HOUR));
      const request = await approvals.forDocument(director.ctx, 'reception_banquet', b.id);
      const reject = fate === 'rejected';
      if (request) await approvals.act(director.ctx, request.id, reject ? 'reject' : 'approve', { comment: reject ? '预算超出本季度招待费额度，请改为公司餐厅接待。' : '同意。', version: request.version });
    }
    if (fate === 'approved_held') {
      clock.set(new Date(`${heldOn}T20:30:00+08:00`));
      const row = await s.getBanquet(b.id);
      await s.holdBanquet(applicant.ctx, b.id, { version: row.version });
    }
    const row = await s.getBanquet(b.id);
    const key = `${row.status}${row.emergency ? '(紧急)' : ''}`;
    banquetStates[key] = (banquetStates[key] ?? 0) + 1;
  }
  clock.set(clock.end);
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
  demo.report(`${visitCount} 来访登记 (在场 ${onSite}), ${visitIds.filter((_, i) => i % 2 === 0).length} 接待记录 (${list(outcomes)}), 参观 ${list(tourStates)}, 宴请 ${list(banquetStates)}`);
}
