import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { ROLES, roleCapabilities } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import { shanghaiDate, type Clock } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, ChainStep, DocumentTypeHandler } from '../approvals/approvals.types';
import type { AttachmentAccessGuard, AttachmentService } from '../customers/attachments.service';
import type { NotificationService } from '../workflow/workflow.types';
import { archiveQueries as q, type LoanFilters } from './archives.queries';
import { grantUsable, levelOf, needsApproval, nextIndex } from './archives.rules';

export const DOWNLOAD_TYPE = 'archive_download';
export const KEEP_CAPABILITY = 'archives.keep';
/** Texts stored once (approval titles, notifications) are in the interface's default language, like the audit log. */
const LANG = 'zh-CN' as const;
const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** Until an administrator saves another chain: the manager decides (docs/regulations.md §1, §18). */
export const DOWNLOAD_CHAIN: ChainStep[] = [{ key: 'manager', name: L('经理审批', '經理審批', 'Manager approval'), approver: { kind: 'role', role: 'manager', within: 'company' } }];

export interface CorrespondenceInput {
  kind: string;
  direction: string;
  subject: string;
  counterpart?: string | null;
  datedOn: string;
  attachmentId: number;
}

/**
 * Confidential material and lending 档案借阅 (docs/regulations.md §1, §2): levels set by the archive keeper,
 * the correspondence register, loans inside the department with overdue notices, and downloads of material
 * above the approval level only on a manager-approved, time-limited, single-use grant; every access is audited.
 */
