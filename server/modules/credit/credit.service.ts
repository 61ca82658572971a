import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import { loadActor, type RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { TasksService } from '../workflow/tasks.service';
import { creditQueries as q, type RiskFilters, type RiskRow, type SurveyRow } from './credit.queries';
import type { ReceivableService } from './receivables.service';
import {
  accuracy,
  lowerBand,
  type BankRating,
  type Outcome,
  type PaymentRecord,
  rate,
  type RatingRules,
  type RiskCategory,
  type RiskLevel,
  type RiskMatrix,
  riskLevel,
  responseMissing,
  reviewDue,
} from './credit.rules';

/** Task texts are stored once, in the interface's default language. */
const LANG = 'zh-CN' as const;

export interface SurveyInput {
  surveyDate: string;
  registeredCapitalWan: number;
  yearsInBusiness: number;
  paymentRecord: PaymentRecord;
  overdueWan: number;
  bankRating: BankRating;
  legalRepresentative?: string | null;
  mainBusiness?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  annualRevenueWan?: number | null;
  notes?: string | null;
  creditLimitWan?: number | null;
  paymentTermsDays?: number | null;
}

export interface RiskInput {
  customerId: number;
  category: RiskCategory;
  title: string;
  description?: string | null;
  likelihood: number;
  impact: number;
  response?: string | null;
}

export function createCreditService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  tasks: Pick<TasksService, 'createTask'>;
  receivables: Pick<ReceivableService, 'recompute' | 'ratingOf'>;
}) {
  const { db, audit, clock, settings, tasks, receivables } = deps;
  const today = () => shanghaiDate(clock.now());

  async function rules(conn: Kysely<Database> = db) {
    const [ratingRules, matrix, reviewDays, targetPct] = await Promise.all([
      settings.value<RatingRules>('credit.ratingRules', conn),
      settings.value<RiskMatrix>('credit.riskMatrix', conn),
      settings.number('credit.lowRiskReviewDays', conn),
      settings.number('credit.forecastAccuracyTarget', conn),
    ]);
    return { ratingRules, matrix, reviewDays, targetPct };
  }

  /** The rating is read with today's rule table, so a changed table re-rates every customer at once. */
  function withRating(s: SurveyRow, ratingRules: RatingRules) {
    const rating = rate(
      { registeredCapitalWan: s.registered_capital_wan, yearsInBusiness: s.years_in_business, paymentRecord: s.payment_record as PaymentRecord, overdueWan: s.overdue_wan, bankRating: s.bank_rating as BankRating },
      ratingRules,
    );
    return { survey: s, rating, creditLimitWan: s.credit_limit_wan ?? rating.limitWan, paymentTermsDays: s.payment_terms_days ?? rating.termDays };
  }

  async function visibleCustomer(ctx: RequestContext, customerId: number) {
    const c = await q.customerVisible(db, ctx.actor, customerId);
    if (!c) throw errors.field('customerId', 'credit.customer_not_found');
    return c;
  }

  async function getRisk(id: number, conn: Kysely<Database> = db): Promise<RiskRow> {
    const r = await q.getRisk(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }

  function assess(matrix: RiskMatrix, reviewDays: number, likelihood: number, impact: number, response: string | null | undefined) {
    const level: RiskLevel = riskLevel(matrix, likelihood, impact);
    if (responseMissing(level, response)) throw errors.field('response', 'credit.response_required');
    const assessedOn = today();
    return { level, assessedOn, reviewDue: reviewDue(level, assessedOn, reviewDays) };
  }

  return {
    rules,

    /**
     * The customer's credit panel: the rating in force with its limit and terms, the history of its changes, and
     * the open risks. While receivables are overdue the rating table's result is lowered by the stored levels
     * and the lowered band's limit and terms apply over an agreed one (docs/regulations.md §5).
     */
    async customerCredit(ctx: RequestContext, customerId: number) {
      const { ratingRules } = await rules();
      const [all, open, rating] = await Promise.all([q.surveysOf(db, customerId), q.listRisks(db, ctx.actor, { customerId, status: 'open' }, { page: 1, pageSize: 200 }), receivables.ratingOf(customerId)]);
      const surveys = all.map((s) => withRating(s, ratingRules));
      let current = surveys[0] ?? null;
      const st = rating.state;
      let adjustment = null;
      if (current && st && st.levels_down > 0) {
        const band = lowerBand(ratingRules, current.rating.label, st.levels_down);
        adjustment = { computedLabel: current.rating.label, levelsDown: st.levels_down, overdueAmount: Number(st.overdue_cents) / 100, overdueDays: st.overdue_days, reason: st.reason };
        current = { ...current, rating: { ...current.rating, label: band.label, limitWan: band.limitWan, termDays: band.termDays }, creditLimitWan: band.limitWan, paymentTermsDays: band.termDays };
      }
      return { current, adjustment, history: rating.history, surveys, risks: open.rows };
    },

    async getSurvey(id: number) {
      const s = await q.getSurvey(db, id);
      if (!s) throw errors.notFound();
      return withRating(s, (await rules()).ratingRules);
    },

    async createSurvey(ctx: RequestContext, customerId: number, input: SurveyInput) {
      await visibleCustomer(ctx, customerId);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertSurvey(trx, {
          customer_id: customerId,
          survey_date: input.surveyDate,
          registered_capital_wan: input.registeredCapitalWan,
          years_in_business: input.yearsInBusiness,
          payment_record: input.paymentRecord,
          overdue_wan: input.overdueWan,
          bank_rating: input.bankRating,
          legal_representative: input.legalRepresentative ?? null,
          main_business: input.mainBusiness ?? null,
          bank_name: input.bankName ?? null,
          bank_account: input.bankAccount ?? null,
          annual_revenue_wan: input.annualRevenueWan ?? null,
          notes: input.notes ?? null,
          credit_limit_wan: input.creditLimitWan ?? null,
          payment_terms_days: input.paymentTermsDays ?? null,
          surveyed_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'credit_survey', entityId: id, summary: input.surveyDate, changes: { customerId: [null, customerId], surveyDate: [null, input.surveyDate] } });
        // A new survey is a new rating-table result: the rating in force follows in the same transaction.
        await receivables.recompute(trx, [customerId], 'survey', ctx);
        return id;
      });
      return this.getSurvey(id);
    },

    getRisk,
    listRisks: (ctx: RequestContext, f: RiskFilters, p: { page: number; pageSize: number }) => q.listRisks(db, ctx.actor, f, p),

    async createRisk(ctx: RequestContext, input: RiskInput) {
      await visibleCustomer(ctx, input.customerId);
      const { matrix, reviewDays } = await rules();
      const a = assess(matrix, reviewDays, input.likelihood, input.impact, input.response);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertRisk(trx, {
          customer_id: input.customerId,
          category: input.category,
          title: input.title,
          description: input.description ?? null,
          likelihood: input.likelihood,
          impact: input.impact,
          level: a.level,
          response: input.response?.trim() || null,
          assessed_on: a.assessedOn,
          review_due: a.reviewDue,
          review_task_due: null,
          review_task_id: null,
          outcome: null,
          outcome_note: null,
          closed_at: null,
          closed_by: null,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'credit_risk',
          entityId: id,
          summary: input.title,
          changes: { customerId: [null, input.customerId], likelihood: [null, input.likelihood], impact: [null, input.impact], level: [null, a.level] },
        });
        return id;
      });
      return getRisk(id);
    },

    /** Every edit is a re-assessment: the level, the date and (for a low risk) the next review follow from it. */
    async updateRisk(ctx: RequestContext, id: number, input: Partial<Omit<RiskInput, 'customerId'>> & { version: number }) {
      const r = await getRisk(id);
      if (r.status !== 'open') throw errors.conflict('credit.risk_closed');
      const next = {
        category: input.category ?? r.category,
        title: input.title ?? r.title,
        description: input.description === undefined ? r.description : input.description,
        likelihood: input.likelihood ?? r.likelihood,
        impact: input.impact ?? r.impact,
        response: input.response === undefined ? r.response : input.response?.trim() || null,
      };
      const { matrix, reviewDays } = await rules();
      const a = assess(matrix, reviewDays, next.likelihood, next.impact, next.response);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'credit_risks', id, input.version, { ...next, level: a.level, assessed_on: a.assessedOn, review_due: a.reviewDue }, now);
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'credit_risk',
          entityId: id,
          summary: next.title,
          changes: { likelihood: [r.likelihood, next.likelihood], impact: [r.impact, next.impact], level: [r.level, a.level] },
        });
      });
      return getRisk(id);
    },

    /** Closing records what happened, for the forecast accuracy (docs/regulations.md §5). */
    async closeRisk(ctx: RequestContext, id: number, input: { outcome: Outcome; note?: string | null; version: number }) {
      const r = await getRisk(id);
      if (r.status !== 'open') throw errors.conflict('credit.risk_closed');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'credit_risks', id, input.version, { status: 'closed', outcome: input.outcome, outcome_note: input.note ?? null, closed_at: now, closed_by: ctx.actor.id, review_due: null }, now);
        await audit.record(trx, actorInfo(ctx), { action: 'close', entityType: 'credit_risk', entityId: id, summary: r.title, changes: { status: ['open', 'closed'], outcome: [null, input.outcome] } });
      });
      return getRisk(id);
    },

    async matrix(ctx: RequestContext) {
      const [{ matrix }, cells] = await Promise.all([rules(), q.cells(db, ctx.actor)]);
      return { matrix, cells };
    },

    async accuracy(ctx: RequestContext) {
      const [{ targetPct }, closed] = await Promise.all([rules(), q.closedOutcomes(db, ctx.actor)]);
      return accuracy(closed.map((c) => ({ level: c.level as RiskLevel, outcome: c.outcome as Outcome })), targetPct);
    },

    /**
     * Low risks due for re-assessment get one task for the customer's owner. The lease keeps other processes
     * out of the run; claiming the due date inside the task's transaction keeps it to one task even if two run.
     */
    async runReviews(leases: Leases, leaseMs: number): Promise<number | null> {
      if (!(await leases.acquire('credit.reviews', leaseMs))) return null;
      let created = 0;
      for (const r of await q.dueReviews(db, today())) {
        const made = await db.transaction().execute(async (trx) => {
          if (!(await q.claimReview(trx, r.id, r.review_due!))) return false;
          const creator = (await q.user(trx, r.created_by)) ?? (await q.user(trx, r.owner_id));
          if (!creator) return false;
          const actor = await loadActor(trx, creator);
          const task = await tasks.createTask(trx, actor, {
            title: t(LANG, 'credit.task.review_title', { customer: r.customer_name, title: r.title }),
            description: t(LANG, 'credit.task.review_body', { date: r.review_due! }),
            assigneeId: r.owner_id,
            due: { workingDays: 5 },
            link: { type: 'credit_risk', id: r.id, path: `/credit/risks/${r.id}` },
            source: 'credit_risk',
          });
          await q.setReviewTask(trx, r.id, task.id);
          return true;
        }).catch(() => false); // e.g. the owner has left: the claim rolls back and the next run tries again
        if (made) created++;
      }
      return created;
    },
  };
}
export type CreditService = ReturnType<typeof createCreditService>;
