import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import { type AuditActorInfo, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { RateLimiter } from '../../platform/auth/rate-limit';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import { t, type Lang } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { CustomerService } from '../customers/customers.service';
import type { TaskService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import { type CampaignListFilter, type TargetListFilter, surveyQueries as q } from './surveys.queries';
import {
  type Answer,
  type AnswerInput,
  type CampaignResults,
  type Definition,
  type ResponseFacts,
  type StaffChannel,
  type TargetFacts,
  campaignResults,
  checkAnswers,
  cleanDefinition,
  compareResults,
  definitionProblems,
  linkExpiry,
  linkState,
  planEditable,
  publicLinkProblem,
  questionsOf,
  responseIndex,
  round,
  SCALE_LEVELS,
  yearlyFrequency,
} from './surveys.rules';

export const DOCUMENT_TYPE = 'survey_improvement';
/** Most customers one campaign asks; a larger survey is split by region or owner. */
export const MAX_TARGETS = 20_000;
const SNAPSHOT_PAGE = 1000;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export interface TemplateInput {
  name: string;
  description?: string | null;
  intro?: string | null;
  sections: Definition['sections'];
}
export interface CampaignFilter {
  q?: string;
  status?: 'potential' | 'formal' | 'dormant' | 'lost';
  ownerId?: number;
  teamId?: number;
  province?: string;
  city?: string;
  industry?: string;
}
export interface CampaignInput {
  title: string;
  description?: string | null;
  templateId: number;
  filter: CampaignFilter;
  startDate: string;
  endDate: string;
}
export interface PlanInput {
  title: string;
  findings: string;
  goals: string;
  items: { measure: string; assigneeId: number; dueDate: string }[];
}

const campaignPath = (id: number) => `/surveys/campaigns/${id}`;
const planPath = (id: number) => `/surveys/improvement-plans/${id}`;
const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const parseDefinition = (json: string) => JSON.parse(json) as Definition;
const questionCount = (def: Definition) => def.sections.reduce((n, s) => n + s.questions.length, 0);

/** 410 with a reason the public page turns into its own message (used, expired, closed). */
function gone(reason: 'used' | 'expired' | 'closed') {
  return new AppError('conflict', `survey.link_${reason}`, [], {}, 410, { reason });
}

function answerRows(responseId: number, answers: Answer[]) {
  return answers.map((a) => ({
    response_id: responseId,
    question_key: a.key,
    score: a.score,
    choices: a.choices ? JSON.stringify(a.choices) : null,
    text_value: a.text,
  }));
}

export function rowToAnswer(r: { question_key: string; score: number | null; choices: string | null; text_value: string | null }): Answer {
  return { key: r.question_key, score: r.score === null ? null : Number(r.score), choices: r.choices ? (JSON.parse(r.choices) as string[]) : null, text: r.text_value };
}

/**
 * Satisfaction surveys 满意度调查 (docs/regulations.md §11, issue 5 points 8–12): questionnaire templates whose
 * published versions are frozen, campaigns over archive filters with snapshotted targets, answers
 * entered by staff or given by the customer through a one-time personal link, results, improvement
 * plans through the approval engine and tasks, and per-response scores for the KPI module.
 *
 * Scope (docs/surveys.md): templates, campaigns and improvement plans are company documents
 * (surveys.read to see, surveys.manage to change); targets, answers, links and the answers export cover
 * only customers in the caller's archive scope; the results' figures are company-wide aggregates, except
 * the per-owner breakdown, which lists only the responsible persons in the caller's scope.
 */
export function createSurveyService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: Pick<SettingsService, 'number'>;
  customers: Pick<CustomerService, 'list'>;
  approvals: Pick<ApprovalService, 'submit'>;
  tasks: TaskService;
  rateLimiter: RateLimiter;
}) {
  const { db, audit, clock, settings, customers, approvals, tasks, rateLimiter } = deps;
  const now = () => clock.now().toISOString();
  const today = () => shanghaiDate(clock.now());

  // Templates

  async function loadTemplate(id: number, conn: Kysely<Database> = db) {
    const row = await q.template(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  function checkDefinition(input: TemplateInput): Definition {
    const def = cleanDefinition({ sections: input.sections });
    const problems = definitionProblems(def);
    if (problems.length) throw errors.validation(problems);
    return def;
  }

  async function viewTemplate(ctx: RequestContext, id: number) {
    const row = await loadTemplate(id);
    const def = parseDefinition(row.definition);
    const [versions, used] = await Promise.all([q.familyVersions(db, row.family_id!), q.campaignsUsing(db, id)]);
    const manages = hasCapability(ctx.actor, 'surveys.manage');
    const newest = versions[0]?.id === id;
    return {
      row,
      definition: def,
      versions,
      usedByCampaigns: used,
      can: {
        // A published version is edited into a new version, and only from the family's newest one.
        edit: manages && newest,
        publish: manages && row.status === 'draft',
        delete: manages && row.status === 'draft',
      },
    };
  }

  // Campaigns

  async function loadCampaign(id: number, conn: Kysely<Database> = db) {
    const row = await q.campaign(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  async function viewCampaign(ctx: RequestContext, id: number) {
    const c = await loadCampaign(id);
    const [figures, linkExpiryDays] = await Promise.all([q.campaignFigures(db, [id]), settings.number('surveys.linkExpiryDays')]);
    const f = figures.get(id) ?? { responses: 0, index: null };
    const manages = hasCapability(ctx.actor, 'surveys.manage');
    return {
      campaign: c,
      definition: parseDefinition(c.definition),
      responses: f.responses,
      index: f.index,
      linkExpiryDays,
      can: {
        edit: manages && c.status === 'draft',
        start: manages && c.status === 'draft',
        close: manages && c.status === 'active',
        respond: hasCapability(ctx.actor, 'surveys.respond') && c.status === 'active',
        plan: manages && c.status !== 'draft',
      },
    };
  }

  async function checkTemplateUsable(conn: Kysely<Database>, templateId: number) {
    const tpl = await q.template(conn, templateId);
    if (!tpl || tpl.status !== 'published') throw errors.field('templateId', 'survey.template_not_published');
    return tpl;
  }

  /** The campaign's targets: the customers the filter matches in the starter's archive scope, read page by page. */
  async function snapshotTargets(ctx: RequestContext, filter: CampaignFilter) {
    const rows: { id: number; owner_id: number; team_id: number | null; department_id: number | null; province: string | null; status: string }[] = [];
    for (let page = 1; ; page++) {
      const { rows: batch, total } = await customers.list(ctx, filter, { page, pageSize: SNAPSHOT_PAGE, sort: 'name', direction: 'asc' });
      if (total > MAX_TARGETS) throw errors.validation([{ field: 'filter', message: 'survey.too_many_targets', params: { count: total, max: MAX_TARGETS } }]);
      rows.push(...batch);
      if (batch.length < SNAPSHOT_PAGE) break;
    }
    return rows;
  }

  /** Everything the results page shows; `scopeActor` limits the per-owner breakdown. */
  async function computeResults(campaign: { id: number; definition: string }, scopeActor?: Actor): Promise<CampaignResults> {
    const [targets, answerRowsOf, visibleOwners] = await Promise.all([
      q.targetFacts(db, campaign.id),
      q.answersByTarget(db, campaign.id),
      scopeActor ? q.ownerScopedTargetIds(db, scopeActor, campaign.id) : Promise.resolve(null),
    ]);
    const responded = await q.respondedTargetIds(db, campaign.id);
    const byTarget = new Map<number, Answer[]>(responded.map((id) => [id, []]));
    for (const r of answerRowsOf) byTarget.get(r.target_id)?.push(rowToAnswer(r));
    const facts: TargetFacts[] = targets.map((x) => ({ id: x.id, ownerId: x.owner_id, ownerName: x.owner_name ?? '', province: x.province, customerStatus: x.customer_status }));
    const responses: ResponseFacts[] = [...byTarget.entries()].map(([targetId, answers]) => ({ targetId, answers }));
    return campaignResults(parseDefinition(campaign.definition), facts, responses, { ownerVisible: visibleOwners ? (tf) => visibleOwners.has(tf.id) : undefined });
  }

  /** Writes one response, its answers and its score, claiming the target first (a second answer gets `onTaken`). */
  async function writeResponse(
    trx: Kysely<Database>,
    target: { id: number; campaign_id: number; customer_id: number; owner_id: number; team_id: number | null; department_id: number | null },
    templateId: number,
    input: { channel: string; respondentName: string | null; enteredBy: number | null; answeredAt: string; answers: Answer[] },
    who: AuditActorInfo,
    onTaken: () => Error,
  ) {
    const t0 = now();
    if (!(await q.claimTarget(trx, target.id, input.answeredAt))) throw onTaken();
    const responseId = await q.insertResponse(trx, {
      campaign_id: target.campaign_id,
      target_id: target.id,
      template_id: templateId,
      customer_id: target.customer_id,
      channel: input.channel,
      respondent_name: input.respondentName,
      entered_by: input.enteredBy,
      answered_at: input.answeredAt,
      created_at: t0,
    });
    await q.insertAnswers(trx, answerRows(responseId, input.answers));
    const scores = input.answers.filter((a) => a.score !== null).map((a) => a.score!);
    const idx = responseIndex(scores);
    await q.insertScore(trx, {
      response_id: responseId,
      campaign_id: target.campaign_id,
      customer_id: target.customer_id,
      owner_id: target.owner_id,
      team_id: target.team_id,
      department_id: target.department_id,
      // Unrounded, so averages over scores equal the results page's figures.
      satisfaction_index: idx,
      scale_items: scores.length,
      answered_at: input.answeredAt,
    });
    await audit.record(trx, who, {
      action: 'response.create',
      entityType: 'survey_campaign',
      entityId: target.campaign_id,
      summary: input.channel,
      changes: { responseId: [null, responseId], targetId: [null, target.id], customerId: [null, target.customer_id], channel: [null, input.channel], index: [null, idx === null ? null : round(idx, 1)] },
    });
    return responseId;
  }

  // Improvement plans

  async function loadPlan(id: number, conn: Kysely<Database> = db) {
    const row = await q.plan(conn, id);
    if (!row) throw errors.notFound();
    return row;
  }

  async function viewPlan(ctx: RequestContext, id: number) {
    const plan = await loadPlan(id);
    const items = await q.items(db, id);
    const isOwner = plan.owner_id === ctx.actor.id;
    const editable = isOwner && hasCapability(ctx.actor, 'surveys.manage') && planEditable(plan.status);
    return { plan, items, can: { edit: editable, submit: editable } };
  }

  async function checkItems(ctx: RequestContext, items: PlanInput['items']) {
    const problems: FieldError[] = [];
    const assignable = await q.assignableUserIds(db, ctx.actor, [...new Set(items.map((i) => i.assigneeId))]);
    items.forEach((it, i) => {
      if (!assignable.has(it.assigneeId)) problems.push({ field: `items.${i}.assigneeId`, message: 'survey.assignee_unknown' });
      if (it.dueDate < today()) problems.push({ field: `items.${i}.dueDate`, message: 'survey.due_in_past' });
    });
    if (problems.length) throw errors.validation(problems);
  }

  const handler: DocumentTypeHandler = {
    type: DOCUMENT_TYPE,
    label: { 'zh-CN': '满意度改进方案', 'zh-TW': '滿意度改進方案', en: 'Satisfaction improvement plan' },
    async load(trx, id) {
      const plan = await q.plan(trx, id);
      if (!plan) return undefined;
      const items = await q.items(trx, id);
      return {
        applicantId: plan.owner_id,
        departmentId: plan.department_id,
        teamId: plan.team_id,
        title: plan.title,
        fields: { campaignId: plan.campaign_id, items: items.length },
        link: planPath(id),
      };
    },
    // Plans are company documents: whoever reads surveys reads their approval history.
    canView: async (_conn, actor) => hasCapability(actor, 'surveys.read'),
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const before = await q.plan(trx, id);
      if (!before) return;
      const t0 = now();
      await q.setPlanStatus(trx, id, { status: outcome, ...(outcome === 'pending' ? { submitted_at: t0 } : {}), ...(outcome === 'approved' ? { approved_at: t0 } : {}) }, t0);
      if (before.status !== outcome) {
        await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'survey_improvement', entityId: id, summary: outcome, changes: { status: [before.status, outcome] } });
      }
      if (outcome !== 'approved') return;
      // Approved by leadership (§11): each measure becomes a task for its assignee, issued in the approver's name.
      for (const item of await q.items(trx, id)) {
        if (item.task_id !== null) continue;
        const task = await tasks.createTask(trx, ctx.actor, {
          title: item.measure.length > 60 ? `${item.measure.slice(0, 60)}…` : item.measure,
          description: `${before.title}\n${item.measure}`,
          assigneeId: item.assignee_id,
          due: { date: item.due_date },
          link: { type: DOCUMENT_TYPE, id, path: planPath(id) },
          source: DOCUMENT_TYPE,
        });
        await q.setItemTask(trx, item.id, task.id);
      }
    },
  };

  return {
    /** Registered with the approval engine in createServices (chain 'survey_improvement': director, §18). */
    approvalHandler: handler,

    // Templates

    async listTemplates(f: { all?: boolean; status?: string; q?: string }) {
      const rows = await q.templates(db, f);
      return rows.map((row) => ({ row, questionCount: questionCount(parseDefinition(row.definition)) }));
    },

    viewTemplate,

    async createTemplate(ctx: RequestContext, input: TemplateInput) {
      const def = checkDefinition(input);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await q.insertTemplate(trx, {
          name: input.name,
          description: input.description ?? null,
          intro: input.intro ?? null,
          definition: JSON.stringify(def),
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'survey_template', entityId: newId, summary: input.name, changes: { name: [null, input.name], questions: [null, questionCount(def)] } });
        return newId;
      });
      return viewTemplate(ctx, id);
    },

    /**
     * A draft is edited in place; a published version is frozen (answers reference it), so editing it
     * makes the next version of the family as a draft. `created` tells which happened.
     */
    async updateTemplate(ctx: RequestContext, id: number, input: TemplateInput & { version: number }) {
      const before = await loadTemplate(id);
      const def = checkDefinition(input);
      const t0 = now();
      if (before.status === 'draft') {
        await db.transaction().execute(async (trx) => {
          await updateVersioned(trx, 'survey_templates', id, input.version, { name: input.name, description: input.description ?? null, intro: input.intro ?? null, definition: JSON.stringify(def) }, t0);
          await audit.record(trx, actorInfo(ctx), {
            action: 'update',
            entityType: 'survey_template',
            entityId: id,
            summary: input.name,
            changes: { name: [before.name, input.name], questions: [questionCount(parseDefinition(before.definition)), questionCount(def)] },
          });
        });
        return { created: false, template: await viewTemplate(ctx, id) };
      }
      if (before.version !== input.version) throw errors.staleVersion();
      const newId = await db.transaction().execute(async (trx) => {
        const versions = await q.familyVersions(trx, before.family_id!);
        if (versions[0].id !== id) throw new AppError('conflict', 'survey.newer_version_exists', [], { version: versions[0].version_no }, 409, { newerId: versions[0].id });
        const created = await q.insertTemplate(trx, {
          family_id: before.family_id,
          version_no: versions[0].version_no + 1,
          name: input.name,
          description: input.description ?? null,
          intro: input.intro ?? null,
          definition: JSON.stringify(def),
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'version.create',
          entityType: 'survey_template',
          entityId: created,
          summary: input.name,
          changes: { familyId: [null, before.family_id], versionNo: [versions[0].version_no, versions[0].version_no + 1], fromTemplateId: [null, id] },
        });
        return created;
      });
      return { created: true, template: await viewTemplate(ctx, newId) };
    },

    async publishTemplate(ctx: RequestContext, id: number, version: number) {
      const before = await loadTemplate(id);
      if (before.status !== 'draft') throw errors.conflict('survey.template_published');
      const problems = definitionProblems(parseDefinition(before.definition));
      if (problems.length) throw errors.validation(problems);
      await db.transaction().execute(async (trx) => {
        const t0 = now();
        await updateVersioned(trx, 'survey_templates', id, version, { status: 'published', published_at: t0, published_by: ctx.actor.id }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'publish', entityType: 'survey_template', entityId: id, summary: before.name, changes: { status: ['draft', 'published'] } });
      });
      return viewTemplate(ctx, id);
    },

    /** A new questionnaire (its own family) starting from this one, as a draft. */
    async copyTemplate(ctx: RequestContext, id: number) {
      const src = await loadTemplate(id);
      const name = t(ctx.lang, 'survey.copy_name', { name: src.name }).slice(0, 100);
      const t0 = now();
      const newId = await db.transaction().execute(async (trx) => {
        const created = await q.insertTemplate(trx, {
          name,
          description: src.description,
          intro: src.intro,
          definition: src.definition,
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'copy', entityType: 'survey_template', entityId: created, summary: name, changes: { fromTemplateId: [null, id] } });
        return created;
      });
      return viewTemplate(ctx, newId);
    },

    async deleteTemplate(ctx: RequestContext, id: number) {
      const before = await loadTemplate(id);
      if (before.status !== 'draft') throw errors.conflict('survey.template_published');
      await db.transaction().execute(async (trx) => {
        await q.deleteTemplate(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'survey_template', entityId: id, summary: before.name });
      });
    },

    // Campaigns

    async listCampaigns(f: CampaignListFilter, p: { page: number; pageSize: number }) {
      const { rows, total } = await q.campaigns(db, f, p);
      const figures = await q.campaignFigures(db, rows.map((r) => r.id));
      const year = Number(today().slice(0, 4));
      const [started, required] = await Promise.all([
        q.startedBetween(db, new Date(`${year}-01-01T00:00:00+08:00`).toISOString(), new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString()),
        settings.number('surveys.minCampaignsPerYear'),
      ]);
      return {
        total,
        yearly: { year, ...yearlyFrequency(started, required) },
        items: rows.map((r) => ({ row: r, responses: figures.get(r.id)?.responses ?? 0, index: figures.get(r.id)?.index ?? null })),
      };
    },

    viewCampaign,

    async createCampaign(ctx: RequestContext, input: CampaignInput) {
      if (input.endDate < input.startDate) throw errors.field('endDate', 'survey.period_reversed');
      const tpl = await checkTemplateUsable(db, input.templateId);
      const me = await q.userInfo(db, ctx.actor.id);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await q.insertCampaign(trx, {
          title: input.title,
          description: input.description ?? null,
          template_id: tpl.id,
          family_id: tpl.family_id!,
          filter: JSON.stringify(input.filter),
          start_date: input.startDate,
          end_date: input.endDate,
          owner_id: ctx.actor.id,
          team_id: me.team_id,
          department_id: me.department_id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'survey_campaign',
          entityId: newId,
          summary: input.title,
          changes: { title: [null, input.title], templateId: [null, tpl.id], filter: [null, input.filter], startDate: [null, input.startDate], endDate: [null, input.endDate] },
        });
        return newId;
      });
      return viewCampaign(ctx, id);
    },

    async updateCampaign(ctx: RequestContext, id: number, input: Partial<CampaignInput> & { version: number }) {
      const before = await loadCampaign(id);
      if (before.status !== 'draft') throw errors.conflict('survey.campaign_locked');
      const start = input.startDate ?? before.start_date;
      const end = input.endDate ?? before.end_date;
      if (end < start) throw errors.field('endDate', 'survey.period_reversed');
      const patch: Record<string, unknown> = {};
      const changes: Record<string, [unknown, unknown]> = {};
      if (input.templateId !== undefined && input.templateId !== before.template_id) {
        const tpl = await checkTemplateUsable(db, input.templateId);
        patch.template_id = tpl.id;
        patch.family_id = tpl.family_id;
        changes.templateId = [before.template_id, tpl.id];
      }
      const plain = { title: 'title', description: 'description', startDate: 'start_date', endDate: 'end_date' } as const;
      for (const [k, col] of Object.entries(plain)) {
        const v = input[k as keyof typeof plain];
        if (v !== undefined && v !== before[col]) {
          patch[col] = v;
          changes[k] = [before[col], v];
        }
      }
      if (input.filter !== undefined && JSON.stringify(input.filter) !== before.filter) {
        patch.filter = JSON.stringify(input.filter);
        changes.filter = [JSON.parse(before.filter), input.filter];
      }
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'survey_campaigns', id, input.version, patch, now());
        if (Object.keys(changes).length) await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'survey_campaign', entityId: id, changes });
      });
      return viewCampaign(ctx, id);
    },

    /** Starts the campaign: the customers its filter matches now become its targets, as they are now. */
    async startCampaign(ctx: RequestContext, id: number, version: number) {
      const before = await loadCampaign(id);
      if (before.status !== 'draft') throw errors.conflict('survey.campaign_locked');
      const tpl = await checkTemplateUsable(db, before.template_id);
      const found = await snapshotTargets(ctx, JSON.parse(before.filter) as CampaignFilter);
      if (found.length === 0) throw errors.field('filter', 'survey.no_targets');
      const t0 = now();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'survey_campaigns', id, version, { status: 'active', started_at: t0, started_by: ctx.actor.id, target_count: found.length, template_id: tpl.id }, t0);
        await q.insertTargets(
          trx,
          found.map((c) => ({
            campaign_id: id,
            customer_id: c.id,
            owner_id: c.owner_id,
            team_id: c.team_id,
            department_id: c.department_id,
            province: c.province,
            customer_status: c.status,
            created_at: t0,
          })),
        );
        await audit.record(trx, actorInfo(ctx), { action: 'start', entityType: 'survey_campaign', entityId: id, summary: before.title, changes: { status: ['draft', 'active'], targets: [0, found.length] } });
      });
      return viewCampaign(ctx, id);
    },

    async closeCampaign(ctx: RequestContext, id: number, version: number) {
      const before = await loadCampaign(id);
      if (before.status !== 'active') throw errors.conflict('survey.campaign_not_active');
      await db.transaction().execute(async (trx) => {
        const t0 = now();
        await updateVersioned(trx, 'survey_campaigns', id, version, { status: 'closed', closed_at: t0, closed_by: ctx.actor.id }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'close', entityType: 'survey_campaign', entityId: id, summary: before.title, changes: { status: ['active', 'closed'] } });
      });
      return viewCampaign(ctx, id);
    },

    // Targets, links, responses

    async targets(ctx: RequestContext, id: number, f: TargetListFilter, p: { page: number; pageSize: number }) {
      await loadCampaign(id);
      const { rows, total } = await q.targets(db, ctx.actor, id, f, p);
      const at = now();
      return { total, items: rows.map((r) => ({ row: r, link: linkState(r, at) })) };
    },

    /**
     * Personal links for targets in the caller's archive scope (all pending ones without a link when none
     * are named): 32 random bytes, base64url; only the sha256 is stored, so the link is shown this once.
     * Issuing again replaces a target's previous link.
     */
    async issueLinks(ctx: RequestContext, id: number, targetIds: number[] | undefined, baseUrl: string) {
      const c = await loadCampaign(id);
      if (c.status !== 'active') throw errors.conflict('survey.campaign_not_active');
      const ids = targetIds ? [...new Set(targetIds)] : await q.pendingTargetIdsWithoutLink(db, ctx.actor, id);
      const rows = await q.visibleTargets(db, ctx.actor, id, ids);
      const found = new Map(rows.map((r) => [r.id, r]));
      const problems: FieldError[] = [];
      ids.forEach((tid, i) => {
        const r = found.get(tid);
        if (!r) problems.push({ field: `targetIds.${i}`, message: 'survey.target_unknown' });
        else if (r.status !== 'pending') problems.push({ field: `targetIds.${i}`, message: 'survey.already_answered' });
      });
      if (problems.length) throw errors.validation(problems);
      const days = await settings.number('surveys.linkExpiryDays');
      const issuedAt = clock.now();
      const expiresAt = linkExpiry(issuedAt, days);
      const out: { targetId: number; customerName: string; archiveNo: string; url: string; path: string; expiresAt: string }[] = [];
      await db.transaction().execute(async (trx) => {
        for (const tid of ids) {
          const r = found.get(tid)!;
          const token = crypto.randomBytes(32).toString('base64url');
          await q.setLink(trx, tid, { hash: sha256(token), expiresAt, issuedAt: issuedAt.toISOString(), issuedBy: ctx.actor.id });
          const path = `/public/survey/${token}`;
          out.push({ targetId: tid, customerName: r.customer_name, archiveNo: r.archive_no, path, url: `${baseUrl}${path}`, expiresAt });
        }
        if (ids.length) {
          await audit.record(trx, actorInfo(ctx), { action: 'links.issue', entityType: 'survey_campaign', entityId: id, summary: String(ids.length), changes: { targetIds: [null, ids], expiresAt: [null, expiresAt] } });
        }
      });
      return out;
    },

    /** Answers a staff member took down from a phone call, fax, meeting … for a customer in their scope. */
    async respond(ctx: RequestContext, campaignId: number, targetId: number, input: { channel: StaffChannel; respondentName?: string | null; answeredAt?: string | null; answers: AnswerInput[] }) {
      const c = await loadCampaign(campaignId);
      const target = await q.target(db, ctx.actor, campaignId, targetId);
      if (!target) throw errors.notFound();
      if (c.status !== 'active') throw errors.conflict('survey.campaign_not_active');
      if (target.status !== 'pending') throw errors.conflict('survey.already_answered');
      const t0 = now();
      const answeredAt = input.answeredAt ? new Date(input.answeredAt).toISOString() : t0;
      if (answeredAt > t0) throw errors.field('answeredAt', 'survey.answered_in_future');
      const { answers, problems } = checkAnswers(parseDefinition(c.definition), input.answers);
      if (problems.length) throw errors.validation(problems);
      const responseId = await db.transaction().execute((trx) =>
        writeResponse(
          trx,
          target,
          c.template_id,
          { channel: input.channel, respondentName: input.respondentName ?? null, enteredBy: ctx.actor.id, answeredAt, answers },
          actorInfo(ctx),
          () => errors.conflict('survey.already_answered'),
        ),
      );
      const [row] = await q.responses(db, campaignId, ctx.actor, targetId);
      return { row: row!, answers, responseId };
    },

    /** The campaign's responses with their answers, for customers in the caller's scope. */
    async responses(ctx: RequestContext, campaignId: number, targetId?: number) {
      await loadCampaign(campaignId);
      const rows = await q.responses(db, campaignId, ctx.actor, targetId);
      const answers = await q.answers(db, rows.map((r) => r.id));
      const by = new Map<number, Answer[]>();
      for (const a of answers) {
        const list = by.get(a.response_id) ?? [];
        list.push(rowToAnswer(a));
        by.set(a.response_id, list);
      }
      return rows.map((row) => ({ row, answers: by.get(row.id) ?? [] }));
    },

    // The public answer page (no login)

    /** Per IP, shared by every process (rate_limits); the page and its submission count alike. */
    async throttle(ip: string | null) {
      const limit = await settings.number('surveys.publicRequestsPerIpPerMinute');
      if ((await rateLimiter.hit(`survey-public:${ip ?? 'unknown'}`, 60)) > limit) throw errors.rateLimited();
    },

    async publicView(token: string) {
      if (!TOKEN_RE.test(token)) throw new AppError('not_found', 'survey.link_invalid');
      const target = await q.targetByHash(db, sha256(token));
      if (!target) throw new AppError('not_found', 'survey.link_invalid');
      const problem = publicLinkProblem(target, { status: target.campaign_status }, now());
      if (problem) throw gone(problem);
      return {
        campaignTitle: target.campaign_title,
        customerName: target.customer_name,
        templateName: target.template_name,
        intro: target.intro,
        definition: parseDefinition(target.definition),
        endDate: target.end_date,
        expiresAt: target.link_expires_at,
      };
    },

    async publicRespond(token: string, input: { respondentName?: string | null; answers: AnswerInput[] }, who: { ip: string | null; requestId: string; lang: Lang }) {
      if (!TOKEN_RE.test(token)) throw new AppError('not_found', 'survey.link_invalid');
      const target = await q.targetByHash(db, sha256(token));
      if (!target) throw new AppError('not_found', 'survey.link_invalid');
      const problem = publicLinkProblem(target, { status: target.campaign_status }, now());
      if (problem) throw gone(problem);
      const { answers, problems } = checkAnswers(parseDefinition(target.definition), input.answers);
      if (problems.length) throw errors.validation(problems);
      await db.transaction().execute((trx) =>
        writeResponse(
          trx,
          target,
          target.template_id,
          { channel: 'link', respondentName: input.respondentName ?? null, enteredBy: null, answeredAt: now(), answers },
          { actorId: null, actorName: t(who.lang, 'survey.link_actor', { name: target.customer_name }), ip: who.ip, requestId: who.requestId },
          () => gone('used'),
        ),
      );
    },

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
export type SurveyService = ReturnType<typeof createSurveyService>;

/** For customers.merge.ts: a merged customer's targets, responses and scores follow the survivor. */
export const moveSurveyCustomer = (trx: Kysely<Database>, mergedId: number, survivorId: number) => q.moveCustomer(trx, mergedId, survivorId);

/** For the exports: the questions in order and the text of one answer as a cell shows it. */
export function answerCell(question: ReturnType<typeof questionsOf>[number], a: Answer | undefined): string | number | null {
  if (!a) return null;
  if (question.type === 'scale') {
    const level = SCALE_LEVELS.find((l) => l.score === a.score);
    return level ? `${level.label}（${level.score}）` : a.score;
  }
  if (question.type === 'text') return a.text;
  const chosen = (a.choices ?? []).join('、');
  return a.text ? `${chosen}（${a.text}）` : chosen;
}
