import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { paged } from '../../db/paging';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import type { EvaluationStatus, Recommendation } from './evaluations.rules';

type Q = Kysely<Database>;

export interface EvaluationFilters {
  customerId?: number;
  status?: EvaluationStatus;
  recommendation?: Recommendation;
}

function base(db: Q) {
  return db
    .selectFrom('evaluations')
    .innerJoin('customer_directory as customers', 'customers.id', 'evaluations.customer_id')
    .innerJoin('evaluation_templates as tpl', 'tpl.id', 'evaluations.template_id')
    .leftJoin('user_directory as owner', 'owner.id', 'evaluations.owner_id')
    .leftJoin('user_directory as creator', 'creator.id', 'evaluations.created_by')
    .leftJoin('user_directory as submitter', 'submitter.id', 'evaluations.submitted_by')
    .leftJoin('user_directory as reviewer', 'reviewer.id', 'evaluations.reviewed_by')
    .selectAll('evaluations')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      'tpl.name as template_name',
      'tpl.version_no as template_version_no',
      'owner.display_name as owner_name',
      'creator.display_name as created_by_name',
      'submitter.display_name as submitted_by_name',
      'reviewer.display_name as reviewed_by_name',
    ]);
}
export type EvaluationRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The only SQL of evaluations; every call takes the transaction when there is one. */
export const evaluationQueries = {
  /** The latest confirmed evaluation of each customer (by date, then id): its total in hundredths. */
  async latestConfirmed(db: Q, customerIds: number[]) {
    if (!customerIds.length) return [];
    return db
      .selectFrom('evaluations')
      .select(['customer_id', 'id', 'evaluated_on', 'total_hundredths'])
      .where('customer_id', 'in', customerIds)
      .where('status', '=', 'confirmed')
      .orderBy('customer_id')
      .orderBy('evaluated_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  /** A merge (查重) keeps the survivor: the merged customer's evaluations follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('evaluations').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  // --- templates
  templates(db: Q, includeSuperseded: boolean) {
    let qb = db.selectFrom('evaluation_templates').selectAll();
    if (!includeSuperseded) qb = qb.where('status', '=', 'active');
    return qb.orderBy('family_id').orderBy('version_no', 'desc').execute();
  },
  template(db: Q, id: number) {
    return db.selectFrom('evaluation_templates').selectAll().where('id', '=', id).executeTakeFirst();
  },
  indicators(db: Q, templateIds: number[]) {
    if (templateIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('evaluation_indicators').selectAll().where('template_id', 'in', templateIds).orderBy('template_id').orderBy('position').execute();
  },
  async usedTemplateIds(db: Q, templateIds: number[]) {
    if (templateIds.length === 0) return new Set<number>();
    const rows = await db.selectFrom('evaluations').select('template_id').distinct().where('template_id', 'in', templateIds).execute();
    return new Set(rows.map((r) => r.template_id));
  },
  async insertTemplate(db: Q, values: Insertable<Database['evaluation_templates']>) {
    return (await db.insertInto('evaluation_templates').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async setTemplateFamily(db: Q, id: number, familyId: number) {
    await db.updateTable('evaluation_templates').set({ family_id: familyId }).where('id', '=', id).execute();
  },
  async supersede(db: Q, id: number, now: string) {
    await db.updateTable('evaluation_templates').set({ status: 'superseded', version: sql`version + 1`, updated_at: now }).where('id', '=', id).execute();
  },
  async replaceIndicators(db: Q, templateId: number, rows: { name: string; weight: number; basis: string }[]) {
    await db.deleteFrom('evaluation_indicators').where('template_id', '=', templateId).execute();
    await db
      .insertInto('evaluation_indicators')
      .values(rows.map((r, position) => ({ template_id: templateId, position, name: r.name, weight: r.weight, basis: r.basis })))
      .execute();
  },
  async lastVersionNo(db: Q, familyId: number) {
    const r = await db.selectFrom('evaluation_templates').select((eb) => eb.fn.max('version_no').as('n')).where('family_id', '=', familyId).executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  // --- evaluations
  async list(db: Q, actor: Actor, f: EvaluationFilters, p: { page: number; pageSize: number }) {
    let qb = base(db).where(scopeCondition(actor, RESOURCES.evaluation));
    if (f.customerId !== undefined) qb = qb.where('evaluations.customer_id', '=', f.customerId);
    if (f.status) qb = qb.where('evaluations.status', '=', f.status);
    if (f.recommendation) qb = qb.where('evaluations.recommendation', '=', f.recommendation);
    return paged(qb.orderBy('evaluations.evaluated_on', 'desc').orderBy('evaluations.id', 'desc'), qb.clearSelect(), p);
  },
  get(db: Q, id: number) {
    return base(db).where('evaluations.id', '=', id).executeTakeFirst();
  },
  async insert(db: Q, values: Insertable<Database['evaluations']>) {
    return (await db.insertInto('evaluations').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  scores(db: Q, evaluationId: number) {
    return db
      .selectFrom('evaluation_scores')
      .innerJoin('evaluation_indicators as ind', 'ind.id', 'evaluation_scores.indicator_id')
      .select(['evaluation_scores.indicator_id', 'evaluation_scores.score', 'evaluation_scores.basis', 'ind.name', 'ind.weight', 'ind.basis as indicator_basis', 'ind.position'])
      .where('evaluation_scores.evaluation_id', '=', evaluationId)
      .orderBy('ind.position')
      .execute();
  },
  async replaceScores(db: Q, evaluationId: number, rows: { indicatorId: number; score: number; basis: string | null }[]) {
    await db.deleteFrom('evaluation_scores').where('evaluation_id', '=', evaluationId).execute();
    await db
      .insertInto('evaluation_scores')
      .values(rows.map((r) => ({ evaluation_id: evaluationId, indicator_id: r.indicatorId, score: r.score, basis: r.basis })))
      .execute();
  },
  strengthening(db: Q, evaluationId: number) {
    return db.selectFrom('evaluation_strengthening').selectAll().where('evaluation_id', '=', evaluationId).execute();
  },
  async replaceStrengthening(db: Q, evaluationId: number, rows: Omit<Insertable<Database['evaluation_strengthening']>, 'evaluation_id'>[]) {
    await db.deleteFrom('evaluation_strengthening').where('evaluation_id', '=', evaluationId).execute();
    if (rows.length > 0) await db.insertInto('evaluation_strengthening').values(rows.map((r) => ({ ...r, evaluation_id: evaluationId }))).execute();
  },
  /** Sets the status (and more) without a client version: bumps the version so open forms get 409. */
  async setStatus(db: Q, id: number, patch: Partial<Insertable<Database['evaluations']>>, now: string) {
    await db.updateTable('evaluations').set({ ...patch, version: sql`version + 1`, updated_at: now }).where('id', '=', id).execute();
  },

  customer(db: Q, id: number) {
    return customerLookups.byId(db, id);
  },
  async customerVisible(db: Q, actor: Actor, id: number) {
    return !!(await customerLookups.inScope(db, actor, id));
  },
  /** The active supervisor named on the customer's team, with their language (for the to-confirm notice). */
  async teamSupervisor(db: Q, teamId: number) {
    const id = await people.teamSupervisorId(db, teamId);
    if (id === null) return undefined;
    const [user] = await people.byIds(db, [id]);
    return user && user.active ? { id: user.id, locale: user.locale } : undefined;
  },
};
