import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { Clock } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import type { TaskService } from '../workflow/workflow.types';
import { maintenanceQueries as q } from './maintenance.queries';
import { budgetSummary, canSubmit, isEditable, isExecuting, statusAfterOutcome, toFen } from './maintenance.rules';

export const DOCUMENT_TYPE = 'maintenance_plan';
export const ENTITY = 'maintenance_plan';

export interface PlanInput {
  title: string;
  customerIds: number[];
  goals: string;
  method: string;
  measures: string;
  staffIds: number[];
  /** Yuan, at most two decimals. */
  budget: number;
  startDate: string;
  endDate: string;
}

export interface TaskSplitInput {
  title: string;
  description?: string | null;
  assigneeId: number;
  customerId?: number | null;
  dueDate?: string | null;
  workingDays?: number | null;
}

export interface RecordInput {
  planTaskId?: number | null;
  customerId?: number | null;
  content: string;
  feedback: string;
  at?: string | null;
  completeTask?: boolean;
}

export interface ExpenseInput {
  amount: number;
  spentOn: string;
  item: string;
}

/**
 * Marks a workflow task done through the tasks service (its permission check, audit, reminders and
 * notifications; the to-do item disappears), inside the caller's transaction.
 */
export type CompleteTask = (trx: Kysely<Database>, ctx: RequestContext, taskId: number, note: string) => Promise<void>;

export const planPath = (id: number) => `/maintenance-plans/${id}`;
export const locked = () => new AppError('conflict', 'maintenance.locked');
export const notExecuting = () => new AppError('conflict', 'maintenance.not_executing');

export function fen(field: string, yuan: number): number {
  const v = toFen(yuan);
  if (v === null) throw errors.field(field, 'maintenance.money');
  return v;
}

export function dedupe(ids: number[]) {
  return [...new Set(ids)];
}

export interface MaintenanceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  approvals: Pick<ApprovalService, 'submit'>;
  tasks: TaskService;
  completeTask: CompleteTask;
  calendar: Pick<CalendarService, 'addWorkingDays'>;
}

/** What every use case of a plan shares: loading, the party and period checks, the caller's view, the approval handler. */
export function createMaintenanceCore(deps: MaintenanceDeps) {
  const { db, audit, clock } = deps;
  const now = () => clock.now().toISOString();

  async function load(id: number, conn: Kysely<Database> = db) {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  /** Customers must be ones the drafter works on (their data scope); staff must be active colleagues. */
  async function checkParties(conn: Kysely<Database>, actor: Actor, input: { customerIds?: number[]; staffIds?: number[] }) {
    const problems: FieldError[] = [];
    if (input.customerIds) {
      const visible = await q.visibleCustomerIds(conn, actor, input.customerIds);
      input.customerIds.forEach((id, i) => {
        if (!visible.has(id)) problems.push({ field: `customerIds.${i}`, message: 'maintenance.customer_unknown' });
      });
    }
    if (input.staffIds) {
      const active = await q.activeUserIds(conn, input.staffIds);
      input.staffIds.forEach((id, i) => {
        if (!active.has(id)) problems.push({ field: `staffIds.${i}`, message: 'maintenance.staff_unknown' });
      });
    }
    if (problems.length) throw errors.validation(problems);
  }

  function checkPeriod(startDate: string, endDate: string) {
    if (endDate < startDate) throw errors.field('endDate', 'maintenance.period_reversed');
  }

  function assertOwner(ctx: RequestContext, plan: { owner_id: number }) {
    if (plan.owner_id !== ctx.actor.id) throw errors.forbidden('maintenance.not_owner');
  }

  /** The full plan as the caller sees it, with what the caller may do next. */
  async function view(ctx: RequestContext, id: number, conn: Kysely<Database> = db) {
    const plan = await load(id, conn);
    const [customers, staff, spent] = await Promise.all([q.customers(conn, [id]), q.staff(conn, [id]), q.spent(conn, [id])]);
    const actor = ctx.actor;
    const isOwner = plan.owner_id === actor.id;
    const isStaff = staff.some((s) => s.id === actor.id);
    const manages = hasCapability(actor, 'maintenance.manage');
    const executing = isExecuting(plan.status);
    return {
      plan,
      customers,
      staff,
      budget: budgetSummary(Number(plan.budget_fen), spent.get(id) ?? 0),
      can: {
        edit: isOwner && isEditable(plan.status),
        submit: isOwner && canSubmit(plan.status),
        split: executing && manages,
        close: executing && manages,
        record: executing && hasCapability(actor, 'maintenance.record') && (isStaff || manages),
      },
    };
  }

  const handler: DocumentTypeHandler = {
    type: DOCUMENT_TYPE,
    label: { 'zh-CN': '客户关系维护方案', 'zh-TW': '客戶關係維護方案', en: 'Relationship maintenance plan' },
    async load(trx, id) {
      const plan = await q.get(trx, id);
      if (!plan) return undefined;
      return {
        applicantId: plan.owner_id,
        departmentId: plan.department_id,
        teamId: plan.team_id,
        title: plan.title,
        fields: { budget: Number(plan.budget_fen) / 100, startDate: plan.start_date, endDate: plan.end_date },
        link: planPath(id),
      };
    },
    // Whoever sees the plan (its staff, the owners of its customers …) sees its approval history too.
    canView: (conn, actor, id) => q.visible(conn, actor, id),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.get(trx, id);
      if (!before) return;
      const status = statusAfterOutcome(outcome);
      const t = now();
      await q.setStatus(trx, id, { status, ...(outcome === 'pending' ? { submitted_at: t } : {}), ...(outcome === 'approved' ? { approved_at: t } : {}) }, t);
      if (before.status !== status) {
        await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: ENTITY, entityId: id, summary: outcome, changes: { status: [before.status, status] } });
      }
    },
  };
  return { ...deps, now, load, checkParties, checkPeriod, assertOwner, view, handler };
}
export type MaintenanceCore = ReturnType<typeof createMaintenanceCore>;
