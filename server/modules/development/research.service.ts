import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, type Changes, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import { RESOURCES } from '../../platform/permissions/scope';
import type { Clock } from '../../platform/time';
import { developmentQueries as q } from './development.queries';
import { createPlacement } from './prospects.service';

/** camelCase API field → column, for the two research forms of 003 第二章第一节. */
const PLAN_COLUMNS = {
  title: 'title',
  goal: 'goal',
  keyTargets: 'key_targets',
  otherTargets: 'other_targets',
  content: 'content',
  schedule: 'schedule',
  method: 'method',
  people: 'people',
  budget: 'budget',
  notes: 'notes',
} as const;

const REPORT_COLUMNS = {
  title: 'title',
  background: 'background',
  purpose: 'purpose',
  method: 'method',
  departmentName: 'department_name',
  subjects: 'subjects',
  surveyPeriod: 'survey_period',
  factors: 'factors',
  priceTolerance: 'price_tolerance',
  expectedServices: 'expected_services',
  opinions: 'opinions',
  suggestions: 'suggestions',
} as const;

export type ResearchPlanInput = Partial<Record<keyof typeof PLAN_COLUMNS, string | number | null>> & { ownerId?: number };
export type ResearchReportInput = Partial<Record<keyof typeof REPORT_COLUMNS, string | null>>;

function toColumns(map: Record<string, string>, input: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && map[k]) out[map[k]] = v;
  return out;
}

function changesOf(map: Record<string, string>, before: Record<string, unknown> | null, input: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || !map[k]) continue;
    const old = before ? (before[map[k]] ?? null) : null;
    if (old !== v) out[k] = [old, v];
  }
  return out;
}

/** 客户调查计划表 and 客户调查分析报告 (docs/regulations.md §6 research): plain records in the owner's scope. */
export function createResearchService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;
  const placement = createPlacement(db);
  const now = () => clock.now().toISOString();

  async function getPlan(id: number) {
    const row = await q.researchPlan(db, id);
    if (!row) throw errors.notFound();
    return row;
  }
  async function getReport(id: number) {
    const row = await q.researchReport(db, id);
    if (!row) throw errors.notFound();
    return row;
  }

  return {
    getPlan,
    getReport,
    listPlans: (ctx: RequestContext, f: { q?: string }, p: { page: number; pageSize: number }) => q.listResearchPlans(db, ctx.actor, f, p),
    listReports: (ctx: RequestContext, f: { q?: string; planId?: number }, p: { page: number; pageSize: number }) => q.listResearchReports(db, ctx.actor, f, p),

    async createPlan(ctx: RequestContext, input: ResearchPlanInput & { title: string }) {
      const { ownerId, ...fields } = input;
      const place = await placement(ctx, ownerId);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const planId = await q.insertResearchPlan(trx, { ...(toColumns(PLAN_COLUMNS, fields) as { title: string }), ...place, created_by: ctx.actor.id, created_at: t, updated_at: t });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'research_plan', entityId: planId, summary: fields.title, changes: changesOf(PLAN_COLUMNS, null, fields) });
        return planId;
      });
      return getPlan(id);
    },

    async updatePlan(ctx: RequestContext, id: number, input: ResearchPlanInput & { version: number }) {
      const { version, ownerId, ...fields } = input;
      const before = await getPlan(id);
      const patch = toColumns(PLAN_COLUMNS, fields);
      const changes = changesOf(PLAN_COLUMNS, before as unknown as Record<string, unknown>, fields);
      if (ownerId !== undefined && ownerId !== before.owner_id) {
        Object.assign(patch, await placement(ctx, ownerId));
        changes.ownerId = [before.owner_id, ownerId];
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'research_plans', id, version, patch, now());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'research_plan', entityId: id, changes });
      });
      return getPlan(id);
    },

    async deletePlan(ctx: RequestContext, id: number) {
      const before = await getPlan(id);
      // The reports stand on the plan: it stays while any report refers to it.
      if (Number(before.report_count) > 0) throw errors.conflict('development.research_plan_has_reports');
      await db.transaction().execute(async (trx) => {
        await q.deleteResearchPlan(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'research_plan', entityId: id, summary: before.title });
      });
    },

    async createReport(ctx: RequestContext, input: ResearchReportInput & { title: string; planId: number }) {
      const { planId, ...fields } = input;
      if (!(await q.visible(db, ctx.actor, RESOURCES.research_plan, planId))) throw errors.field('planId', 'development.research_plan_not_found');
      const place = await placement(ctx, undefined);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const reportId = await q.insertResearchReport(trx, { ...(toColumns(REPORT_COLUMNS, fields) as { title: string }), plan_id: planId, ...place, created_by: ctx.actor.id, created_at: t, updated_at: t });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'research_report', entityId: reportId, summary: fields.title, changes: { planId: [null, planId], ...changesOf(REPORT_COLUMNS, null, fields) } });
        return reportId;
      });
      return getReport(id);
    },

    async updateReport(ctx: RequestContext, id: number, input: ResearchReportInput & { version: number }) {
      const { version, ...fields } = input;
      const before = await getReport(id);
      const changes = changesOf(REPORT_COLUMNS, before as unknown as Record<string, unknown>, fields);
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'research_reports', id, version, toColumns(REPORT_COLUMNS, fields), now());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'research_report', entityId: id, changes });
      });
      return getReport(id);
    },

    async deleteReport(ctx: RequestContext, id: number) {
      const before = await getReport(id);
      await db.transaction().execute(async (trx) => {
        await q.deleteResearchReport(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'research_report', entityId: id, summary: before.title });
      });
    },
  };
}
export type ResearchService = ReturnType<typeof createResearchService>;
