import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import type { ApprovalService } from '../approvals/approvals.types';
import type { AttachmentService } from '../customers/attachments.service';
import type { NotificationService, ReminderService } from '../workflow/workflow.types';
import { type ContractRow, contractQueries as q } from './contracts.queries';
import {
  type AuthorityResult,
  type AuthoritySettings,
  type Currency,
  SIGNER_ROLES,
  checkAuthority,
  expiryReminderAt,
  formatMoney,
  fromCents,
  toCnyCents,
  LIMITED_ROLES,
  type BusinessType,
  type CapacityDay,
  daysOf,
  firstOverCapacity,
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
  businessType?: BusinessType | null;
  resource?: string | null;
  quantity?: number | null;
}
export type NewContractInput = ContractInput & Required<Pick<ContractInput, 'customerId' | 'title' | 'amount' | 'startDate' | 'endDate' | 'signerId'>>;

const SETTING_KEYS = [
  ...LIMITED_ROLES.map((r) => `contracts.limit.${r}`),
  'contracts.maxTermMonths',
  'contracts.rate.USD',
  'contracts.rate.EUR',
  'contracts.rate.HKD',
  'contracts.expiryReminderDays',
  'contracts.sizeLine.hotel_group',
  'contracts.sizeLine.production',
];

interface ContractSettings extends AuthoritySettings {
  rates: { USD: number; EUR: number; HKD: number };
  expiryReminderDays: number;
  sizeLines: Record<BusinessType, number>;
}

export async function readSettings(settings: SettingsService, conn: Kysely<Database>): Promise<ContractSettings> {
  const v = await settings.values(conn);
  const n = (k: (typeof SETTING_KEYS)[number]) => Number(v[k]);
  return {
    limitsWan: { specialist: n('contracts.limit.specialist'), sales: n('contracts.limit.sales'), supervisor: n('contracts.limit.supervisor'), manager: n('contracts.limit.manager') },
    maxTermMonths: n('contracts.maxTermMonths'),
    rates: { USD: n('contracts.rate.USD'), EUR: n('contracts.rate.EUR'), HKD: n('contracts.rate.HKD') },
    expiryReminderDays: n('contracts.expiryReminderDays'),
    sizeLines: { hotel_group: n('contracts.sizeLine.hotel_group'), production: n('contracts.sizeLine.production') },
  };
}

export function authorityOf(c: Pick<ContractRow, 'amount_cents' | 'currency' | 'start_date' | 'end_date'>, roles: readonly Role[], s: ContractSettings): AuthorityResult {
  const amountCnyCents = toCnyCents(c.amount_cents, c.currency as Currency, s.rates);
  return checkAuthority({ roles, amountCnyCents, startDate: c.start_date, endDate: c.end_date }, s);
}

export const COLUMNS: Record<keyof ContractInput, string> = {
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
  businessType: 'business_type',
  resource: 'resource',
  quantity: 'quantity',
};

export interface CapacityResult {
  overCapacity: boolean;
  /** The first day that does not fit (or, when all fit, the fullest day); null when no capacity is set for the resource. */
  day: CapacityDay | null;
}

/**
 * The capacity check before signing (docs/regulations.md §13): every day the contract books its resource, the
 * quantity plus what other contracts in approval or in force book must fit the capacity of that day (a dated
 * capacity, else the resource's everyday one; a day without either is not limited). Null when nothing is booked.
 */
export async function checkCapacity(conn: Kysely<Database>, c: Pick<ContractRow, 'id' | 'resource' | 'quantity' | 'start_date' | 'end_date'>): Promise<CapacityResult | null> {
  if (!c.resource || !c.quantity) return null;
  const caps = await q.capacities(conn, c.resource);
  const everyDay = caps.find((r) => r.day === null)?.capacity ?? null;
  const dated = new Map(caps.filter((r) => r.day !== null).map((r) => [r.day!, r.capacity]));
  const others = await q.bookedBy(conn, c.resource, c.start_date, c.end_date, c.id);
  const days: CapacityDay[] = [];
  for (const day of daysOf(c.start_date, c.end_date)) {
    const capacity = dated.get(day) ?? everyDay;
    if (capacity === null) continue;
    const booked = others.filter((o) => o.start_date <= day && o.end_date >= day).reduce((sum, o) => sum + Number(o.quantity ?? 0), 0);
    days.push({ day, capacity, booked });
  }
  if (!days.length) return { overCapacity: false, day: null };
  const over = firstOverCapacity(days, c.quantity);
  const fullest = days.reduce((a, b) => (b.booked - b.capacity > a.booked - a.capacity ? b : a));
  return { overCapacity: !!over, day: over ?? fullest };
}

/** The API value of a column, for the audit trail (amounts in currency units, as typed). */
export function apiValue(field: keyof ContractInput, row: Record<string, unknown>) {
  const v = row[COLUMNS[field]] ?? null;
  return field === 'amount' && typeof v === 'number' ? fromCents(v) : v;
}

export const langOf = (locale: string | null | undefined): Lang => (LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN';

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

/** What every contract use case shares: the deps, loading, reference checks and taking effect. */
export function createContractCore(deps: ContractDeps) {
  const { db, audit, clock, notifications, reminders, settings } = deps;

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
    // One reminder for all readers; the per-language keys are those of reminders scheduled before notices had keys.
    return [`contract:${id}:expiry`, ...LANGS.map((l) => `contract:${id}:expiry:${l}`)];
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
    // Stored as message keys: each reader sees the notice in their own interface language.
    if (finance.length) {
      await notifications.notify(trx, {
        userIds: finance.map((u) => u.id),
        kind: 'contract.effective',
        titleKey: 'contract.notify.effective',
        bodyKey: 'contract.notify.effective_body',
        params: {
          no: before.contract_no,
          title: before.title,
          customer: before.customer_name ?? '',
          amount: formatMoney(before.amount_cents, before.currency as Currency),
          start: before.start_date,
          end: before.end_date,
        },
        link,
      });
    }
    const dueAt = expiryReminderAt(before.end_date, s.expiryReminderDays, now);
    if (dueAt) {
      const people = [...new Set([before.signer_id, before.owner_id])].filter((u): u is number => u != null);
      if (people.length) {
        await reminders.schedule(trx, {
          key: `contract:${id}:expiry`,
          dueAt,
          notification: {
            userIds: people,
            kind: 'contract.expiring',
            titleKey: 'contract.notify.expiring',
            bodyKey: 'contract.notify.expiring_body',
            params: { no: before.contract_no, title: before.title, customer: before.customer_name ?? '', end: before.end_date },
            link,
          },
        });
      }
    }
  }

  return { ...deps, get, wrongStatus, assertReferences, uniqueClash, reminderKeys, takeEffect };
}
export type ContractCore = ReturnType<typeof createContractCore>;
