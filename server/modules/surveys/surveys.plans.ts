import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t, type Lang } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { TodoItem, TodoProvider } from '../workflow/workflow.types';
import { surveyQueries as q } from './surveys.queries';
import { compareResults, planEditable, round, yearlyFrequency } from './surveys.rules';
import { DOCUMENT_TYPE, type PlanInput, campaignPath, type SurveyCore } from './surveys.core';

/** Results, improvement plans through the approval engine, scores for the KPI module and the to-do home page. */
export function createPlanUseCases(core: SurveyCore) {
  const { db, audit, settings, customers, approvals, now, loadCampaign, computeResults, viewPlan, checkItems } = core;
  return {
    // Results

    async results(ctx: RequestContext, id: number) {
      const c = await loadCampaign(id);
      const current = await computeResults(c, ctx.actor);
      const channels = new Map<string, number>();
      for (const r of await q.responses(db, id)) channels.set(r.channel, (channels.get(r.channel) ?? 0) + 1);
      let previous = null;
      if (c.started_at) {
        const prev = await q.previousCampaign(db, { id, family_id: c.family_id, started_at: c.started_at });
        if (prev) {
          const prevResults = await computeResults(prev);
          previous = compareResults(current, prevResults, { campaignId: prev.id, title: prev.title, startedAt: prev.started_at });
        }
      }
      return { ...current, byChannel: [...channels.entries()].map(([channel, count]) => ({ channel, count })), gradeBasis: 'status' as const, previous, campaign: c };
    },

    // Improvement plans

    plans: async (campaignId: number) => {
      await loadCampaign(campaignId);
      return q.plans(db, campaignId);
    },

    viewPlan,

    async createPlan(ctx: RequestContext, campaignId: number, input: PlanInput) {
      const c = await loadCampaign(campaignId);
      if (c.status === 'draft') throw errors.conflict('survey.campaign_not_started');
      await checkItems(ctx, input.items);
      const me = await q.userInfo(db, ctx.actor.id);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await q.insertPlan(trx, {
          campaign_id: campaignId,
          title: input.title,
          findings: input.findings,
          goals: input.goals,
          owner_id: ctx.actor.id,
          team_id: me.team_id,
          department_id: me.department_id,
          created_at: t0,
          updated_at: t0,
        });
        await q.replaceItems(trx, newId, input.items);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'survey_improvement', entityId: newId, summary: input.title, changes: { campaignId: [null, campaignId], items: [null, input.items.length] } });
        return newId;
      });
      return viewPlan(ctx, id);
    },

    async updatePlan(ctx: RequestContext, id: number, input: Partial<PlanInput> & { version: number }) {
      const before = await viewPlan(ctx, id);
      if (before.plan.owner_id !== ctx.actor.id) throw errors.forbidden('survey.not_plan_owner');
      if (!planEditable(before.plan.status)) throw errors.conflict('survey.plan_locked');
      if (input.items) await checkItems(ctx, input.items);
      const patch: Record<string, unknown> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of ['title', 'findings', 'goals'] as const) {
        if (input[k] !== undefined && input[k] !== before.plan[k]) {
          patch[k] = input[k];
          changes[k] = [before.plan[k], input[k]];
        }
      }
      if (input.items) changes.items = [before.items.length, input.items.length];
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'survey_improvement_plans', id, input.version, patch, now());
        if (input.items) await q.replaceItems(trx, id, input.items);
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'survey_improvement', entityId: id, changes });
      });
      return viewPlan(ctx, id);
    },

    /** To leadership through the approval engine (docs/regulations.md §11, §18). */
    async submitPlan(ctx: RequestContext, id: number, input: { version: number; comment?: string | null }) {
      const current = await viewPlan(ctx, id);
      if (current.plan.owner_id !== ctx.actor.id) throw errors.forbidden('survey.not_plan_owner');
      if (!planEditable(current.plan.status)) throw errors.conflict('survey.plan_locked');
      if (!current.items.length) throw errors.field('items', 'survey.items_required');
      await db.transaction().execute(async (trx) => {
        // Claims the version first: two submissions of the same read cannot both start a round.
        await updateVersioned(trx, 'survey_improvement_plans', id, input.version, {}, now());
        await approvals.submit(trx, ctx, DOCUMENT_TYPE, id, input.comment ?? null);
      });
      return viewPlan(ctx, id);
    },

    // Scores (KPI, issue 5 point 12)

    scores: (ctx: RequestContext, f: { customerId?: number; ownerId?: number; campaignId?: number; from?: string; to?: string }, p: { page: number; pageSize: number }) => q.scores(db, ctx.actor, f, p),

    /** The to-do home page: one line per active campaign with the caller's customers still to ask, and the yearly minimum (§11). */
    todoProvider: {
      key: 'surveys',
      async items(conn: Kysely<Database>, actor: Actor, day: string): Promise<TodoItem[]> {
        const out: TodoItem[] = [];
        const me = await q.userInfo(conn, actor.id);
        const lang = (me.locale ?? 'zh-CN') as Lang;
        for (const c of await q.pendingForOwner(conn, actor.id)) {
          out.push({
            kind: 'survey',
            title: t(lang, 'survey.todo.pending', { title: c.title, count: Number(c.n) }),
            dueDate: c.end_date,
            overdue: c.end_date < day,
            link: { type: 'survey_campaign', id: c.id, path: `${campaignPath(c.id)}?tab=targets` },
          });
        }
        // The yearly minimum is the business of the department's leaders (客户服务经理 / 总监), not of administrators.
        if (hasCapability(actor, 'surveys.manage') && actor.roles.some((r) => r === 'manager' || r === 'director')) {
          const year = Number(day.slice(0, 4));
          const [started, required] = await Promise.all([
            q.startedBetween(conn, new Date(`${year}-01-01T00:00:00+08:00`).toISOString(), new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString()),
            settings.number('surveys.minCampaignsPerYear', conn),
          ]);
          const f = yearlyFrequency(started, required);
          if (f.missing > 0) {
            out.push({
              kind: 'survey_yearly',
              title: t(lang, 'survey.todo.yearly', { year, missing: f.missing, required: f.required }),
              dueDate: `${year}-12-31`,
              overdue: false,
              link: { type: 'survey_campaign', id: 0, path: '/surveys' },
            });
          }
        }
        return out;
      },
    } satisfies TodoProvider,
  };
}
