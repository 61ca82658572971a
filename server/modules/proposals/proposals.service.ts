import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { shanghaiDate, type Clock } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, ChainStep, DocumentTypeHandler } from '../approvals/approvals.types';
import { type ProposalFilters, type ProposalRow, proposalQueries as q } from './proposals.queries';
import { averageTenths, canEdit, canScore, CRITERIA, reviewTotalTenths, tenthsText, type ProposalSource, type ProposalStatus, type Scores, type Weights } from './proposals.rules';

export const PROPOSAL_TYPE = 'proposal';
/** History and queue texts are stored once, in the interface's default language (like the audit log). */
const LANG = 'zh-CN' as const;
const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** Until an administrator saves another chain: a manager, then the director (docs/regulations.md §14, §18). */
export const PROPOSAL_CHAIN: ChainStep[] = [
  { key: 'manager', name: L('经理审核', '經理審核', 'Manager review'), approver: { kind: 'role', role: 'manager', within: 'company' } },
  { key: 'director', name: L('总监审批', '總監審批', 'Director approval'), approver: { kind: 'role', role: 'director', within: 'company' } },
];

export interface ProposalInput {
  title: string;
  proposedOn: string;
  source: ProposalSource;
  proposerId?: number | null;
  customerId?: number | null;
  contactName?: string | null;
  problem: string;
  proposal: string;
  expectedBenefit: string;
  patent: boolean;
  patentNote?: string | null;
}

/**
 * Proposals 提案 (docs/regulations.md §14): 客户提案表 → 提案评定表 by one or more reviewers → approval by the
 * company's chain → implementation by a department → 提案成果报告表 → reward.
 */
