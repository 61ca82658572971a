import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalDocument, ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { AttachmentService } from '../customers/attachments.service';
import type { NotificationService, ReminderService } from '../workflow/workflow.types';
import { type ContractFilters, type ContractRow, type ContractSortField, contractQueries as q } from './contracts.queries';
import {
  type AuthorityResult,
  type AuthoritySettings,
  type ContractStatus,
  type Currency,
  LIMITED_ROLES,
  SIGNER_ROLES,
  canEdit,
  canSign,
  canTerminate,
  checkAuthority,
  expiryReminderAt,
  formatContractNo,
  formatMoney,
  fromCents,
  toCents,
  toCnyCents,
  validateContractFields,
} from './contracts.rules';

export interface ContractInput {
  customerId?: number;
  contractNo?: string | null;
  title?: string;
  amount?: number;
  currency?: Currency;
  signingDate?: string | null;
  startDate?: string;
  endDate?: string;
  terms?: string | null;
  signerId?: number;
}
export type NewContractInput = ContractInput & Required<Pick<ContractInput, 'customerId' | 'title' | 'amount' | 'startDate' | 'endDate' | 'signerId'>>;

const SETTING_KEYS = [
  ...LIMITED_ROLES.map((r) => `contracts.limit.${r}`),
  'contracts.maxTermMonths',
  'contracts.rate.USD',
  'contracts.rate.EUR',
  'contracts.rate.HKD',
  'contracts.expiryReminderDays',
];

interface ContractSettings extends AuthoritySettings {
  rates: { USD: number; EUR: number; HKD: number };
  expiryReminderDays: number;
}

async function readSettings(settings: SettingsService, conn: Kysely<Database>): Promise<ContractSettings> {
  const v = await settings.values(conn);
  const n = (k: (typeof SETTING_KEYS)[number]) => Number(v[k]);
  return {
    limitsWan: { specialist: n('contracts.limit.specialist'), sales: n('contracts.limit.sales'), supervisor: n('contracts.limit.supervisor'), manager: n('contracts.limit.manager') },
    maxTermMonths: n('contracts.maxTermMonths'),
    rates: { USD: n('contracts.rate.USD'), EUR: n('contracts.rate.EUR'), HKD: n('contracts.rate.HKD') },
    expiryReminderDays: n('contracts.expiryReminderDays'),
  };
}

function authorityOf(c: Pick<ContractRow, 'amount_cents' | 'currency' | 'start_date' | 'end_date'>, roles: readonly Role[], s: ContractSettings): AuthorityResult {
  const amountCnyCents = toCnyCents(c.amount_cents, c.currency as Currency, s.rates);
  return checkAuthority({ roles, amountCnyCents, startDate: c.start_date, endDate: c.end_date }, s);
}

const COLUMNS: Record<keyof ContractInput, string> = {
  customerId: 'customer_id',
  contractNo: 'contract_no',
  title: 'title',
  amount: 'amount_cents',
  currency: 'currency',
  signingDate: 'signing_date',
  startDate: 'start_date',
  endDate: 'end_date',
  terms: 'terms',
  signerId: 'signer_id',
};

/** The API value of a column, for the audit trail (amounts in currency units, as typed). */
function apiValue(field: keyof ContractInput, row: Record<string, unknown>) {
  const v = row[COLUMNS[field]] ?? null;
  return field === 'amount' && typeof v === 'number' ? fromCents(v) : v;
}

const langOf = (locale: string | null | undefined): Lang => (LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN';

export interface ContractDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  attachments: AttachmentService;
  approvals: ApprovalService;
  notifications: NotificationService;
  reminders: ReminderService;
  settings: SettingsService;
}

