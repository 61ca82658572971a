import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditActorInfo, type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { RateLimiter } from '../../platform/auth/rate-limit';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import { hasCapability } from '../../platform/permissions/policy';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, DocumentTypeHandler } from '../approvals/approvals.types';
import type { CustomerService } from '../customers/customers.service';
import type { TaskService } from '../workflow/workflow.types';
import { surveyQueries as q } from './surveys.queries';
import { type Answer, type CampaignResults, type Definition, type ResponseFacts, type TargetFacts, campaignResults, cleanDefinition, definitionProblems, planEditable, responseIndex, round } from './surveys.rules';

export const DOCUMENT_TYPE = 'survey_improvement';
/** Most customers one campaign asks; a larger survey is split by region or owner. */
export const MAX_TARGETS = 20_000;
export const SNAPSHOT_PAGE = 1000;
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

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

export const campaignPath = (id: number) => `/surveys/campaigns/${id}`;
export const planPath = (id: number) => `/surveys/improvement-plans/${id}`;
export const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const parseDefinition = (json: string) => JSON.parse(json) as Definition;
export const questionCount = (def: Definition) => def.sections.reduce((n, s) => n + s.questions.length, 0);

/** 410 with a reason the public page turns into its own message (used, expired, closed). */
export function gone(reason: 'used' | 'expired' | 'closed') {
  return new AppError('conflict', `survey.link_${reason}`, [], {}, 410, { reason });
}

export function answerRows(responseId: number, answers: Answer[]) {
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


export interface SurveyDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: Pick<SettingsService, 'number'>;
  customers: Pick<CustomerService, 'list'>;
  approvals: Pick<ApprovalService, 'submit'>;
  tasks: TaskService;
  rateLimiter: RateLimiter;
}

/** The shared steps of the survey use cases: loading and viewing documents, snapshots, results, the approval handler. */
export function createSurveyCore(deps: SurveyDeps) {
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
    const ownerId = (JSON.parse(c.filter) as CampaignFilter).ownerId;
    const [figures, linkExpiryDays, owners] = await Promise.all([
      q.campaignFigures(db, [id]),
      settings.number('surveys.linkExpiryDays'),
      ownerId ? q.userNames(db, [ownerId]) : Promise.resolve(new Map<number, string>()),
    ]);
    const f = figures.get(id) ?? { responses: 0, index: null };
    const manages = hasCapability(ctx.actor, 'surveys.manage');
    return {
      campaign: c,
      definition: parseDefinition(c.definition),
      responses: f.responses,
      index: f.index,
      // The filter's responsible person by name, not by number (issue 16 part 3).
      filterOwnerName: ownerId ? (owners.get(ownerId) ?? null) : null,
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

  return { db, audit, clock, settings, customers, approvals, tasks, rateLimiter, now, today, loadTemplate, checkDefinition, viewTemplate, loadCampaign, viewCampaign, checkTemplateUsable, snapshotTargets, computeResults, writeResponse, loadPlan, viewPlan, checkItems, handler };
}
export type SurveyCore = ReturnType<typeof createSurveyCore>;
