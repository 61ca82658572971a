import { type Insertable, type Kysely, type SelectQueryBuilder, type Updateable, sql } from 'kysely';
import { containsText } from '../../db/search.queries';
import type { Database } from '../../db/schema';
import type { DevelopmentPlanTargetTable, ProspectTable } from './development.tables';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition, type ScopedResource } from '../../platform/permissions/scope';
import { paged } from '../../db/paging';
import { people } from '../org/org.queries';

/** The only SQL of customer development; every function takes the db or the open transaction. */
type Q = Kysely<Database>;

export interface ProspectFilter {
  q?: string;
  ownerId?: number;
  channel?: string;
  stage?: string;
  /** UTC instants (the routes turn Asia/Shanghai days into them). */
  createdFrom?: string;
  createdBefore?: string;
}

export const PROSPECT_SORT = {
  createdAt: 'prospects.created_at',
  updatedAt: 'prospects.updated_at',
  stageChangedAt: 'prospects.stage_changed_at',
  expectedAmount: 'prospects.expected_amount',
  companyName: 'prospects.company_name',
} as const;
export type ProspectSortField = keyof typeof PROSPECT_SORT;

/** The stage moves credited to a person follow the person's scope (a supervisor sees the team's figures). */
const STAGE_EVENTS: ScopedResource = {
  table: 'prospect_stage_history',
  id: 'prospect_stage_history.id',
  owner: 'prospect_stage_history.owner_id',
  team: 'prospect_stage_history.team_id',
  department: 'prospect_stage_history.department_id',
};

