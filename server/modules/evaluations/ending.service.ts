import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import type { Clock } from '../../platform/time';
import type { ApprovalOutcome, ApprovalService, ChainStep, DocumentTypeHandler } from '../approvals/approvals.types';
import type { CreditService } from '../credit/credit.service';
import { ENDED_STATUS, type CustomerService } from '../customers/customers.service';
import { type EndingRow, endingQueries as q } from './ending.queries';
import { evaluationQueries } from './evaluations.queries';
import { totalPoints } from './evaluations.rules';

export const END_COOPERATION_TYPE = 'end_cooperation';
/** History texts are stored once, in the interface's default language (like the audit log). */
const LANG = 'zh-CN' as const;
const L = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/**
 * Until an administrator saves another chain: the supervisor of the customer's team, then a manager
 * (docs/regulations.md §4, §18: the supervisor grades, ending a relationship is the manager's decision).
 */
export const END_COOPERATION_CHAIN: ChainStep[] = [
  { key: 'supervisor', name: L('主管审核', '主管審核', 'Supervisor review'), approver: { kind: 'supervisor' } },
  { key: 'manager', name: L('经理审批', '經理審批', 'Manager approval'), approver: { kind: 'role', role: 'manager', within: 'company' } },
];

/**
 * The approval to end cooperation 终止合作 (docs/regulations.md §4, §5). The relationship evaluation owns the
 * decision: 终止关系 is one of its three recommendations, and a high risk's response "end the cooperation" is
 * one more reason to take it. When the approval engine grants it, the archive's service ends the customer's
 * cooperation with a history entry naming the evaluation or risk and the approvers; a rejection changes nothing.
 */
export function createEndingService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  approvals: ApprovalService;
  customers: Pick<CustomerService, 'endCooperation'>;
  credit: Pick<CreditService, 'getRisk'>;
}) {
  const { db, audit, clock, approvals, customers, credit } = deps;
  const now = () => clock.now().toISOString();

  async function get(id: number, conn: Kysely<Database> = db): Promise<EndingRow> {
    const r = await q.get(conn, id);
    if (!r) throw errors.notFound();
    return r;
  }

  /** "客户关系评估 #12（2026-12-01，总分 50，终止关系）" or "风险 #3「大额应收账款逾期」（高）": what the history names. */
  async function sourceText(trx: Kysely<Database>, r: EndingRow) {
    if (r.evaluation_id !== null) {
      const e = await evaluationQueries.get(trx, r.evaluation_id);
      if (!e) return `#${r.evaluation_id}`;
      return t(LANG, 'evaluation.end.source_evaluation', { id: e.id, date: e.evaluated_on, total: totalPoints(e.total_hundredths), recommendation: t(LANG, `evaluation.recommendation.${e.recommendation}`) });
    }
    const risk = await credit.getRisk(r.risk_id!, trx);
    return t(LANG, 'evaluation.end.source_risk', { id: risk.id, title: risk.title, level: t(LANG, `evaluation.end.level.${risk.level}`) });
  }

  const handler: DocumentTypeHandler = {
    type: END_COOPERATION_TYPE,
    label: L('终止合作申请', '終止合作申請', 'Request to end cooperation'),
    defaultChain: END_COOPERATION_CHAIN,
    async load(trx, id) {
      const r = await q.get(trx, id);
      if (!r) return undefined;
      return {
        applicantId: r.applicant_id,
        departmentId: r.department_id,
        teamId: r.team_id,
        title: t(LANG, 'evaluation.end.title', { customer: r.customer_name }),
        fields: { source: r.evaluation_id !== null ? 'evaluation' : 'risk' },
        link: r.evaluation_id !== null ? `/evaluations/${r.evaluation_id}` : `/credit/risks/${r.risk_id}`,
      };
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const r = await get(id, trx);
      const t0 = now();
      const decided = outcome === 'approved' || outcome === 'rejected';
      await q.setStatus(trx, id, { status: outcome, decided_at: decided ? t0 : null }, t0);
      await audit.record(trx, actorInfo(ctx), { action: 'status', entityType: 'end_cooperation', entityId: id, changes: { status: [r.status, outcome] } });
      if (outcome !== 'approved') return;
      const approvers = await approvals.approversOf(trx, END_COOPERATION_TYPE, id);
      const summary = t(LANG, 'evaluation.end.history', { source: await sourceText(trx, r), approvers: approvers.join('、'), reason: r.reason });
      await customers.endCooperation(trx, ctx, r.customer_id, summary);
    },
    canView: (trx, actor, id) => q.visible(trx, actor, id),
  };

  /** Starts the request (or, after a return or withdrawal, resubmits it) with the customer's placement copied. */
  async function request(ctx: RequestContext, source: { evaluationId?: number; riskId?: number }, customerId: number, reason: string) {
    const id = await db.transaction().execute(async (trx) => {
      const open = await q.open(trx, customerId);
      const latest = await q.latestFor(trx, source);
      const again = latest && (latest.status === 'returned' || latest.status === 'withdrawn') ? latest : null;
      if (open && open.id !== again?.id) throw errors.conflict('evaluation.end_pending');
      if (latest?.status === 'approved' || (await q.customerStatus(trx, customerId)) === ENDED_STATUS) throw errors.conflict('evaluation.end_already');
      let id: number;
      if (again) {
        id = again.id;
        await q.setStatus(trx, id, { status: again.status, reason }, now());
      } else {
        const c = await evaluationQueries.customer(trx, customerId);
        if (!c) throw errors.notFound();
        const t0 = now();
        id = await q.insert(trx, {
          customer_id: customerId,
          evaluation_id: source.evaluationId ?? null,
          risk_id: source.riskId ?? null,
          reason,
          applicant_id: ctx.actor.id,
          owner_id: c.owner_id,
          team_id: c.team_id,
          department_id: c.department_id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'end_cooperation', entityId: id, summary: reason, changes: { customerId: [null, customerId], ...(source.evaluationId ? { evaluationId: [null, source.evaluationId] } : { riskId: [null, source.riskId] }) } });
      }
      await approvals.submit(trx, ctx, END_COOPERATION_TYPE, id, reason);
      return id;
    });
    return get(id);
  }

  return {
    handler,
    get,

    /** Only an evaluation recommending 终止关系 may start it (else 422 naming `recommendation`). */
    async fromEvaluation(ctx: RequestContext, evaluationId: number, reason: string) {
      const e = await evaluationQueries.get(db, evaluationId);
      if (!e) throw errors.notFound();
      if (e.recommendation !== 'terminate') throw errors.field('recommendation', 'evaluation.end_not_recommended');
      return request(ctx, { evaluationId }, e.customer_id, reason);
    },

    /** Only an open high risk may start it: ending the cooperation is the response of that level (else 422 naming `level`). */
    async fromRisk(ctx: RequestContext, riskId: number, reason: string) {
      const r = await credit.getRisk(riskId);
      if (r.status !== 'open' || r.level !== 'high') throw errors.field('level', 'evaluation.end_risk_not_high');
      return request(ctx, { riskId }, r.customer_id, reason);
    },

    latestFor: (source: { evaluationId?: number; riskId?: number }) => q.latestFor(db, source),
  };
}
export type EndingService = ReturnType<typeof createEndingService>;
