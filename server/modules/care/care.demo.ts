import type { BuildContext } from '../../platform/modules/manifest';
import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { CustomerServices } from '../customers/customers.module';
import { customerLookups } from '../customers/customers.queries';
import { addDays } from './care.rules';
import type { CareService } from './care.service';

const DAY = 86_400_000;
const LUNAR_BIRTHDAYS = ['1968-08-15', '1975-01-08', '1981-05-20', '1972-09-09', '1979-12-18', '1985-03-03'];

/**
 * Demo (docs/regulations.md §12): lunar birthdays for some contacts (the archive's demo already gives others a
 * solar one), a greeting template per channel, past care actions, and one event with its attendance.
 */
export async function careDemo(care: CareService, ctx: BuildContext, demo: DemoContext): Promise<void> {
  const { customers } = ctx.use<CustomerServices>('customers');
  const { org, clock } = demo;
  const end = clock.end.getTime();
  const manager = org.byRole('manager')[0] ?? org.admin;
  const person = (id: number) => org.users.find((u) => u.id === id) ?? manager;

  let lunar = 0;
  const withContacts = demo.customers.filter((c) => c.contacts.length > 0);
  for (let i = 0; i < Math.min(LUNAR_BIRTHDAYS.length, withContacts.length); i++) {
    const c = withContacts[(i * 7) % withContacts.length];
    const k = await customerLookups.contactOf(ctx.db, c.id, c.contacts[0].id);
    if (!k) continue;
    await customers.updateContact(person(c.ownerId).ctx, c.id, k.id, { birthday: LUNAR_BIRTHDAYS[i], birthdayCalendar: 'lunar', version: k.version });
    lunar++;
  }

  clock.set(new Date(end - 120 * DAY));
  const templates = [
    await care.createTemplate(manager.ctx, { name: '生日祝福（邮件）', channel: 'email', occasion: 'birthday', subject: '祝{contact}生日快乐', body: '尊敬的{contact}：\n\n值此生日之际，{sender}谨代表公司全体同仁祝您生日快乐，身体健康，万事如意！感谢您和{customer}一直以来的支持与信任。\n\n{sender}\n{date}' }),
    await care.createTemplate(manager.ctx, { name: '节日问候（短信）', channel: 'sms', occasion: 'festival', body: '{contact}您好，{occasion}将至，祝您和家人节日快乐、阖家幸福！感谢{customer}一路同行。——{sender}' }),
    await care.createTemplate(manager.ctx, { name: '合作周年贺卡', channel: 'card', occasion: 'cooperation', body: '{customer}：\n\n感谢贵公司与我们携手同行。在合作周年之际，谨致以诚挚的谢意，期待未来继续深化合作、共创佳绩！\n\n{sender}\n{date}' }),
  ];

  let actions = 0;
  const channels = ['email', 'sms', 'card', 'phone', 'gift'] as const;
  const occasions = ['birthday', 'festival', 'cooperation', 'yearEnd', 'other'] as const;
  for (let i = 0; i < Math.min(24, demo.customers.length); i++) {
    const c = demo.customers[(i * 13 + 5) % demo.customers.length];
    const at = new Date(end - (10 + i * 12) * DAY);
    clock.set(at);
    const channel = channels[i % channels.length];
    await care.recordAction(person(c.ownerId).ctx, {
      customerId: c.id,
      contactId: c.contacts[0]?.id ?? null,
      occasion: occasions[i % occasions.length],
      channel,
      templateId: channel === 'email' ? templates[0].id : channel === 'sms' ? templates[1].id : channel === 'card' ? templates[2].id : null,
      doneOn: shanghaiDate(at),
      note: channel === 'gift' ? '送月饼礼盒一份' : null,
    });
    actions++;
  }

  clock.set(new Date(end - 45 * DAY));
  const supervisor = org.users.find((u) => u.supervises) ?? manager;
  const event = await care.createEvent(supervisor.ctx, {
    kind: 'event',
    title: '年度客户答谢会',
    startsOn: addDays(shanghaiDate(clock.now()), 14),
    location: '公司多功能厅',
    description: '邀请重点客户参加答谢晚宴与新品介绍。',
  });
  const invited = demo.customers.filter((c) => c.teamId === supervisor.teamId).slice(0, 8);
  if (invited.length) await care.invite(supervisor.ctx, event.id, invited.map((c) => c.id));
  clock.set(new Date(end - 30 * DAY));
  for (const [i, c] of invited.entries()) await care.setAttendance(supervisor.ctx, event.id, c.id, i % 4 === 3 ? 'absent' : 'attended');
  await care.createEvent(manager.ctx, { kind: 'promotion', title: '老客户回购九折', startsOn: shanghaiDate(new Date(end - 20 * DAY)), endsOn: addDays(shanghaiDate(new Date(end)), 40), description: '合作满一年的客户再次采购享九折。' });
  clock.set(new Date(end));
  demo.report(`care: ${lunar} lunar birthdays, ${templates.length} templates, ${actions} care actions, 2 events (${invited.length} invited)`);
}
