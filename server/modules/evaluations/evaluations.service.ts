import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { LANGS, type Lang, t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import type { NotificationService } from '../workflow/workflow.types';
import { type EvaluationFilters, type EvaluationRow, evaluationQueries as q } from './evaluations.queries';
import {
  type Bands,
  type EvaluationStatus,
  type OurLevel,
  OUR_LEVELS,
  canEdit,
  canReview,
  recommend,
  totalPoints,
  weightSum,
  weightedTotalHundredths,
} from './evaluations.rules';

export interface TemplateInput {
  name: string;
  description?: string | null;
  indicators: { name: string; weight: number; basis: string }[];
}

export interface ScoreInput {
  indicatorId: number;
  score: number;
  basis?: string | null;
}
export interface StrengtheningInput {
  level: OurLevel;
  influence?: string | null;
  competitorTie?: string | null;
  responsible?: string | null;
  measures?: string | null;
  timing?: string | null;
}
export interface EvaluationInput {
  templateId?: number;
  evaluatedOn?: string;
  conclusion?: string | null;
  scores?: ScoreInput[];
  strengthening?: StrengtheningInput[];
}

const langOf = (locale: string | null | undefined): Lang => ((LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN');
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export async function readBands(settings: SettingsService, conn?: Kysely<Database>): Promise<Bands> {
  const v = await settings.values(conn);
  return { maintainMin: Number(v['evaluations.maintainMinScore']), terminateBelow: Number(v['evaluations.terminateBelowScore']) };
}

/** docs/regulations.md §4: a scorecard's weights add up to 100 %, and its indicators have distinct names. */
function checkIndicators(indicators: TemplateInput['indicators']) {
  const sum = weightSum(indicators);
  if (sum !== 100) throw errors.field('indicators', 'evaluation.weights_not_100', { sum });
  const names = indicators.map((i) => i.name.trim());
  if (new Set(names).size !== names.length) throw errors.field('indicators', 'evaluation.indicator_names_unique');
}

export interface EvaluationDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  notifications: NotificationService;
}

export function createEvaluationService(deps: EvaluationDeps) {
  const { db, audit, clock, settings, notifications } = deps;

  async function templatesWithIndicators(conn: Kysely<Database>, rows: Awaited<ReturnType<typeof q.templates>>) {
    const ids = rows.map((r) => r.id);
    const [indicators, used] = await Promise.all([q.indicators(conn, ids), q.usedTemplateIds(conn, ids)]);
    return rows.map((r) => ({ ...r, indicators: indicators.filter((i) => i.template_id === r.id), used: used.has(r.id) }));
  }

  async function getTemplate(id: number, conn: Kysely<Database> = db) {
    const row = await q.template(conn, id);
    if (!row) throw errors.notFound();
    return (await templatesWithIndicators(conn, [row]))[0]!;
  }

  async function get(id: number, conn: Kysely<Database> = db) {
    const row = await q.get(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  const wrongStatus = (ctx: RequestContext, status: string) => {
    const label = t(ctx.lang, `evaluation.status.${status}`);
    return new AppError('conflict', 'evaluation.wrong_status', [{ field: 'status', message: 'evaluation.wrong_status', params: { status: label } }], { status: label });
  };

  /** Scores must cover the template's indicators exactly once each; returns the total and the rows to store. */
  async function scoreAgainst(conn: Kysely<Database>, templateId: number, scores: ScoreInput[], bands: Bands) {
    const tpl = await q.template(conn, templateId);
    if (!tpl) throw errors.field('templateId', 'evaluation.template_not_found');
    const indicators = await q.indicators(conn, [templateId]);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const seen = new Set<number>();
    for (const s of scores) {
      if (!byId.has(s.indicatorId) || seen.has(s.indicatorId)) throw errors.field('scores', 'evaluation.scores_mismatch');
      seen.add(s.indicatorId);
    }
    if (seen.size !== indicators.length) throw errors.field('scores', 'evaluation.scores_mismatch');
    const total = weightedTotalHundredths(scores.map((s) => ({ score: s.score, weight: byId.get(s.indicatorId)!.weight })));
    return { tpl, total, recommendation: recommend(total, bands), rows: scores.map((s) => ({ indicatorId: s.indicatorId, score: s.score, basis: blank(s.basis) })) };
  }

  const strengtheningRows = (rows: StrengtheningInput[]) =>
    rows
      .map((r) => ({
        level: r.level,
        influence: blank(r.influence),
        competitor_tie: blank(r.competitorTie),
        responsible: blank(r.responsible),
        measures: blank(r.measures),
        timing: blank(r.timing),
      }))
      // An all-empty row says nothing: not stored.
      .filter((r) => r.influence || r.competitor_tie || r.responsible || r.measures || r.timing);

  return {
    readBands: () => readBands(settings),

    /** For grading (docs/regulations.md §3): each customer's latest confirmed evaluation, total 0–100. */
    async latestScores(conn: Kysely<Database>, customerIds: number[]): Promise<Map<number, { evaluationId: number; evaluatedOn: string; score: number }>> {
      const out = new Map<number, { evaluationId: number; evaluatedOn: string; score: number }>();
      for (const r of await q.latestConfirmed(conn, customerIds)) {
        if (!out.has(r.customer_id)) out.set(r.customer_id, { evaluationId: r.id, evaluatedOn: r.evaluated_on, score: Number(r.total_hundredths) / 100 });
      }
      return out;
    },

    // --- templates (评估模板)
    async listTemplates(includeSuperseded: boolean) {
      return templatesWithIndicators(db, await q.templates(db, includeSuperseded));
    },
    getTemplate,

    async createTemplate(ctx: RequestContext, input: TemplateInput) {
      checkIndicators(input.indicators);
      return db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const id = await q.insertTemplate(trx, { version_no: 1, name: input.name, description: blank(input.description), status: 'active', created_by: ctx.actor.id, created_at: now, updated_at: now });
        await q.setTemplateFamily(trx, id, id);
        await q.replaceIndicators(trx, id, input.indicators);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'evaluation_template', entityId: id, summary: input.name });
        return getTemplate(id, trx);
      });
    },

    /**
     * Editing a scorecard no evaluation uses changes it in place; a used one is frozen (the evaluations made with
     * it keep their weights), so the edit becomes a new version and the old one is superseded.
     */
    async updateTemplate(ctx: RequestContext, id: number, input: TemplateInput & { version: number }) {
      checkIndicators(input.indicators);
      return db.transaction().execute(async (trx) => {
        const before = await getTemplate(id, trx);
        if (before.status !== 'active') throw errors.conflict('evaluation.template_inactive', 'version');
        const now = clock.now().toISOString();
        if (!before.used) {
          await updateVersioned(trx, 'evaluation_templates', id, input.version, { name: input.name, description: blank(input.description) }, now);
          await q.replaceIndicators(trx, id, input.indicators);
          await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'evaluation_template', entityId: id, summary: input.name });
          return getTemplate(id, trx);
        }
        if (before.version !== input.version) throw errors.staleVersion();
        const familyId = before.family_id ?? before.id;
        const versionNo = (await q.lastVersionNo(trx, familyId)) + 1;
        const newId = await q.insertTemplate(trx, {
          family_id: familyId,
          version_no: versionNo,
          name: input.name,
          description: blank(input.description),
          status: 'active',
          builtin_key: before.builtin_key,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        await q.replaceIndicators(trx, newId, input.indicators);
        await q.supersede(trx, id, now);
        await audit.record(trx, actorInfo(ctx), { action: 'new_version', entityType: 'evaluation_template', entityId: newId, summary: `${input.name} v${versionNo} (v${before.version_no} in use)` });
        return getTemplate(newId, trx);
      });
    },

    // --- evaluations (客户关系评估)
    get,
    list(ctx: RequestContext, f: EvaluationFilters, p: { page: number; pageSize: number }) {
      return q.list(db, ctx.actor, f, p);
    },

    async detailParts(row: EvaluationRow) {
      const [scores, strengthening, bands] = await Promise.all([q.scores(db, row.id), q.strengthening(db, row.id), readBands(settings)]);
      const byLevel = new Map(strengthening.map((s) => [s.level, s]));
      return {
        scores: scores.map((s) => ({
          indicatorId: s.indicator_id,
          name: s.name,
          weight: s.weight,
          indicatorBasis: s.indicator_basis,
          score: s.score,
          basis: s.basis,
          weighted: (s.score * s.weight) / 100,
        })),
        strengthening: OUR_LEVELS.map((level) => {
          const s = byLevel.get(level);
          return { level, influence: s?.influence ?? null, competitorTie: s?.competitor_tie ?? null, responsible: s?.responsible ?? null, measures: s?.measures ?? null, timing: s?.timing ?? null };
        }),
        bands,
      };
    },

    can(ctx: RequestContext, row: EvaluationRow) {
      const status = row.status as EvaluationStatus;
      const write = hasCapability(ctx.actor, 'evaluations.write');
      return { edit: write && canEdit(status), submit: write && canEdit(status), review: hasCapability(ctx.actor, 'evaluations.review') && canReview(status) };
    },

    async create(ctx: RequestContext, input: Required<Pick<EvaluationInput, 'templateId' | 'evaluatedOn' | 'scores'>> & EvaluationInput & { customerId: number }) {
      if (!(await q.customerVisible(db, ctx.actor, input.customerId))) throw errors.field('customerId', 'evaluation.customer_not_found');
      return db.transaction().execute(async (trx) => {
        const tpl = await q.template(trx, input.templateId);
        if (!tpl) throw errors.field('templateId', 'evaluation.template_not_found');
        if (tpl.status !== 'active') throw errors.field('templateId', 'evaluation.template_inactive');
        const scored = await scoreAgainst(trx, input.templateId, input.scores, await readBands(settings, trx));
        const customer = (await q.customer(trx, input.customerId))!;
        const now = clock.now().toISOString();
        const id = await q.insert(trx, {
          customer_id: customer.id,
          template_id: tpl.id,
          evaluated_on: input.evaluatedOn,
          total_hundredths: scored.total,
          recommendation: scored.recommendation,
          conclusion: blank(input.conclusion),
          status: 'draft',
          owner_id: customer.owner_id,
          team_id: customer.team_id,
          department_id: customer.department_id,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        await q.replaceScores(trx, id, scored.rows);
        await q.replaceStrengthening(trx, id, strengtheningRows(input.strengthening ?? []));
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'evaluation',
          entityId: id,
          summary: `${customer.archive_no} ${customer.name}: ${totalPoints(scored.total)} → ${scored.recommendation}`,
        });
        return id;
      });
    },

    async update(ctx: RequestContext, id: number, input: EvaluationInput & { version: number }) {
      return db.transaction().execute(async (trx) => {
        const before = await get(id, trx);
        if (!canEdit(before.status as EvaluationStatus)) throw wrongStatus(ctx, before.status);
        const templateId = input.templateId ?? before.template_id;
        if (templateId !== before.template_id) {
          const tpl = await q.template(trx, templateId);
          if (!tpl) throw errors.field('templateId', 'evaluation.template_not_found');
          if (tpl.status !== 'active') throw errors.field('templateId', 'evaluation.template_inactive');
        }
        const scores =
          input.scores ?? (templateId === before.template_id ? (await q.scores(trx, id)).map((s) => ({ indicatorId: s.indicator_id, score: s.score, basis: s.basis })) : []);
        const scored = await scoreAgainst(trx, templateId, scores, await readBands(settings, trx));
        const now = clock.now().toISOString();
        const patch: Record<string, unknown> = { template_id: templateId, total_hundredths: scored.total, recommendation: scored.recommendation };
        if (input.evaluatedOn !== undefined) patch.evaluated_on = input.evaluatedOn;
        if (input.conclusion !== undefined) patch.conclusion = blank(input.conclusion);
        await updateVersioned(trx, 'evaluations', id, input.version, patch, now);
        await q.replaceScores(trx, id, scored.rows);
        if (input.strengthening) await q.replaceStrengthening(trx, id, strengtheningRows(input.strengthening));
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'evaluation',
          entityId: id,
          summary: `${before.customer_archive_no} ${before.customer_name}`,
          changes: {
            total: [totalPoints(before.total_hundredths), totalPoints(scored.total)],
            recommendation: [before.recommendation, scored.recommendation],
          },
        });
      });
    },

    /** The specialist submits; the supervisor named on the customer's team is notified to confirm (docs/regulations.md §4, 000 五). */
    async submit(ctx: RequestContext, id: number, version: number) {
      await db.transaction().execute(async (trx) => {
        const before = await get(id, trx);
        if (!canEdit(before.status as EvaluationStatus)) throw wrongStatus(ctx, before.status);
        const now = clock.now().toISOString();
        await updateVersioned(trx, 'evaluations', id, version, { status: 'submitted', submitted_by: ctx.actor.id, submitted_at: now, reviewed_by: null, reviewed_at: null }, now);
        await audit.record(trx, actorInfo(ctx), { action: 'submit', entityType: 'evaluation', entityId: id, summary: before.customer_name, changes: { status: [before.status, 'submitted'] } });
        const supervisor = before.team_id ? await q.teamSupervisor(trx, before.team_id) : undefined;
        if (supervisor && supervisor.id !== ctx.actor.id) {
          await notifications.notify(trx, {
            userIds: [supervisor.id],
            kind: 'evaluation.submitted',
            titleKey: 'evaluation.notify.submitted',
            bodyKey: 'evaluation.notify.submitted_body',
            params: {
              customer: before.customer_name,
              total: totalPoints(before.total_hundredths),
              recommendation: { key: `evaluation.recommendation.${before.recommendation}` },
              who: ctx.actor.displayName,
            },
            link: { type: 'evaluation', id, path: `/evaluations/${id}` },
          });
        }
      });
    },

    /** 确认 by a supervisor of the customer's team (the route's scope check keeps other teams' out with 404). */
    async review(ctx: RequestContext, id: number, input: { version: number; comment?: string }, outcome: 'confirmed' | 'returned') {
      await db.transaction().execute(async (trx) => {
        const before = await get(id, trx);
        if (!canReview(before.status as EvaluationStatus)) throw wrongStatus(ctx, before.status);
        const now = clock.now().toISOString();
        await updateVersioned(trx, 'evaluations', id, input.version, { status: outcome, reviewed_by: ctx.actor.id, reviewed_at: now, review_comment: blank(input.comment) }, now);
        await audit.record(trx, actorInfo(ctx), {
          action: outcome === 'confirmed' ? 'confirm' : 'return',
          entityType: 'evaluation',
          entityId: id,
          summary: input.comment ? `${before.customer_name}: ${input.comment}` : before.customer_name,
          changes: { status: [before.status, outcome] },
        });
      });
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
