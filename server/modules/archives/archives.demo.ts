import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { AttachmentService } from '../customers/attachments.service';
import type { ArchiveService } from './archives.service';

const DAY = 86_400_000;
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const LETTERS: ['fax' | 'letter' | 'contract' | 'email', 'in' | 'out', string, string][] = [
  ['letter', 'out', '合作意向函', '采购部'],
  ['fax', 'in', '询价传真', '采购部 王经理'],
  ['contract', 'out', '年度供货合同（签章版）', '法务部'],
  ['email', 'in', '交货期调整确认', '物流部'],
];

/**
 * Demo: correspondence filed for a few customers with their index numbers, one signed contract copy marked
 * 机密 (downloads need the manager's approval), and loans inside the department — one returned, one open,
 * one overdue so the keeper has a notice (docs/regulations.md §1, §2).
 */
export async function archivesDemo(archives: ArchiveService, attachments: AttachmentService, demo: DemoContext): Promise<void> {
  const { clock, org, random } = demo;
  const end = clock.end.getTime();
  const keeper = org.users.find((u) => u.roles.includes('manager')) ?? org.byRole('supervisor')[0];
  if (!keeper) return;
  const customers = demo.customers.filter((c) => c.departmentId === keeper.departmentId).slice(0, 4);
  const filer = (ownerId: number) => org.users.find((u) => u.id === ownerId) ?? keeper;
  const colleagues = org.users.filter((u) => u.departmentId === keeper.departmentId && u.id !== keeper.id && u.roles.some((r) => r === 'specialist' || r === 'supervisor'));
  let confidential: { customerId: number; attachmentId: number; filename: string } | null = null;
  for (const [ci, c] of customers.entries()) {
    const who = filer(c.ownerId);
    for (const [i, [kind, direction, subject, counterpart]] of LETTERS.entries()) {
      clock.set(new Date(end - (120 - i * 25 - ci) * DAY));
      const file = await attachments.upload(who.ctx, c.id, { filename: `${subject}.pdf`, kind: kind === 'email' ? 'other' : kind, body: pdf(subject) });
      await archives.file(who.ctx, c.id, { kind, direction, subject, counterpart: `${c.name} ${counterpart}`, datedOn: shanghaiDate(clock.now()), attachmentId: file.id });
      if (kind === 'contract') {
        await archives.setLevel(keeper.ctx, c.id, file.id, ci === 0 ? '机密' : '秘密');
        if (ci === 0) confidential = { customerId: c.id, attachmentId: file.id, filename: file.filename };
      } else if (kind === 'letter') {
        await archives.setLevel(keeper.ctx, c.id, file.id, '内部');
      }
    }
  }
  if (!confidential || !colleagues.length) {
    clock.set(clock.end);
    return;
  }
  const borrower = (i: number) => colleagues[i % colleagues.length];
  const lend = async (daysAgo: number, loanDays: number, i: number) => {
    clock.set(new Date(end - daysAgo * DAY));
    const c = customers[i % customers.length];
    const lentOn = shanghaiDate(clock.now());
    return archives.lend(keeper.ctx, {
      customerId: c.id,
      material: `${c.name} 客户档案（第${random.int(1, 4)}卷）`,
      borrowerId: borrower(i).id,
      lentOn,
      dueOn: shanghaiDate(new Date(clock.now().getTime() + loanDays * DAY)),
      note: '用后收回',
    });
  };
  const returned = await lend(40, 7, 0);
  clock.set(new Date(end - 35 * DAY));
  await archives.giveBack(keeper.ctx, returned.id);
  await lend(5, 14, 1); // open, not yet due
  await lend(30, 10, 2); // overdue: the keeper's notice comes from the job
  clock.set(clock.end);
}
