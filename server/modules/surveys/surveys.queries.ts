import type { Insertable, Kysely } from 'kysely';
import { paged } from '../../db/paging';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition, type ScopedResource } from '../../platform/permissions/scope';
import { people } from '../org/org.queries';

type Q = Kysely<Database>;

/** Rows per multi-row INSERT: well below both databases' parameter limits. */
const ROWS_PER_STATEMENT = 200;

/**
 * A campaign's targets by the responsible person, team and department they had when it started:
 * the per-owner breakdown shows only the people in the caller's scope (docs/surveys.md "Scope").
 */
export const TARGET_OWNERS: ScopedResource = {
  table: 'survey_targets',
  id: 'survey_targets.id',
  owner: 'survey_targets.owner_id',
  team: 'survey_targets.team_id',
  department: 'survey_targets.department_id',
};

export interface CampaignListFilter {
  q?: string;
  status?: string;
  year?: number;
}

export interface TargetListFilter {
  status?: 'pending' | 'answered';
  q?: string;
}

/** The only SQL of satisfaction surveys. Every function takes the connection or the open transaction. */
export const surveyQueries = {
  /** Each scored response's satisfaction index since an instant, as a sub-query for the dashboards (docs/regulations.md §16). */
  scoresSince: (db: Q, since: string) =>
    db.selectFrom('survey_scores').where('answered_at', '>=', since).where('satisfaction_index', 'is not', null).select(['customer_id', 'satisfaction_index']),
  // Templates

  async templates(db: Q, f: { all?: boolean; status?: string; q?: string }) {
    let qb = db.selectFrom('survey_templates as t').leftJoin('user_directory as creator', 'creator.id', 't.created_by').selectAll('t').select('creator.display_name as created_by_name');
    if (!f.all) {
      // The newest version of each family (of those with the status asked for).
      qb = qb.where((eb) => {
        let newer = eb.selectFrom('survey_templates as newer').select('newer.id').whereRef('newer.family_id', '=', 't.family_id').whereRef('newer.version_no', '>', 't.version_no');
        if (f.status) newer = newer.where('newer.status', '=', f.status);
        return eb.not(eb.exists(newer));
      });
    }
    if (f.status) qb = qb.where('t.status', '=', f.status);
    if (f.q) qb = qb.where(containsText('t.name', f.q));
    return qb.orderBy('t.family_id').orderBy('t.version_no', 'desc').execute();
  },

  async template(db: Q, id: number) {
    return db
      .selectFrom('survey_templates as t')
      .leftJoin('user_directory as creator', 'creator.id', 't.created_by')
      .leftJoin('user_directory as publisher', 'publisher.id', 't.published_by')
      .selectAll('t')
      .select(['creator.display_name as created_by_name', 'publisher.display_name as published_by_name'])
      .where('t.id', '=', id)
      .executeTakeFirst();
  },

  async familyVersions(db: Q, familyId: number) {
    return db.selectFrom('survey_templates').select(['id', 'version_no', 'status', 'published_at', 'updated_at']).where('family_id', '=', familyId).orderBy('version_no', 'desc').execute();
  },

  async insertTemplate(db: Q, row: Insertable<Database['survey_templates']>) {
    const { id } = await db.insertInto('survey_templates').values(row).returning('id').executeTakeFirstOrThrow();
    if (row.family_id == null) await db.updateTable('survey_templates').set({ family_id: id }).where('id', '=', id).execute();
    return id;
  },

  async campaignsUsing(db: Q, templateId: number) {
    const r = await db.selectFrom('survey_campaigns').select((eb) => eb.fn.countAll<number>().as('n')).where('template_id', '=', templateId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async deleteTemplate(db: Q, id: number) {
    await db.deleteFrom('survey_templates').where('id', '=', id).where('status', '=', 'draft').execute();
  },

  // Campaigns

  async campaigns(db: Q, f: CampaignListFilter, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('survey_campaigns as c');
    if (f.status) qb = qb.where('c.status', '=', f.status);
    if (f.year) qb = qb.where('c.start_date', '>=', `${f.year}-01-01`).where('c.start_date', '<=', `${f.year}-12-31`);
    if (f.q) qb = qb.where(containsText('c.title', f.q));
    return paged(
      qb
        .innerJoin('survey_templates as t', 't.id', 'c.template_id')
        .leftJoin('user_directory as owner', 'owner.id', 'c.owner_id')
        .selectAll('c')
        .select(['t.name as template_name', 't.version_no as template_version_no', 'owner.display_name as owner_name'])
        .orderBy('c.start_date', 'desc')
        .orderBy('c.id', 'desc'),
      qb,
      p,
    );
  },

  /** Responses and the mean of their indices per campaign (the same formula as the results page). */
  async campaignFigures(db: Q, ids: number[]) {
    const out = new Map<number, { responses: number; index: number | null }>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('survey_responses as r')
      .leftJoin('survey_scores as s', 's.response_id', 'r.id')
      .select(['r.campaign_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number | null>('s.satisfaction_index').as('idx')])
      .where('r.campaign_id', 'in', ids)
      .groupBy('r.campaign_id')
      .execute();
    for (const r of rows) out.set(r.campaign_id, { responses: Number(r.n), index: r.idx === null ? null : Number(r.idx) });
    return out;
  },

  async campaign(db: Q, id: number) {
    return db
      .selectFrom('survey_campaigns as c')
      .innerJoin('survey_templates as t', 't.id', 'c.template_id')
      .leftJoin('user_directory as owner', 'owner.id', 'c.owner_id')
      .selectAll('c')
      .select(['t.name as template_name', 't.version_no as template_version_no', 't.definition', 't.intro', 'owner.display_name as owner_name'])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },

  async insertCampaign(db: Q, row: Insertable<Database['survey_campaigns']>) {
    return (await db.insertInto('survey_campaigns').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** The campaign of the same questionnaire family that started last before this one. */
  async previousCampaign(db: Q, c: { id: number; family_id: number; started_at: string }) {
    return db
      .selectFrom('survey_campaigns as c')
      .innerJoin('survey_templates as t', 't.id', 'c.template_id')
      .select(['c.id', 'c.title', 'c.started_at', 't.definition'])
      .where('c.family_id', '=', c.family_id)
      .where('c.id', '!=', c.id)
      .where('c.started_at', 'is not', null)
      .where('c.started_at', '<', c.started_at)
      .orderBy('c.started_at', 'desc')
      .orderBy('c.id', 'desc')
      .executeTakeFirst();
  },

  async startedBetween(db: Q, fromIso: string, toIso: string) {
    const r = await db
      .selectFrom('survey_campaigns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('started_at', '>=', fromIso)
      .where('started_at', '<', toIso)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  // Targets

  async insertTargets(db: Q, rows: Insertable<Database['survey_targets']>[]) {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await db.insertInto('survey_targets').values(rows.slice(i, i + ROWS_PER_STATEMENT)).execute();
  },

  /** Targets whose customer is in the caller's archive scope (answers are entered only for those). */
  async targets(db: Q, actor: Actor, campaignId: number, f: TargetListFilter, p: { page: number; pageSize: number }) {
    let qb = db
      .selectFrom('survey_targets as st')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .where('st.campaign_id', '=', campaignId)
      .where(scopeCondition(actor, RESOURCES.customer));
    if (f.status) qb = qb.where('st.status', '=', f.status);
    if (f.q) qb = qb.where((eb) => eb.or([containsText('customers.name', f.q!), eb('customers.archive_no', '=', f.q!)]));
    return paged(
      qb
        .leftJoin('user_directory as owner', 'owner.id', 'st.owner_id')
        .leftJoin('survey_responses as r', 'r.target_id', 'st.id')
        .leftJoin('survey_scores as s', 's.response_id', 'r.id')
        .selectAll('st')
        .select([
          'customers.name as customer_name',
          'customers.archive_no',
          'owner.display_name as owner_name',
          'r.id as response_id',
          'r.channel',
          's.satisfaction_index',
        ])
        .orderBy('customers.name_pinyin')
        .orderBy('st.id'),
      qb,
      p,
    );
  },

  /** One target of a campaign, if its customer is in the caller's archive scope. */
  async target(db: Q, actor: Actor, campaignId: number, targetId: number) {
    return db
      .selectFrom('survey_targets as st')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .selectAll('st')
      .select(['customers.name as customer_name', 'customers.archive_no'])
      .where('st.campaign_id', '=', campaignId)
      .where('st.id', '=', targetId)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst();
  },

  /** Of these targets of a campaign, the ones whose customer is in the caller's archive scope. */
  async visibleTargets(db: Q, actor: Actor, campaignId: number, ids: number[]) {
    if (!ids.length) return [];
    return db
      .selectFrom('survey_targets as st')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .selectAll('st')
      .select(['customers.name as customer_name', 'customers.archive_no'])
      .where('st.campaign_id', '=', campaignId)
      .where('st.id', 'in', ids)
      .where(scopeCondition(actor, RESOURCES.customer))
      .execute();
  },

  async pendingTargetIdsWithoutLink(db: Q, actor: Actor, campaignId: number) {
    const rows = await db
      .selectFrom('survey_targets as st')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .select('st.id')
      .where('st.campaign_id', '=', campaignId)
      .where('st.status', '=', 'pending')
      .where('st.link_hash', 'is', null)
      .where(scopeCondition(actor, RESOURCES.customer))
      .execute();
    return rows.map((r) => r.id);
  },

  async targetByHash(db: Q, hash: string) {
    return db
      .selectFrom('survey_targets as st')
      .innerJoin('survey_campaigns as c', 'c.id', 'st.campaign_id')
      .innerJoin('survey_templates as t', 't.id', 'c.template_id')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .selectAll('st')
      .select(['c.title as campaign_title', 'c.status as campaign_status', 'c.end_date', 'c.template_id', 't.name as template_name', 't.intro', 't.definition', 'customers.name as customer_name'])
      .where('st.link_hash', '=', hash)
      .executeTakeFirst();
  },

  async setLink(db: Q, targetId: number, link: { hash: string; expiresAt: string; issuedAt: string; issuedBy: number }) {
    await db
      .updateTable('survey_targets')
      .set({ link_hash: link.hash, link_expires_at: link.expiresAt, link_issued_at: link.issuedAt, link_issued_by: link.issuedBy })
      .where('id', '=', targetId)
      .where('status', '=', 'pending')
      .execute();
  },

  /**
   * Claims a pending target for one response: only the first of two concurrent submissions changes the
   * row (PostgreSQL: the second waits for the first's commit, then matches nothing; SQLite: one writer).
   */
  async claimTarget(db: Q, targetId: number, at: string): Promise<boolean> {
    const res = await db.updateTable('survey_targets').set({ status: 'answered', answered_at: at }).where('id', '=', targetId).where('status', '=', 'pending').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Every target of a campaign with its owner's name at the time, for the results. */
  async targetFacts(db: Q, campaignId: number) {
    return db
      .selectFrom('survey_targets as st')
      .leftJoin('user_directory as owner', 'owner.id', 'st.owner_id')
      .select(['st.id', 'st.owner_id', 'st.team_id', 'st.department_id', 'st.province', 'st.customer_status', 'owner.display_name as owner_name'])
      .where('st.campaign_id', '=', campaignId)
      .orderBy('st.id')
      .execute();
  },

  /** Which of a campaign's targets had a responsible person inside the caller's scope at the time. */
  async ownerScopedTargetIds(db: Q, actor: Actor, campaignId: number) {
    const rows = await db.selectFrom('survey_targets').select('survey_targets.id').where('survey_targets.campaign_id', '=', campaignId).where(scopeCondition(actor, TARGET_OWNERS)).execute();
    return new Set(rows.map((r) => r.id));
  },

  // Responses

  async insertResponse(db: Q, row: Insertable<Database['survey_responses']>) {
    return (await db.insertInto('survey_responses').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertAnswers(db: Q, rows: Insertable<Database['survey_answers']>[]) {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await db.insertInto('survey_answers').values(rows.slice(i, i + ROWS_PER_STATEMENT)).execute();
  },

  async insertScore(db: Q, row: Insertable<Database['survey_scores']>) {
    await db.insertInto('survey_scores').values(row).execute();
  },

  /** Responses of a campaign (all, or only those whose customer is in `actor`'s archive scope). */
  async responses(db: Q, campaignId: number, actor?: Actor, targetId?: number) {
    let qb = db
      .selectFrom('survey_responses as r')
      .innerJoin('survey_targets as st', 'st.id', 'r.target_id')
      .innerJoin('customer_directory as customers', 'customers.id', 'r.customer_id')
      .leftJoin('user_directory as owner', 'owner.id', 'st.owner_id')
      .leftJoin('user_directory as enterer', 'enterer.id', 'r.entered_by')
      .leftJoin('survey_scores as s', 's.response_id', 'r.id')
      .selectAll('r')
      .select([
        'customers.name as customer_name',
        'customers.archive_no',
        'st.province',
        'st.customer_status',
        'st.owner_id',
        'owner.display_name as owner_name',
        'enterer.display_name as entered_by_name',
        's.satisfaction_index',
      ])
      .where('r.campaign_id', '=', campaignId);
    if (actor) qb = qb.where(scopeCondition(actor, RESOURCES.customer));
    if (targetId) qb = qb.where('r.target_id', '=', targetId);
    return qb.orderBy('r.answered_at').orderBy('r.id').execute();
  },

  async answers(db: Q, responseIds: number[]) {
    if (!responseIds.length) return [];
    const out = [];
    for (let i = 0; i < responseIds.length; i += 500) {
      out.push(...(await db.selectFrom('survey_answers').selectAll().where('response_id', 'in', responseIds.slice(i, i + 500)).orderBy('id').execute()));
    }
    return out;
  },

  /** Every response of a campaign with its answers, for the results (target id → answers). */
  async answersByTarget(db: Q, campaignId: number) {
    return db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .select(['r.target_id', 'a.question_key', 'a.score', 'a.choices', 'a.text_value'])
      .where('r.campaign_id', '=', campaignId)
      .orderBy('r.id')
      .orderBy('a.id')
      .execute();
  },

  async respondedTargetIds(db: Q, campaignId: number) {
    const rows = await db.selectFrom('survey_responses').select('target_id').where('campaign_id', '=', campaignId).execute();
    return rows.map((r) => r.target_id);
  },

  // Scores for the KPI module (issue 5 point 12)

  async scores(db: Q, actor: Actor, f: { customerId?: number; ownerId?: number; campaignId?: number; from?: string; to?: string }, p: { page: number; pageSize: number }) {
    let qb = db.selectFrom('survey_scores as s').innerJoin('customer_directory as customers', 'customers.id', 's.customer_id').where(scopeCondition(actor, RESOURCES.customer));
    if (f.customerId) qb = qb.where('s.customer_id', '=', f.customerId);
    if (f.ownerId) qb = qb.where('s.owner_id', '=', f.ownerId);
    if (f.campaignId) qb = qb.where('s.campaign_id', '=', f.campaignId);
    if (f.from) qb = qb.where('s.answered_at', '>=', f.from);
    if (f.to) qb = qb.where('s.answered_at', '<', f.to);
    return paged(
      qb
        .innerJoin('survey_campaigns as c', 'c.id', 's.campaign_id')
        .leftJoin('user_directory as owner', 'owner.id', 's.owner_id')
        .selectAll('s')
        .select(['customers.name as customer_name', 'c.title as campaign_title', 'owner.display_name as owner_name'])
        .orderBy('s.answered_at', 'desc')
        .orderBy('s.id', 'desc'),
      qb,
      p,
    );
  },

  // Improvement plans

  async plans(db: Q, campaignId: number) {
    return db
      .selectFrom('survey_improvement_plans as p')
      .leftJoin('user_directory as owner', 'owner.id', 'p.owner_id')
      .selectAll('p')
      .select('owner.display_name as owner_name')
      .where('p.campaign_id', '=', campaignId)
      .orderBy('p.id', 'desc')
      .execute();
  },

  async plan(db: Q, id: number) {
    return db
      .selectFrom('survey_improvement_plans as p')
      .innerJoin('survey_campaigns as c', 'c.id', 'p.campaign_id')
      .leftJoin('user_directory as owner', 'owner.id', 'p.owner_id')
      .selectAll('p')
      .select(['owner.display_name as owner_name', 'c.title as campaign_title'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  async insertPlan(db: Q, row: Insertable<Database['survey_improvement_plans']>) {
    return (await db.insertInto('survey_improvement_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async items(db: Q, planId: number) {
    return db
      .selectFrom('survey_improvement_items as i')
      .innerJoin('user_directory as assignee', 'assignee.id', 'i.assignee_id')
      .leftJoin('tasks', 'tasks.id', 'i.task_id')
      .selectAll('i')
      .select(['assignee.display_name as assignee_name', 'tasks.status as task_status', 'tasks.due_date as task_due_date', 'tasks.completed_at as task_completed_at'])
      .where('i.plan_id', '=', planId)
      .orderBy('i.sort_order')
      .orderBy('i.id')
      .execute();
  },

  async replaceItems(db: Q, planId: number, items: { measure: string; assigneeId: number; dueDate: string }[]) {
    await db.deleteFrom('survey_improvement_items').where('plan_id', '=', planId).execute();
    if (items.length) {
      await db
        .insertInto('survey_improvement_items')
        .values(items.map((it, i) => ({ plan_id: planId, sort_order: i, measure: it.measure, assignee_id: it.assigneeId, due_date: it.dueDate })))
        .execute();
    }
  },

  async setItemTask(db: Q, itemId: number, taskId: number) {
    await db.updateTable('survey_improvement_items').set({ task_id: taskId }).where('id', '=', itemId).execute();
  },

  async setPlanStatus(db: Q, id: number, patch: { status: string; submitted_at?: string; approved_at?: string }, now: string) {
    await db
      .updateTable('survey_improvement_plans')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  },

  // People

  userNames: (db: Q, ids: number[]) => people.names(db, ids),

  async userInfo(db: Q, id: number) {
    const user = await people.placement(db, id);
    if (!user) throw new Error(`user ${id} not found`);
    return user;
  },

  /** Of these users, the active ones inside the actor's scope of colleagues. */
  async assignableUserIds(db: Q, actor: Actor, ids: number[]) {
    return new Set(await people.activeIds(db, ids, actor));
  },

  // To-do

  /** Per active campaign: the caller's customers still without an answer. */
  async pendingForOwner(db: Q, ownerId: number) {
    return db
      .selectFrom('survey_targets as st')
      .innerJoin('survey_campaigns as c', 'c.id', 'st.campaign_id')
      .innerJoin('customer_directory as customers', 'customers.id', 'st.customer_id')
      .select(['c.id', 'c.title', 'c.end_date', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.status', '=', 'active')
      .where('st.status', '=', 'pending')
      .where('customers.owner_id', '=', ownerId)
      .groupBy(['c.id', 'c.title', 'c.end_date'])
      .orderBy('c.end_date')
      .execute();
  },

  // Merges (查重): a merged customer's survey history follows the survivor.
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('survey_targets').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('survey_responses').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('survey_scores').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
};