export function createArchiveService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  approvals: ApprovalService;
  attachments: AttachmentService;
  notifications: NotificationService;
}) {
  const { db, audit, clock, settings, approvals, attachments, notifications } = deps;
  const now = () => clock.now().toISOString();
  const today = () => shanghaiDate(clock.now());
  const levelSettings = async () => ({ levels: await settings.value<string[]>('archives.levels'), above: await settings.value<string>('archives.approvalAbove') });

  async function visibleCustomer(ctx: RequestContext, customerId: number, conn: Kysely<Database> = db) {
    const c = await q.customerVisible(conn, ctx.actor, customerId);
    if (!c) throw errors.field('customerId', 'archive.customer_not_found');
    return c;
  }
  async function attachmentOf(customerId: number, attachmentId: number) {
    const a = (await attachments.list(customerId)).find((x) => x.id === attachmentId);
    if (!a) throw errors.field('attachmentId', 'archive.attachment_not_found');
    return a;
  }

  /** The roles that keep the archive (hold `archives.keep`); their holders in the department get the overdue notices. */
  const keeperRoles = () => ROLES.filter((r) => r !== 'admin' && roleCapabilities(r).includes(KEEP_CAPABILITY));

  const handler: DocumentTypeHandler = {
    type: DOWNLOAD_TYPE,
    label: L('密级档案下载', '密級檔案下載', 'Confidential download'),
    defaultChain: DOWNLOAD_CHAIN,
    async load(trx, id) {
      const r = await q.request(trx, id);
      if (!r) return undefined;
      return {
        applicantId: r.applicant_id,
        departmentId: r.department_id,
        teamId: r.team_id,
        title: t(LANG, 'archive.approval_title', { customer: r.customer_name, filename: r.filename, level: r.level }),
        fields: { level: r.level },
        link: `/customers/${r.customer_id}`,
      };
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const hours = await settings.number('archives.grantHours', trx);
      const until = outcome === 'approved' ? new Date(clock.now().getTime() + hours * 3_600_000).toISOString() : null;
      await q.setRequest(trx, id, { status: outcome, granted_until: until });
      await audit.record(trx, actorInfo(ctx), { action: 'archive.download_request', entityType: 'archive_download', entityId: id, changes: { status: [null, outcome] } });
    },
    canView: async (trx, actor, id) => {
      const r = await q.request(trx, id);
      return !!r && (r.applicant_id === actor.id || !!(await q.customerVisible(trx, actor, r.customer_id)));
    },
  };

  /** The hook of every attachment download (customers' and contracts' routes): refuses confidential material without a grant. */
  const guard: AttachmentAccessGuard = {
    async beforeDownload(ctx, a) {
      const { levels, above } = await levelSettings();
      const level = levelOf(await q.level(db, a.id), levels);
      if (!needsApproval(level, levels, above)) return;
      for (const g of await q.grants(db, a.id, ctx.actor.id)) {
        if (grantUsable(g, clock.now()) && (await q.useGrant(db, g.id, now()))) {
          await audit.record(db, actorInfo(ctx), { action: 'archive.download_granted', entityType: 'customer', entityId: a.customerId, summary: `${a.filename} (${level})`, changes: { grant: [null, g.id] } });
          return;
        }
      }
      await audit.record(db, actorInfo(ctx), { action: 'archive.download_refused', entityType: 'customer', entityId: a.customerId, summary: `${a.filename} (${level})` });
      throw new AppError('forbidden', 'archive.approval_required', [{ field: 'attachmentId', message: 'archive.approval_required', params: { level } }], { level });
    },
  };

  return {
    handler,
    guard,
    levelSettings,

    /** A customer's filed material with its level and whether a download needs approval. */
    async material(customerId: number) {
      const { levels, above } = await levelSettings();
      const set = new Map((await q.levels(db, customerId)).map((l) => [l.attachment_id, l.level]));
      return (await attachments.list(customerId)).map((a) => {
        const level = levelOf(set.get(a.id), levels);
        return { attachment: a, level, needsApproval: needsApproval(level, levels, above) };
      });
    },

    /** Only the keeper sets a level; the change is audit-logged with old → new. */
    async setLevel(ctx: RequestContext, customerId: number, attachmentId: number, level: string) {
      const { levels } = await levelSettings();
      if (!levels.includes(level)) throw errors.field('level', 'archive.level_unknown');
      const a = await attachmentOf(customerId, attachmentId);
      await db.transaction().execute(async (trx) => {
        const before = await q.level(trx, attachmentId);
        await q.setLevel(trx, { attachment_id: attachmentId, customer_id: customerId, level, set_by: ctx.actor.id, set_at: now() });
        await audit.record(trx, actorInfo(ctx), { action: 'archive.level', entityType: 'customer', entityId: customerId, summary: a.filename, changes: { level: [levelOf(before, levels), level] } });
      });
      return { attachmentId, level };
    },

    correspondence: (customerId: number) => q.correspondence(db, customerId),

    /** Filed with the next index number of the customer: 1, 2, 3 … without gaps (docs/regulations.md §2). */
    async file(ctx: RequestContext, customerId: number, input: CorrespondenceInput) {
      await attachmentOf(customerId, input.attachmentId);
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            const row = await q.insertCorrespondence(trx, {
              customer_id: customerId,
              index_no: nextIndex(await q.lastIndex(trx, customerId)),
              kind: input.kind,
              direction: input.direction,
              subject: input.subject,
              counterpart: input.counterpart ?? null,
              dated_on: input.datedOn,
              attachment_id: input.attachmentId,
              created_by: ctx.actor.id,
              created_at: now(),
            });
            await audit.record(trx, actorInfo(ctx), { action: 'archive.file', entityType: 'customer', entityId: customerId, summary: `${row.index_no} ${input.subject}` });
            return row;
          });
        } catch (err) {
          if (attempt >= 3) throw err; // another clerk took the number at the same moment: take the next one
        }
      }
    },

    loans: (ctx: RequestContext, f: LoanFilters) => q.loans(db, ctx.actor, f),

    /**
     * Lent only to someone of the material's department — the customer's, else the keeper's (001 篇1 七:
     * 本部人员借阅，用后收回; 保密性资料不得借出本部门).
     */
    async lend(ctx: RequestContext, input: { customerId: number; attachmentId?: number | null; material?: string | null; borrowerId: number; lentOn?: string | null; dueOn?: string | null; note?: string | null }) {
      const c = await visibleCustomer(ctx, input.customerId);
      const a = input.attachmentId ? await attachmentOf(c.id, input.attachmentId) : null;
      const borrower = await q.user(db, input.borrowerId);
      if (!borrower || !borrower.active) throw errors.field('borrowerId', 'archive.borrower_not_found');
      const departmentId = c.department_id ?? ctx.actor.departmentId;
      if (departmentId === null || departmentId === undefined) throw errors.field('customerId', 'archive.no_department');
      if (borrower.department_id !== departmentId) {
        await audit.record(db, actorInfo(ctx), { action: 'archive.loan_refused', entityType: 'customer', entityId: c.id, summary: `${a?.filename ?? input.material ?? ''} → ${borrower.display_name}` });
        throw new AppError('forbidden', 'archive.outside_department', [{ field: 'borrowerId', message: 'archive.outside_department' }]);
      }
      const lentOn = input.lentOn ?? today();
      const dueOn = input.dueOn ?? shanghaiDate(new Date(new Date(`${lentOn}T12:00:00+08:00`).getTime() + (await settings.number('archives.loanDays')) * 86_400_000));
      if (dueOn < lentOn) throw errors.field('dueOn', 'archive.due_before_lent');
      const material = input.material?.trim() || a?.filename;
      if (!material) throw errors.field('material', 'archive.attachment_not_found');
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertLoan(trx, {
          customer_id: c.id,
          attachment_id: a?.id ?? null,
          material,
          borrower_id: borrower.id,
          department_id: departmentId,
          lent_by: ctx.actor.id,
          lent_on: lentOn,
          due_on: dueOn,
          note: input.note ?? null,
          created_at: now(),
        });
        await audit.record(trx, actorInfo(ctx), { action: 'archive.lend', entityType: 'archive_loan', entityId: id, summary: `${material} → ${borrower.display_name}, ${dueOn}` });
        return id;
      });
      return (await q.loan(db, id))!;
    },

    async giveBack(ctx: RequestContext, id: number, on?: string | null) {
      if (!(await q.loanVisible(db, ctx.actor, id))) throw errors.notFound();
      await db.transaction().execute(async (trx) => {
        if (!(await q.returnLoan(trx, id, on ?? today(), ctx.actor.id))) throw errors.conflict('archive.already_returned', 'id');
        await audit.record(trx, actorInfo(ctx), { action: 'archive.return', entityType: 'archive_loan', entityId: id });
      });
      return (await q.loan(db, id))!;
    },

    /**
     * Overdue loans notify the department's keepers once: the run holds a lease, and each loan's notice is
     * claimed in its own transaction, so two processes never send it twice.
     */
    async runOverdue(leases: { acquire(name: string, ms: number): Promise<boolean> }, leaseMs = 5 * 60_000): Promise<number | null> {
      if (!(await leases.acquire('archives.overdue', leaseMs))) return null;
      let sent = 0;
      for (const loan of await q.overdueUnnotified(db, today())) {
        const done = await db.transaction().execute(async (trx) => {
          if (!(await q.claimOverdue(trx, loan.id, now()))) return false;
          let keepers = await q.activeWithRoles(trx, keeperRoles(), loan.department_id);
          if (!keepers.length) keepers = await q.activeWithRoles(trx, keeperRoles());
          await notifications.notify(trx, {
            userIds: keepers.map((k) => k.id),
            kind: 'archive.overdue',
            titleKey: 'archive.overdue_title',
            bodyKey: 'archive.overdue_body',
            params: { borrower: loan.borrower_name ?? '', customer: loan.customer_name, material: loan.material, due: loan.due_on },
            link: { type: 'archive_loan', id: loan.id, path: '/archives/loans' },
          });
          return true;
        });
        if (done) sent++;
      }
      return sent;
    },

    /** A request to download one confidential file, sent to the approval chain (the applicant is the caller). */
    async requestDownload(ctx: RequestContext, input: { customerId: number; attachmentId: number; reason: string }) {
      const c = await visibleCustomer(ctx, input.customerId);
      const a = await attachmentOf(c.id, input.attachmentId);
      const { levels, above } = await levelSettings();
      const level = levelOf(await q.level(db, input.attachmentId), levels);
      if (!needsApproval(level, levels, above)) throw errors.field('attachmentId', 'archive.no_approval_needed');
      const me = await q.user(db, ctx.actor.id);
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertRequest(trx, {
          customer_id: c.id,
          attachment_id: input.attachmentId,
          applicant_id: ctx.actor.id,
          team_id: me?.team_id ?? null,
          department_id: me?.department_id ?? null,
          filename: a.filename,
          level,
          reason: input.reason,
          created_at: now(),
        });
        await approvals.submit(trx, ctx, DOWNLOAD_TYPE, id, input.reason);
        return id;
      });
      return (await q.request(db, id))!;
    },

    myRequests: (ctx: RequestContext) => q.requestsOf(db, ctx.actor.id),

    moveCustomer: (trx: Kysely<Database>, fromId: number, toId: number) => q.moveCustomer(trx, fromId, toId),
  };
}
export type ArchiveService = ReturnType<typeof createArchiveService>;