function prospectsIn(db: Q, actor: Actor, f: ProspectFilter) {
  let qb = db.selectFrom('prospects').where(scopeCondition(actor, RESOURCES.prospect));
  if (f.ownerId) qb = qb.where('prospects.owner_id', '=', f.ownerId);
  if (f.channel) qb = qb.where('prospects.channel', '=', f.channel);
  if (f.stage) qb = qb.where('prospects.stage', '=', f.stage);
  if (f.createdFrom) qb = qb.where('prospects.created_at', '>=', f.createdFrom);
  if (f.createdBefore) qb = qb.where('prospects.created_at', '<', f.createdBefore);
  if (f.q) {
    const text = f.q;
    const digits = text.replace(/\D/g, '');
    qb = qb.where((eb) =>
      eb.or([
        containsText('prospects.company_name', text),
        containsText('prospects.contact_name', text),
        ...(digits.length >= 4 ? [eb('prospects.phone_digits', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  return qb;
}

function withNames<O>(qb: SelectQueryBuilder<Database, 'prospects', O>) {
  return qb
    .leftJoin('user_directory as owner', 'owner.id', 'prospects.owner_id')
    .leftJoin('customer_directory as customers', 'customers.id', 'prospects.customer_id')
    .leftJoin('development_records as rec', 'rec.prospect_id', 'prospects.id')
    .selectAll('prospects')
    .select(['owner.display_name as owner_name', 'customers.archive_no as customer_archive_no', 'customers.name as customer_name', 'rec.id as record_id']);
}

/** The single read and the list show the same names, so each table's joins are written once. */
const recordsFrom = (db: Q) => db.selectFrom('development_records as rec');
function recordWithNames(qb: ReturnType<typeof recordsFrom>) {
  return qb
    .leftJoin('user_directory as owner', 'owner.id', 'rec.owner_id')
    .leftJoin('user_directory as instructor', 'instructor.id', 'rec.instruction_by')
    .leftJoin('customer_directory as customers', 'customers.id', 'rec.customer_id')
    .selectAll('rec')
    .select(['owner.display_name as owner_name', 'instructor.display_name as instruction_by_name', 'customers.archive_no as customer_archive_no']);
}

function researchPlanWithNames(qb: SelectQueryBuilder<Database, 'research_plans', {}>) {
  return qb
    .leftJoin('user_directory as owner', 'owner.id', 'research_plans.owner_id')
    .selectAll('research_plans')
    .select((eb) => [
      'owner.display_name as owner_name',
      eb.selectFrom('research_reports').select((e) => e.fn.countAll<number>().as('n')).whereRef('research_reports.plan_id', '=', 'research_plans.id').as('report_count'),
    ]);
}

function researchReportWithNames(qb: SelectQueryBuilder<Database, 'research_reports', {}>) {
  return qb
    .leftJoin('user_directory as owner', 'owner.id', 'research_reports.owner_id')
    .leftJoin('research_plans as plan', 'plan.id', 'research_reports.plan_id')
    .selectAll('research_reports')
    .select(['owner.display_name as owner_name', 'plan.title as plan_title']);
}

const plansFrom = (db: Q) => db.selectFrom('development_plans as plan');
function planWithNames(qb: ReturnType<typeof plansFrom>) {
  return qb
    .leftJoin('user_directory as owner', 'owner.id', 'plan.owner_id')
    .leftJoin('departments as dept', 'dept.id', 'plan.department_id')
    .selectAll('plan')
    .select((eb) => [
      'owner.display_name as owner_name',
      'dept.name as department_name',
      eb.selectFrom('development_plan_targets as t').select((e) => e.fn.countAll<number>().as('n')).whereRef('t.plan_id', '=', 'plan.id').as('target_count'),
    ]);
}

export const developmentQueries = {
  /** Titles by id, for the audit log. */
  async planTitles(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('development_plans').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  // ---- prospects ----
  async listProspects(db: Q, actor: Actor, f: ProspectFilter, p: { page: number; pageSize: number; sort: ProspectSortField; direction: 'asc' | 'desc' }) {
    const base = prospectsIn(db, actor, f);
    return paged(
      withNames(base)
        .orderBy(PROSPECT_SORT[p.sort], p.direction)
        .orderBy('prospects.id', p.direction),
      base,
      p,
    );
  },

  /** Count and sum of expected amounts per stage for the same filter (without the stage itself). */
  async stageSummary(db: Q, actor: Actor, f: ProspectFilter) {
    const rows = await prospectsIn(db, actor, { ...f, stage: undefined })
      .select((eb) => ['prospects.stage', eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('prospects.expected_amount').as('amount')])
      .groupBy('prospects.stage')
      .execute();
    return rows.map((r) => ({ stage: r.stage, count: Number(r.n), expectedAmount: Number(r.amount ?? 0) }));
  },

  /** The board's cards of one stage: the most recently moved first. */
  async boardColumn(db: Q, actor: Actor, f: ProspectFilter, stage: string, limit: number) {
    return withNames(prospectsIn(db, actor, { ...f, stage }))
      .orderBy('prospects.stage_changed_at', 'desc')
      .orderBy('prospects.id', 'desc')
      .limit(limit)
      .execute();
  },

  async prospect(db: Q, id: number) {
    return withNames(db.selectFrom('prospects')).where('prospects.id', '=', id).executeTakeFirst();
  },

  async prospectRow(db: Q, id: number) {
    return db.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertProspect(db: Q, values: Insertable<ProspectTable>) {
    return (await db.insertInto('prospects').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertStageEvent(db: Q, values: {
    prospect_id: number;
    from_stage: string | null;
    to_stage: string;
    note: string | null;
    expected_amount: number | null;
    actor_id: number | null;
    actor_name: string | null;
    owner_id: number;
    team_id: number | null;
    department_id: number | null;
    at: string;
  }) {
    await db.insertInto('prospect_stage_history').values(values).execute();
  },

  async stageHistory(db: Q, prospectId: number) {
    return db.selectFrom('prospect_stage_history').selectAll().where('prospect_id', '=', prospectId).orderBy('id').execute();
  },

  async visibleProspectIds(db: Q, actor: Actor, ids: number[]) {
    if (!ids.length) return new Set<number>();
    const rows = await db.selectFrom('prospects').select('prospects.id').where('prospects.id', 'in', ids).where(scopeCondition(actor, RESOURCES.prospect)).execute();
    return new Set(rows.map((r) => r.id));
  },

  async prospectsByIds(db: Q, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('prospects').select(['id', 'company_name', 'contact_name', 'phone', 'stage']).where('id', 'in', ids).execute();
  },

  // ---- monthly progress ----
  async stageEvents(db: Q, actor: Actor, range: { from: string; before: string; ownerId?: number }) {
    let qb = db
      .selectFrom('prospect_stage_history')
      .select(['prospect_id', 'owner_id', 'at', 'from_stage', 'to_stage'])
      .where(scopeCondition(actor, STAGE_EVENTS))
      .where('at', '>=', range.from)
      .where('at', '<', range.before);
    if (range.ownerId) qb = qb.where('owner_id', '=', range.ownerId);
    return qb.execute();
  },

  /** Every move into 合同签订 of the prospects that are there now (the rules keep the latest per prospect). */
  async contractMoves(db: Q, actor: Actor, ownerId?: number) {
    let qb = db
      .selectFrom('prospect_stage_history as h')
      .innerJoin('prospects as p', 'p.id', 'h.prospect_id')
      .leftJoin('development_records as rec', 'rec.prospect_id', 'h.prospect_id')
      .select(['h.prospect_id', 'h.owner_id', 'h.at', 'h.from_stage', 'h.to_stage', 'h.expected_amount', 'rec.first_deal_amount', 'p.stage'])
      .where(scopeCondition(actor, { ...STAGE_EVENTS, id: 'h.id', owner: 'h.owner_id', team: 'h.team_id', department: 'h.department_id' }))
      .where('h.to_stage', '=', 'contract')
      .where('p.stage', '=', 'contract');
    if (ownerId) qb = qb.where('h.owner_id', '=', ownerId);
    return qb.execute();
  },

  async userNames(db: Q, ids: number[]) {
    return people.names(db, ids);
  },

  async placementOf(db: Q, userId: number) {
    return people.placement(db, userId);
  },

  // ---- development records ----
  async record(db: Q, id: number) {
    return recordWithNames(recordsFrom(db)).where('rec.id', '=', id).executeTakeFirst();
  },

  /** A merged customer's links move to the survivor (prospects and development records). */
  async repointCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('prospects').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('development_records').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async recordIdOfProspect(db: Q, prospectId: number) {
    return (await db.selectFrom('development_records').select('id').where('prospect_id', '=', prospectId).executeTakeFirst())?.id;
  },

  async listRecords(db: Q, actor: Actor, f: { q?: string; ownerId?: number }, p: { page: number; pageSize: number }) {
    let base = recordsFrom(db).where(scopeCondition(actor, { ...RESOURCES.development_record, id: 'rec.id', owner: 'rec.owner_id', team: 'rec.team_id', department: 'rec.department_id' }));
    if (f.ownerId) base = base.where('rec.owner_id', '=', f.ownerId);
    if (f.q) base = base.where(containsText('rec.customer_name', f.q));
    return paged(recordWithNames(base).orderBy('rec.created_at', 'desc').orderBy('rec.id', 'desc'), base, p);
  },

  // ---- research ----
  async researchPlan(db: Q, id: number) {
    return researchPlanWithNames(db.selectFrom('research_plans')).where('research_plans.id', '=', id).executeTakeFirst();
  },

  async listResearchPlans(db: Q, actor: Actor, f: { q?: string }, p: { page: number; pageSize: number }) {
    let base = db.selectFrom('research_plans').where(scopeCondition(actor, RESOURCES.research_plan));
    if (f.q) base = base.where(containsText('research_plans.title', f.q));
    return paged(researchPlanWithNames(base).orderBy('research_plans.created_at', 'desc').orderBy('research_plans.id', 'desc'), base, p);
  },

  async researchReport(db: Q, id: number) {
    return researchReportWithNames(db.selectFrom('research_reports')).where('research_reports.id', '=', id).executeTakeFirst();
  },

  async listResearchReports(db: Q, actor: Actor, f: { q?: string; planId?: number }, p: { page: number; pageSize: number }) {
    let base = db.selectFrom('research_reports').where(scopeCondition(actor, RESOURCES.research_report));
    if (f.planId) base = base.where('research_reports.plan_id', '=', f.planId);
    if (f.q) base = base.where(containsText('research_reports.title', f.q));
    return paged(researchReportWithNames(base).orderBy('research_reports.created_at', 'desc').orderBy('research_reports.id', 'desc'), base, p);
  },

  async visible(db: Q, actor: Actor, resource: ScopedResource, id: number) {
    const row = await (db as Kysely<any>).selectFrom(resource.table).select(resource.id).where(resource.id, '=', id).where(scopeCondition(actor, resource)).executeTakeFirst();
    return Boolean(row);
  },

  // ---- development plans ----
  async plan(db: Q, id: number) {
    return planWithNames(plansFrom(db)).where('plan.id', '=', id).executeTakeFirst();
  },

  async listPlans(db: Q, actor: Actor, f: { q?: string; status?: string; ownerId?: number }, p: { page: number; pageSize: number }) {
    let base = plansFrom(db).where(scopeCondition(actor, { ...RESOURCES.development_plan, id: 'plan.id', owner: 'plan.owner_id', team: 'plan.team_id', department: 'plan.department_id' }));
    if (f.status) base = base.where('plan.status', '=', f.status);
    if (f.ownerId) base = base.where('plan.owner_id', '=', f.ownerId);
    if (f.q) base = base.where(containsText('plan.title', f.q));
    return paged(planWithNames(base).orderBy('plan.created_at', 'desc').orderBy('plan.id', 'desc'), base, p);
  },

  async planTargets(db: Q, planId: number) {
    return db
      .selectFrom('development_plan_targets as t')
      .leftJoin('prospects as p', 'p.id', 't.prospect_id')
      .selectAll('t')
      .select(['p.phone as prospect_phone', 'p.stage as prospect_stage'])
      .where('t.plan_id', '=', planId)
      .orderBy('t.sort_order')
      .execute();
  },

  async replacePlanTargets(db: Q, planId: number, rows: Omit<Insertable<DevelopmentPlanTargetTable>, 'plan_id' | 'sort_order'>[]) {
    await db.deleteFrom('development_plan_targets').where('plan_id', '=', planId).execute();
    if (rows.length) await db.insertInto('development_plan_targets').values(rows.map((r, i) => ({ ...r, plan_id: planId, sort_order: i + 1 }))).execute();
  },

  async insertPlan(db: Q, values: Insertable<Database['development_plans']>): Promise<number> {
    return (await db.insertInto('development_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  planState: (db: Q, id: number) => db.selectFrom('development_plans').select(['status', 'version']).where('id', '=', id).executeTakeFirst(),
  /** A status change from the approval engine; the version moves on so an edit form opened before gets 409. */
  async setPlanStatus(db: Q, id: number, patch: Updateable<Database['development_plans']>): Promise<void> {
    await db
      .updateTable('development_plans')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },
  async deletePlan(db: Q, id: number): Promise<void> {
    await db.deleteFrom('development_plans').where('id', '=', id).execute();
  },
  planHasTargets: async (db: Q, planId: number) => (await db.selectFrom('development_plan_targets').select('id').where('plan_id', '=', planId).limit(1).execute()).length > 0,

  async insertRecord(db: Q, values: Insertable<Database['development_records']>): Promise<number> {
    return (await db.insertInto('development_records').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async linkProspectCustomer(db: Q, prospectId: number, customerId: number, at: string): Promise<void> {
    await db
      .updateTable('prospects')
      .set((eb) => ({ customer_id: customerId, version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', prospectId)
      .execute();
  },

  async insertResearchPlan(db: Q, values: Insertable<Database['research_plans']>): Promise<number> {
    return (await db.insertInto('research_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async deleteResearchPlan(db: Q, id: number): Promise<void> {
    await db.deleteFrom('research_plans').where('id', '=', id).execute();
  },
  async insertResearchReport(db: Q, values: Insertable<Database['research_reports']>): Promise<number> {
    return (await db.insertInto('research_reports').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  async deleteResearchReport(db: Q, id: number): Promise<void> {
    await db.deleteFrom('research_reports').where('id', '=', id).execute();
  },

  /**
   * The A卡 counts (docs/regulations.md §16): prospects entered in [start, end) within the caller's scope, per
   * owner, channel and month bucket (`bounds` are the instants each month after the first begins), with how
   * many of them reached 合同签订 and how many were lost.
   */
  async prospectCard(db: Q, actor: Actor, f: { start: string; end: string; bounds: { label: string; from: string }[]; teamId?: number; ownerId?: number }) {
    const [first, ...rest] = f.bounds;
    const month = rest.length
      ? sql<string>`case ${sql.join(
          [...rest].reverse().map((b) => sql`when prospects.created_at >= ${b.from} then ${b.label}`),
          sql` `,
        )} else ${first!.label} end`
      : sql<string>`${first!.label}`;
    let qb = db
      .selectFrom('prospects')
      .leftJoin('user_directory as owner', 'owner.id', 'prospects.owner_id')
      .where(scopeCondition(actor, RESOURCES.prospect))
      .where('prospects.created_at', '>=', f.start)
      .where('prospects.created_at', '<', f.end);
    if (f.teamId) qb = qb.where('prospects.team_id', '=', f.teamId);
    if (f.ownerId) qb = qb.where('prospects.owner_id', '=', f.ownerId);
    const rows = await qb
      .groupBy([sql`1`, sql`2`, sql`3`, sql`4`]) // by position: PostgreSQL would not match the parameterised month expression
      .select((eb) => [
        'prospects.owner_id',
        'owner.display_name as owner_name',
        'prospects.channel',
        month.as('month'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(sql`case when prospects.stage = 'contract' then 1 else 0 end`).as('won'),
        eb.fn.sum<number>(sql`case when prospects.stage = 'lost' then 1 else 0 end`).as('lost'),
      ])
      .execute();
    return rows.map((r) => ({ ownerId: Number(r.owner_id), ownerName: (r.owner_name as string | null) ?? null, channel: r.channel as string, month: String(r.month), count: Number(r.n), won: Number(r.won ?? 0), lost: Number(r.lost ?? 0) }));
  },
};
