import type { Insertable, Kysely } from 'kysely';
import { paged } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';
import type { RiskCategory, RiskLevel } from './credit.rules';
import type { CreditRiskTable, CreditSurveyTable } from './credit.tables';

type Q = Kysely<Database>;

export interface RiskFilters {
  customerId?: number;
  level?: RiskLevel;
  category?: RiskCategory;
  status?: 'open' | 'closed';
  likelihood?: number;
  impact?: number;
}

function surveys(db: Q) {
  return db
    .selectFrom('credit_surveys')
    .innerJoin('customer_directory as customers', 'customers.id', 'credit_surveys.customer_id')
    .leftJoin('user_directory as surveyor', 'surveyor.id', 'credit_surveys.surveyed_by')
    .selectAll('credit_surveys')
    .select(['customers.name as customer_name', 'customers.archive_no as customer_archive_no', 'surveyor.display_name as surveyed_by_name']);
}
export type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveys>['executeTakeFirstOrThrow']>>;

function risks(db: Q) {
  return db
    .selectFrom('credit_risks')
    .innerJoin('customer_directory as customers', 'customers.id', 'credit_risks.customer_id')
    .innerJoin('credit_risk_scope', 'credit_risk_scope.id', 'credit_risks.id')
    .leftJoin('user_directory as owner', 'owner.id', 'customers.owner_id')
    .leftJoin('user_directory as creator', 'creator.id', 'credit_risks.created_by')
    .leftJoin('user_directory as closer', 'closer.id', 'credit_risks.closed_by')
    .selectAll('credit_risks')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      'customers.owner_id as owner_id',
      'owner.display_name as owner_name',
      'creator.display_name as created_by_name',
      'closer.display_name as closed_by_name',
    ]);
}
export type RiskRow = Awaited<ReturnType<ReturnType<typeof risks>['executeTakeFirstOrThrow']>>;

/** The only SQL of the credit module; every call takes the transaction when there is one. */
export const creditQueries = {
  /** A merge keeps the survivor: the merged customer's surveys and risks follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('credit_surveys').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('credit_risks').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async customerVisible(db: Q, actor: Actor, customerId: number) {
    const row = await db.selectFrom('customer_directory as customers').select(['id', 'owner_id']).where('id', '=', customerId).where(scopeCondition(actor, RESOURCES.customer)).executeTakeFirst();
    return row ?? null;
  },

  async insertSurvey(db: Q, row: Insertable<CreditSurveyTable>) {
    const r = await db.insertInto('credit_surveys').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  getSurvey: (db: Q, id: number) => surveys(db).where('credit_surveys.id', '=', id).executeTakeFirst(),
  /** Newest first: the first is the customer's current survey. */
  surveysOf: (db: Q, customerId: number) =>
    surveys(db).where('credit_surveys.customer_id', '=', customerId).orderBy('credit_surveys.survey_date', 'desc').orderBy('credit_surveys.id', 'desc').execute(),

  async insertRisk(db: Q, row: Insertable<CreditRiskTable>) {
    const r = await db.insertInto('credit_risks').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  getRisk: (db: Q, id: number) => risks(db).where('credit_risks.id', '=', id).executeTakeFirst(),

  async listRisks(db: Q, actor: Actor, f: RiskFilters, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('credit_risks').innerJoin('credit_risk_scope', 'credit_risk_scope.id', 'credit_risks.id').where(scopeCondition(actor, RESOURCES.credit_risk));
    if (f.customerId !== undefined) qb = qb.where('credit_risks.customer_id', '=', f.customerId);
    if (f.level) qb = qb.where('credit_risks.level', '=', f.level);
    if (f.category) qb = qb.where('credit_risks.category', '=', f.category);
    if (f.status) qb = qb.where('credit_risks.status', '=', f.status);
    if (f.likelihood !== undefined) qb = qb.where('credit_risks.likelihood', '=', f.likelihood);
    if (f.impact !== undefined) qb = qb.where('credit_risks.impact', '=', f.impact);
    const ids = qb.select('credit_risks.id');
    const rows = risks(db).where('credit_risks.id', 'in', ids).orderBy('credit_risks.created_at', 'desc').orderBy('credit_risks.id', 'desc');
    return paged(rows, qb, p);
  },

  /** Open risks within the caller's scope, counted per likelihood × impact cell. */
  async cells(db: Q, actor: Actor) {
    const rows = await db
      .selectFrom('credit_risks')
      .innerJoin('credit_risk_scope', 'credit_risk_scope.id', 'credit_risks.id')
      .where(scopeCondition(actor, RESOURCES.credit_risk))
      .where('credit_risks.status', '=', 'open')
      .select(['credit_risks.likelihood', 'credit_risks.impact', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['credit_risks.likelihood', 'credit_risks.impact'])
      .execute();
    return rows.map((r) => ({ likelihood: r.likelihood, impact: r.impact, count: Number(r.n) }));
  },

  /** Closed risks within scope: the level predicted and what happened. */
  closedOutcomes: (db: Q, actor: Actor) =>
    db
      .selectFrom('credit_risks')
      .innerJoin('credit_risk_scope', 'credit_risk_scope.id', 'credit_risks.id')
      .where(scopeCondition(actor, RESOURCES.credit_risk))
      .where('credit_risks.status', '=', 'closed')
      .where('credit_risks.outcome', 'is not', null)
      .select(['credit_risks.level', 'credit_risks.outcome'])
      .execute(),

  /** Open low risks whose re-assessment is due and has no task yet for that date. */
  dueReviews: (db: Q, today: string) =>
    db
      .selectFrom('credit_risks')
      .innerJoin('customer_directory as customers', 'customers.id', 'credit_risks.customer_id')
      .select(['credit_risks.id', 'credit_risks.title', 'credit_risks.review_due', 'credit_risks.created_by', 'customers.owner_id', 'customers.name as customer_name'])
      .where('credit_risks.status', '=', 'open')
      .where('credit_risks.level', '=', 'low')
      .where('credit_risks.review_due', '<=', today)
      .where((eb) => eb.or([eb('credit_risks.review_task_due', 'is', null), eb('credit_risks.review_task_due', '<>', eb.ref('credit_risks.review_due'))]))
      .orderBy('credit_risks.id')
      .execute(),

  /** Claims the review of `due` for one task: true only for the first caller, whichever process it is in. */
  async claimReview(db: Q, id: number, due: string) {
    const res = await db
      .updateTable('credit_risks')
      .set({ review_task_due: due })
      .where('id', '=', id)
      .where('review_due', '=', due)
      .where((eb) => eb.or([eb('review_task_due', 'is', null), eb('review_task_due', '<>', due)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  async setReviewTask(db: Q, id: number, taskId: number) {
    await db.updateTable('credit_risks').set({ review_task_id: taskId }).where('id', '=', id).execute();
  },

  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],
};