export function createProposalService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; settings: SettingsService; approvals: ApprovalService }) {
  const { db, audit, clock, settings, approvals } = deps;
  const now = () => clock.now().toISOString();

  async function get(id: number, conn: Kysely<Database> = db): Promise<ProposalRow> {
    const r = await q.get(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }
  const wrongStatus = () => errors.conflict('proposal.wrong_status', 'status');
  function must(r: ProposalRow, ok: (s: ProposalStatus) => boolean) {
    if (!ok(r.status as ProposalStatus)) throw wrongStatus();
  }

  async function view(id: number, conn: Kysely<Database> = db) {
    const proposal = await get(id, conn);
    const reviews = await q.reviews(conn, id);
    const dept = proposal.impl_department_id ? await q.department(conn, proposal.impl_department_id) : undefined;
    return { proposal, reviews, implDepartmentName: dept?.name ?? null };
  }

  /** Whose scope the proposal is in: the customer's when it comes from one, else its proposer's (docs/regulations.md §1). */
  async function placement(ctx: RequestContext, input: Pick<ProposalInput, 'source' | 'customerId' | 'proposerId'>, conn: Kysely<Database>) {
    if (input.source === 'customer') {
      if (!input.customerId) throw errors.field('customerId', 'proposal.customer_required');
      const c = await q.customerVisible(conn, ctx.actor, input.customerId);
      if (!c) throw errors.field('customerId', 'proposal.customer_not_found');
      return { customer_id: c.id, proposer_id: null, owner_id: c.owner_id, team_id: c.team_id, department_id: c.department_id };
    }
    const proposerId = input.proposerId ?? ctx.actor.id;
    const u = await q.user(conn, proposerId);
    if (!u) throw errors.field('proposerId', 'proposal.user_not_found');
    return { customer_id: null, proposer_id: u.id, owner_id: u.id, team_id: u.team_id, department_id: u.department_id };
  }

  function fields(input: ProposalInput) {
    return {
      title: input.title,
      proposed_on: input.proposedOn,
      source: input.source,
      contact_name: input.source === 'customer' ? (input.contactName ?? null) : null,
      problem: input.problem,
      proposal: input.proposal,
      expected_benefit: input.expectedBenefit,
      patent: input.patent ? 1 : 0,
      patent_note: input.patentNote ?? null,
    };
  }

  async function change(ctx: RequestContext, id: number, from: (s: ProposalStatus) => boolean, patch: Parameters<typeof q.update>[2], version: number | undefined, summary?: string) {
    return db.transaction().execute(async (trx) => {
      const r = await get(id, trx);
      must(r, from);
      if (!(await q.update(trx, id, patch, now(), version))) throw errors.staleVersion();
      await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'proposal', entityId: id, summary, changes: patch.status ? { status: [r.status, patch.status] } : {} });
      return view(id, trx);
    });
  }

  const handler: DocumentTypeHandler = {
    type: PROPOSAL_TYPE,
    label: L('提案审批', '提案審批', 'Proposal approval'),
    defaultChain: PROPOSAL_CHAIN,
    async load(trx, id) {
      const r = await q.get(trx, id);
      if (!r || r.applicant_id === null) return undefined;
      const score = r.score_tenths === null ? 0 : r.score_tenths / 10;
      return {
        applicantId: r.applicant_id,
        departmentId: r.department_id,
        teamId: r.team_id,
        title: t(LANG, 'proposal.approval_title', { title: r.title, score: tenthsText(r.score_tenths) ?? '—' }),
        // A company may add a level only above a score or for a patent: conditions test these.
        fields: { score, patent: r.patent === 1, source: r.source },
        link: `/proposals/${id}`,
      };
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const r = await get(id, trx);
      const next: ProposalStatus = outcome === 'pending' ? 'under_review' : outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : 'submitted';
      await q.update(trx, id, { status: next }, now());
      await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'proposal', entityId: id, changes: { status: [r.status, next] } });
    },
    canView: (trx, actor, id) => q.visible(trx, actor, id),
  };

  return {
    handler,
    view,
    list: (ctx: RequestContext, f: ProposalFilters, p: { page: number; pageSize: number }) => q.list(db, ctx.actor, f, p),
    reviewCounts: (ids: number[]) => q.reviewCounts(db, ids),
    weights: () => settings.value<Weights>('proposals.weights'),

    async create(ctx: RequestContext, input: ProposalInput) {
      const id = await db.transaction().execute(async (trx) => {
        const place = await placement(ctx, input, trx);
        const t0 = now();
        const id = await q.insert(trx, { ...fields(input), ...place, created_by: ctx.actor.id, created_at: t0, updated_at: t0 });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'proposal', entityId: id, summary: input.title });
        return id;
      });
      return view(id);
    },

    /** Only a draft is edited; the customer or proposer may change, and the scope with them. */
    async update(ctx: RequestContext, id: number, input: ProposalInput & { version: number }) {
      return db.transaction().execute(async (trx) => {
        const r = await get(id, trx);
        must(r, canEdit);
        const place = await placement(ctx, input, trx);
        if (!(await q.update(trx, id, { ...fields(input), ...place }, now(), input.version))) throw errors.staleVersion();
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'proposal', entityId: id, summary: input.title });
        return view(id, trx);
      });
    },

    /** The proposal goes to its reviewers (提案评定). */
    submit: (ctx: RequestContext, id: number, version: number) => change(ctx, id, canEdit, { status: 'submitted' }, version),

    /**
     * One 提案评定表 per reviewer: Σ score × weight with the weights in force, and the proposal's score becomes the
     * average over its reviewers (docs/regulations.md §14). The proposer cannot score their own proposal (403).
     */
    async score(ctx: RequestContext, id: number, input: { scores: Scores; comment?: string | null }) {
      const weights = await settings.value<Weights>('proposals.weights');
      return db.transaction().execute(async (trx) => {
        const r = await get(id, trx);
        if (r.proposer_id === ctx.actor.id) throw errors.forbidden('proposal.own_proposal');
        must(r, canScore);
        if (await q.hasReview(trx, id, ctx.actor.id)) throw errors.conflict('proposal.already_scored', 'scores');
        const total = reviewTotalTenths(input.scores, weights);
        await q.insertReview(trx, {
          proposal_id: id,
          reviewer_id: ctx.actor.id,
          scores: JSON.stringify(Object.fromEntries(CRITERIA.map((c) => [c, input.scores[c]]))),
          weights: JSON.stringify(weights),
          total_tenths: total,
          comment: input.comment ?? null,
          created_at: now(),
        });
        const avg = averageTenths((await q.reviews(trx, id)).map((x) => x.total_tenths));
        await q.update(trx, id, { score_tenths: avg }, now());
        await audit.record(trx, actorInfo(ctx), { action: 'review', entityType: 'proposal', entityId: id, summary: tenthsText(total) ?? undefined, changes: { score: [tenthsText(r.score_tenths), tenthsText(avg)] } });
        return view(id, trx);
      });
    },

    /** After at least one assessment, to the approval levels the company set (the sender is the applicant). */
    async sendForApproval(ctx: RequestContext, id: number, comment?: string | null) {
      await db.transaction().execute(async (trx) => {
        const r = await get(id, trx);
        must(r, canScore);
        if (r.score_tenths === null) throw errors.field('reviews', 'proposal.not_scored');
        await q.update(trx, id, { applicant_id: ctx.actor.id }, now());
        await approvals.submit(trx, ctx, PROPOSAL_TYPE, id, comment ?? null);
      });
      return view(id);
    },

    /** An approved proposal is handed to a department with a date to implement it by. */
    async implement(ctx: RequestContext, id: number, input: { departmentId: number; due: string; version: number }) {
      if (!(await q.department(db, input.departmentId))) throw errors.field('departmentId', 'proposal.department_not_found');
      return change(ctx, id, (s) => s === 'approved', { status: 'implementing', impl_department_id: input.departmentId, impl_due: input.due }, input.version);
    },

    /** 提案成果报告表: what moved the change, before and after, how, the benefit, the conclusion. */
    report: (ctx: RequestContext, id: number, input: { doneOn: string; motivation: string; before: string; after: string; method: string; benefit: string; conclusion: string; version: number }) =>
      change(
        ctx,
        id,
        (s) => s === 'implementing',
        {
          status: 'implemented',
          impl_done_on: input.doneOn,
          report_motivation: input.motivation,
          report_before: input.before,
          report_after: input.after,
          report_method: input.method,
          report_benefit: input.benefit,
          report_conclusion: input.conclusion,
        },
        input.version,
      ),

    /** The reward: amount in fen, its form, who decided it. */
    async reward(ctx: RequestContext, id: number, input: { amountCents: number; form: string; decidedBy: number; on?: string | null; version: number }) {
      if (!(await q.user(db, input.decidedBy))) throw errors.field('decidedBy', 'proposal.user_not_found');
      return change(
        ctx,
        id,
        (s) => s === 'implemented',
        { status: 'rewarded', reward_cents: input.amountCents, reward_form: input.form, reward_decided_by: input.decidedBy, rewarded_on: input.on ?? shanghaiDate(clock.now()) },
        input.version,
      );
    },

    moveCustomer: (trx: Kysely<Database>, fromId: number, toId: number) => q.moveCustomer(trx, fromId, toId),
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;
export type ProposalView = Awaited<ReturnType<ProposalService['view']>>;