export function createContractService(deps: ContractDeps) {
  const { db, audit, clock, attachments, approvals, notifications, reminders, settings } = deps;

  async function get(id: number, trx: Kysely<Database> = db) {
    const row = await q.get(trx, id);
    if (!row) throw errors.notFound();
    return row;
  }

  const wrongStatus = (ctx: RequestContext | null, status: string) =>
    new AppError('conflict', 'contract.wrong_status', [{ field: 'status', message: 'contract.wrong_status', params: { status: t(ctx?.lang ?? 'zh-CN', `contract.status.${status}`) } }], {
      status: t(ctx?.lang ?? 'zh-CN', `contract.status.${status}`),
    });

  /** The checks that need the database: the customer in the caller's scope, a signer who may sign for it, a free number. */
  async function assertReferences(ctx: RequestContext, v: { customerId: number; signerId: number; contractNo?: string | null }, exceptId?: number) {
    if (!(await q.customerVisible(db, ctx.actor, v.customerId))) throw errors.field('customerId', 'contract.customer_not_found');
    const signer = await q.scopeActorOf(db, v.signerId);
    if (!signer || !signer.roles.some((r) => (SIGNER_ROLES as readonly string[]).includes(r))) throw errors.field('signerId', 'contract.signer_invalid');
    if (!(await q.customerVisible(db, signer, v.customerId))) throw errors.field('signerId', 'contract.signer_out_of_scope');
    if (v.contractNo && (await q.contractNoTaken(db, v.contractNo, exceptId))) throw errors.conflict('contract.no_taken', 'contractNo');
  }

  /** A uniqueness clash that slipped between the check and the write (two people saving the same number). */
  function uniqueClash(err: unknown): boolean {
    const e = err as { code?: string; message?: string };
    return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed: contracts\.contract_no/.test(e?.message ?? '');
  }

  function reminderKeys(id: number) {
    return LANGS.map((l) => `contract:${id}:expiry:${l}`);
  }

  /**
   * 生效: finance gets a copy as the basis for billing (docs/regulations.md §13), and the signer and the
   * customer's owner are reminded N days before the end. Runs in the caller's transaction.
   */
  async function takeEffect(trx: Kysely<Database>, id: number, ctx: RequestContext | null, via: 'sign' | 'approval') {
    const now = clock.now();
    const before = await get(id, trx);
    await q.setStatus(trx, id, { status: 'effective', effective_at: now.toISOString() }, now.toISOString());
    await audit.record(trx, actorInfo(ctx), {
      action: 'effective',
      entityType: 'contract',
      entityId: id,
      summary: `${before.contract_no} (${via})`,
      changes: { status: [before.status, 'effective'] },
    });
    const s = await readSettings(settings, trx);
    const link = { type: 'contract', id, path: `/contracts/${id}` };
    const finance = await q.usersWithRoles(trx, ['finance']);
    // Each reader gets the copy in their own interface language.
    for (const lang of LANGS) {
      const userIds = finance.filter((u) => langOf(u.locale) === lang).map((u) => u.id);
      if (userIds.length === 0) continue;
      await notifications.notify(trx, {
        userIds,
        kind: 'contract.effective',
        title: t(lang, 'contract.notify.effective', { no: before.contract_no, title: before.title }),
        body: t(lang, 'contract.notify.effective_body', {
          customer: before.customer_name,
          amount: formatMoney(before.amount_cents, before.currency as Currency),
          start: before.start_date,
          end: before.end_date,
        }),
        link,
      });
    }
    const dueAt = expiryReminderAt(before.end_date, s.expiryReminderDays, now);
    if (dueAt) {
      const people = await q.localesOf(trx, [...new Set([before.signer_id, before.owner_id])]);
      for (const lang of LANGS) {
        const userIds = people.filter((p) => langOf(p.locale) === lang).map((p) => p.id);
        const key = `contract:${id}:expiry:${lang}`;
        if (userIds.length === 0) continue;
        await reminders.schedule(trx, {
          key,
          dueAt,
          notification: {
            userIds,
            kind: 'contract.expiring',
            title: t(lang, 'contract.notify.expiring', { no: before.contract_no, title: before.title }),
            body: t(lang, 'contract.notify.expiring_body', { customer: before.customer_name, end: before.end_date }),
            link,
          },
        });
      }
    }
  }

  /** The approval engine's view of a contract (issue 4 §1): the signer applies; the director's step depends on the flags. */
  const approvalHandler: DocumentTypeHandler = {
    type: 'contract',
    label: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contract' },
    async load(trx, id): Promise<ApprovalDocument | undefined> {
      const c = await q.get(trx, id);
      if (!c) return undefined;
      const signer = await q.placement(trx, c.signer_id);
      // Evaluated afresh on every (re)submission: a returned contract may have been made smaller or shorter.
      const a = authorityOf(c, signer?.roles ?? [], await readSettings(settings, trx));
      return {
        applicantId: c.signer_id,
        departmentId: signer?.department_id ?? null,
        teamId: signer?.team_id ?? null,
        title: `${c.contract_no} ${c.title}`,
        fields: { amount: fromCents(a.amountCnyCents), currency: c.currency, exceedsLimit: a.exceedsLimit, exceedsTerm: a.exceedsTerm },
        link: `/contracts/${id}`,
      };
    },
    /** Whoever sees the contract (its customer's owner, team, finance …) reads its approval history too. */
    async canView(trx, actor, id) {
      return q.visible(trx, actor, id);
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const c = await get(id, trx);
      const now = clock.now().toISOString();
      if (outcome === 'approved') {
        await takeEffect(trx, id, ctx, 'approval');
        return;
      }
      const next: ContractStatus = outcome === 'pending' ? 'pending' : 'draft';
      if (c.status === next) return;
      await q.setStatus(trx, id, outcome === 'pending' ? { status: next, signed_at: now } : { status: next }, now);
      await audit.record(trx, actorInfo(ctx), { action: `approval.${outcome}`, entityType: 'contract', entityId: id, summary: c.contract_no, changes: { status: [c.status, next] } });
    },
  };

  return {
    approvalHandler,
    get,

    list(
      ctx: RequestContext,
      f: Omit<ContractFilters, 'expiring'> & { expiringWithinDays?: number },
      p: { page: number; pageSize: number; sort: { field: ContractSortField; direction: 'asc' | 'desc' } },
    ) {
      const { expiringWithinDays, ...rest } = f;
      let expiring: ContractFilters['expiring'];
      if (expiringWithinDays !== undefined) {
        const today = shanghaiDate(clock.now());
        const until = new Date(`${today}T00:00:00Z`);
        until.setUTCDate(until.getUTCDate() + expiringWithinDays);
        expiring = { today, until: until.toISOString().slice(0, 10) };
      }
      return q.list(db, ctx.actor, { ...rest, expiring }, p);
    },

    /** Whether the named signer may sign the contract alone, as the rules judge it today (shown before signing). */
    async authority(c: ContractRow): Promise<AuthorityResult> {
      const signer = await q.scopeActorOf(db, c.signer_id);
      return authorityOf(c, signer?.roles ?? [], await readSettings(settings, db));
    },

    /** The people who may sign for a customer: active signer roles who handle it (docs/regulations.md §1 scope). */
    async signers(ctx: RequestContext, customerId: number) {
      if (!(await q.customerVisible(db, ctx.actor, customerId))) throw errors.notFound();
      const candidates = await q.usersWithRoles(db, SIGNER_ROLES);
      const out: { id: number; displayName: string; roles: Role[] }[] = [];
      for (const u of candidates) {
        const a = await q.scopeActorOf(db, u.id);
        if (a && (await q.customerVisible(db, a, customerId))) out.push({ id: u.id, displayName: u.display_name, roles: a.roles.filter((r) => (SIGNER_ROLES as readonly string[]).includes(r)) });
      }
      return out;
    },

    async create(ctx: RequestContext, raw: NewContractInput) {
      // A blank number means "number it for me".
      const input = { ...raw, contractNo: raw.contractNo?.trim() || null };
      const problems = validateContractFields(input);
      if (problems.length) throw errors.validation(problems);
      await assertReferences(ctx, input);
      const customer = (await q.customer(db, input.customerId))!;
      const now = clock.now();
      const t0 = now.toISOString();
      try {
        const id = await db.transaction().execute(async (trx) => {
          let contractNo = input.contractNo ?? null;
          if (!contractNo) {
            // Skip numbers someone typed by hand in the HT pattern.
            const year = Number(shanghaiDate(now).slice(0, 4));
            do contractNo = formatContractNo(year, await q.nextContractNo(trx, year));
            while (await q.contractNoTaken(trx, contractNo));
          }
          const id = await q.insert(trx, {
            contract_no: contractNo,
            title: input.title,
            customer_id: input.customerId,
            amount_cents: toCents(input.amount)!,
            currency: input.currency ?? 'CNY',
            signing_date: input.signingDate ?? null,
            start_date: input.startDate,
            end_date: input.endDate,
            terms: input.terms ?? null,
            signer_id: input.signerId,
            status: 'draft',
            owner_id: customer.owner_id,
            team_id: customer.team_id,
            department_id: customer.department_id,
            created_by: ctx.actor.id,
            created_at: t0,
            updated_at: t0,
          });
          const changes: Record<string, [unknown, unknown]> = { contractNo: [null, contractNo] };
          for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== 'contractNo') changes[k] = [null, v];
          await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'contract', entityId: id, summary: contractNo, changes });
          return id;
        });
        return get(id);
      } catch (err) {
        if (uniqueClash(err)) throw errors.conflict('contract.no_taken', 'contractNo');
        throw err;
      }
    },

    /** A draft is edited freely (issue 4 §7); once signed the terms are fixed. */
    async update(ctx: RequestContext, id: number, input: ContractInput & { version: number }) {
      const { version, ...fields } = input;
      const before = await get(id);
      if (!canEdit(before.status as ContractStatus)) throw wrongStatus(ctx, before.status);
      // A contract keeps its number once it has one; only another number replaces it.
      if (fields.contractNo !== undefined && !fields.contractNo?.trim()) throw errors.field('contractNo', 'validation.required');
      const merged = {
        contractNo: fields.contractNo,
        amount: fields.amount,
        signingDate: fields.signingDate,
        startDate: fields.startDate ?? before.start_date,
        endDate: fields.endDate ?? before.end_date,
      };
      const problems = validateContractFields(merged);
      if (problems.length) throw errors.validation(problems);
      const customerId = fields.customerId ?? before.customer_id;
      if (fields.customerId !== undefined || fields.signerId !== undefined || fields.contractNo !== undefined) {
        await assertReferences(ctx, { customerId, signerId: fields.signerId ?? before.signer_id, contractNo: fields.contractNo }, id);
      }
      const patch: Record<string, unknown> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [k, v] of Object.entries(fields) as [keyof ContractInput, unknown][]) {
        if (v === undefined) continue;
        const value = k === 'amount' ? toCents(v as number) : v;
        if ((before as Record<string, unknown>)[COLUMNS[k]] === value) continue;
        patch[COLUMNS[k]] = value;
        changes[k] = [apiValue(k, before as Record<string, unknown>), v];
      }
      if (fields.customerId !== undefined && fields.customerId !== before.customer_id) {
        // The contract follows its customer's data scope (docs/regulations.md §1).
        const customer = (await q.customer(db, customerId))!;
        Object.assign(patch, { owner_id: customer.owner_id, team_id: customer.team_id, department_id: customer.department_id });
      }
      try {
        await db.transaction().execute(async (trx) => {
          await updateVersioned(trx, 'contracts', id, version, patch, clock.now().toISOString());
          if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'contract', entityId: id, summary: before.contract_no, changes });
        });
      } catch (err) {
        if (uniqueClash(err)) throw errors.conflict('contract.no_taken', 'contractNo');
        throw err;
      }
      return get(id);
    },

    /**
     * 签订 by the named signer (docs/regulations.md §13): within their limit and term the contract takes effect at
     * once, without any approval request; otherwise it goes to the director's approval.
     */
    async sign(ctx: RequestContext, id: number, version: number) {
      const c = await get(id);
      if (!canSign(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
      if (c.signer_id !== ctx.actor.id) throw errors.forbidden('contract.not_signer');
      const a = authorityOf(c, ctx.actor.roles, await readSettings(settings, db));
      const now = clock.now();
      const status: ContractStatus = a.within ? 'effective' : 'pending';
      await db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'contracts',
          id,
          version,
          // Within authority takeEffect() sets 生效 below; else 审批中 before the engine loads the document.
          { ...(a.within ? {} : { status: 'pending' }), exceeds_limit: a.exceedsLimit ? 1 : 0, exceeds_term: a.exceedsTerm ? 1 : 0, signed_at: now.toISOString(), signing_date: c.signing_date ?? shanghaiDate(now) },
          now.toISOString(),
        );
        await audit.record(trx, actorInfo(ctx), {
          action: 'sign',
          entityType: 'contract',
          entityId: id,
          summary: c.contract_no,
          changes: { status: [c.status, status], exceedsLimit: [null, a.exceedsLimit], exceedsTerm: [null, a.exceedsTerm] },
        });
        if (a.within) await takeEffect(trx, id, ctx, 'sign');
        else await approvals.submit(trx, ctx, 'contract', id);
      });
      return get(id);
    },

    async terminate(ctx: RequestContext, id: number, input: { reason: string; version: number }) {
      const c = await get(id);
      if (!canTerminate(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'contracts', id, input.version, { status: 'terminated', termination_reason: input.reason, terminated_at: now, terminated_by: ctx.actor.id }, now);
        for (const key of reminderKeys(id)) await reminders.cancel(trx, key);
        await audit.record(trx, actorInfo(ctx), { action: 'terminate', entityType: 'contract', entityId: id, summary: input.reason, changes: { status: [c.status, 'terminated'], terminationReason: [null, input.reason] } });
      });
      return get(id);
    },

    /** The daily run: effective contracts past their end date become 到期 (system actor in the audit log). */
    async expireDue(): Promise<number> {
      const now = clock.now();
      const due = await q.pastEnd(db, shanghaiDate(now));
      for (const c of due) {
        await db.transaction().execute(async (trx) => {
          if (!(await q.markExpired(trx, c.id, now.toISOString()))) return; // terminated meanwhile
          for (const key of reminderKeys(c.id)) await reminders.cancel(trx, key);
          await audit.record(trx, actorInfo(null), { action: 'expire', entityType: 'contract', entityId: c.id, summary: c.contract_no, changes: { status: ['effective', 'expired'] } });
        });
      }
      return due.length;
    },

    attachments: {
      list: (id: number) => q.attachments(db, id),

      /** Filed in the customer's archive as a 合同 attachment (same type and size checks) and linked here. */
      async upload(ctx: RequestContext, id: number, input: { filename: string; description?: string; body: Buffer }) {
        const c = await get(id);
        const row = await attachments.upload(ctx, c.customer_id, { ...input, kind: 'contract' });
        await db.transaction().execute(async (trx) => {
          await q.linkAttachment(trx, id, row.id);
          await audit.record(trx, actorInfo(ctx), { action: 'attachment.create', entityType: 'contract', entityId: id, summary: row.filename, changes: { 'attachment.filename': [null, row.filename] } });
        });
        return row;
      },

      async open(ctx: RequestContext, id: number, attachmentId: number) {
        const row = (await q.attachments(db, id)).find((a) => a.id === attachmentId);
        if (!row) throw errors.notFound();
        return attachments.open(ctx, row.customer_id, attachmentId);
      },

      /** Only a draft's files can be removed: a signed contract's copies stay on file. */
      async remove(ctx: RequestContext, id: number, attachmentId: number) {
        const c = await get(id);
        const row = (await q.attachments(db, id)).find((a) => a.id === attachmentId);
        if (!row) throw errors.notFound();
        if (!canEdit(c.status as ContractStatus)) throw wrongStatus(ctx, c.status);
        await attachments.remove(ctx, row.customer_id, attachmentId);
        await audit.record(db, actorInfo(ctx), { action: 'attachment.delete', entityType: 'contract', entityId: id, summary: row.filename, changes: { 'attachment.filename': [row.filename, null] } });
      },
    },
  };
}
export type ContractService = ReturnType<typeof createContractService>;
