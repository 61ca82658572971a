import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type FieldError, errors } from '../../platform/http/errors';
import { type Lang, t } from '../../platform/http/i18n';
import type { Leases } from '../../platform/jobs/leases';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { CustomerService } from '../customers/customers.service';
import type { EvaluationService } from '../evaluations/evaluations.service';
import type { TransactionService } from '../transactions/transactions.service';
import { type BoardFilters, gradingQueries as q } from './grading.queries';
import { type GradingInput, type GradingStandard, type StandardRow, overrideNeedsReason, proposalReason, proposeGrade } from './grading.rules';

/** The nightly proposal starts at 03:00 Shanghai time, after the nightly classification (02:00), once a day across processes. */
export const NIGHTLY_JOB = 'grading.proposals';
const NIGHTLY_HOUR = 3;
const NIGHTLY_LEASE_MS = 30 * 60_000;
const BATCH = 500;
const shanghaiHour = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCHours();

export interface GradingDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  customers: Pick<CustomerService, 'setGrades'>;
  transactions: Pick<TransactionService, 'classesOf'>;
  evaluations: Pick<EvaluationService, 'latestScores'>;
}

export interface ConfirmItem {
  customerId: number;
  /** Another grade than the proposal: needs a reason. */
  grade?: string;
  reason?: string;
}

export function createGradingService(deps: GradingDeps) {
  const { db, clock, settings, customers, transactions, evaluations } = deps;

  async function standard(conn: Kysely<Database>): Promise<GradingStandard & { grades: { code: string; label: string }[] }> {
    const v = await settings.values(conn);
    return { rows: v['grading.standard'] as StandardRow[], defaultGrade: String(v['grading.defaultGrade']), grades: v['archive.grades'] as { code: string; label: string }[] };
  }

  function reasonText(lang: Lang, s: GradingStandard, grade: string, rowNo: number | null, x: GradingInput) {
    return proposalReason(s, { grade, rowNo }, x, {
      amount: (c) => t(lang, `grading.amount.${c}`),
      industry: (c) => t(lang, 'grading.industry', { class: c }),
      cooperation: (c) => t(lang, `grading.cooperation.${c}`),
      score: (score, min) => t(lang, 'grading.score', { score, min }),
      row: (no, conditions, g) => t(lang, 'grading.reason.row', { no, conditions, grade: g }),
      any: (no, g) => t(lang, 'grading.reason.any', { no, grade: g }),
      fallback: (g) => t(lang, 'grading.reason.default', { grade: g }),
      separator: t(lang, 'grading.separator'),
    });
  }

  /**
   * Proposes a grade for these customers from their classes and latest confirmed evaluation by the
   * standard in the settings (docs/regulations.md §3); returns how many proposals changed.
   */
  async function propose(trx: Kysely<Database>, ids: number[]): Promise<number> {
    if (!ids.length) return 0;
    const s = await standard(trx);
    const classes = await transactions.classesOf(trx, ids);
    const scores = await evaluations.latestScores(trx, ids);
    const before = new Map((await q.proposalsOf(trx, ids)).map((r) => [r.customer_id, r]));
    const now = clock.now().toISOString();
    let changed = 0;
    for (const id of ids) {
      const c = classes.get(id);
      const score = scores.get(id)?.score ?? null;
      const x: GradingInput = { amountClass: c?.amountClass ?? null, industryClass: c?.industryClass ?? null, cooperationClass: c?.cooperationClass ?? null, score };
      const p = proposeGrade(s, x);
      const row = {
        proposed_grade: p.grade,
        row_no: p.rowNo,
        amount_class: x.amountClass,
        industry_class: x.industryClass,
        cooperation_class: x.cooperationClass,
        score_hundredths: score === null ? null : Math.round(score * 100),
        reason: reasonText('zh-CN', s, p.grade, p.rowNo, x),
      };
      const old = before.get(id);
      if (old && (Object.keys(row) as (keyof typeof row)[]).every((k) => old[k] === row[k] || (k === 'score_hundredths' && Number(old[k]) === row[k]))) continue;
      await q.upsertProposal(trx, { customer_id: id, ...row, proposed_at: now, decided_at: null });
      changed++;
    }
    return changed;
  }

  /** Over all customers (actor null) or those of the actor's scope, each batch in its own transaction. */
  async function proposeAll(ctx: RequestContext | null): Promise<number> {
    let changed = 0;
    let after = 0;
    for (;;) {
      const ids = await q.idsInScopeAfter(db, ctx?.actor ?? null, after, BATCH);
      if (!ids.length) return changed;
      changed += await db.transaction().execute((trx) => propose(trx, ids));
      after = ids[ids.length - 1];
    }
  }

  const scoreOf = (h: number | null) => (h === null ? null : Number(h) / 100);

  return {
    propose,

    /** On demand: the given customers (each must be in the caller's scope, else 404) or all of the caller's scope. */
    async proposeNow(ctx: RequestContext, customerIds?: number[]) {
      if (!customerIds?.length) return proposeAll(ctx);
      const ids = [...new Set(customerIds)];
      if ((await q.visible(db, ctx.actor, ids)).length !== ids.length) throw errors.notFound();
      return db.transaction().execute((trx) => propose(trx, ids));
    },

    /**
     * The nightly run: after 03:00 Shanghai time, if no process has run it today, the one that takes the
     * lease proposes for every customer. Null when this process did not run it.
     */
    async runNightly(leases: Pick<Leases, 'acquire'>): Promise<number | null> {
      const now = clock.now();
      if (shanghaiHour(now) < NIGHTLY_HOUR) return null;
      const last = await q.lastRunAt(db, NIGHTLY_JOB);
      if (last && shanghaiDate(new Date(last)) === shanghaiDate(now) && shanghaiHour(new Date(last)) >= NIGHTLY_HOUR) return null;
      if (!(await leases.acquire(NIGHTLY_JOB, NIGHTLY_LEASE_MS))) return null;
      return proposeAll(null);
    },

    async board(ctx: RequestContext, f: BoardFilters, p: { page: number; pageSize: number }) {
      const { rows, total } = await q.board(db, ctx.actor, f, p);
      return {
        total,
        rows: rows.map((r) => ({
          customerId: r.customer_id,
          name: r.name,
          archiveNo: r.archive_no,
          ownerName: r.owner_name ?? null,
          teamName: r.team_name ?? null,
          currentGrade: r.grade,
          proposedGrade: r.proposed_grade,
          amountClass: r.amount_class,
          industryClass: r.industry_class,
          cooperationClass: r.cooperation_class,
          evaluationScore: scoreOf(r.score_hundredths),
          reason: r.reason,
          proposedAt: r.proposed_at,
        })),
      };
    },

    /**
     * The supervisor confirms, one or many (docs/regulations.md §3): the proposed grade, or another with a
     * reason. The archive sets the grade and writes the customer's history; the grade history keeps who,
     * when, old → new, the proposal and why. A customer outside the caller's scope: 404, nothing changes.
     */
    async confirm(ctx: RequestContext, items: ConfirmItem[]) {
      const ids = [...new Set(items.map((i) => i.customerId))];
      if (ids.length !== items.length) throw errors.field('items', 'grading.duplicate_customer');
      const visible = new Map((await q.visible(db, ctx.actor, ids)).map((r) => [r.id, r.grade]));
      if (visible.size !== ids.length) throw errors.notFound();
      const s = await standard(db);
      const codes = s.grades.map((g) => g.code);
      const proposals = new Map((await q.proposalsOf(db, ids)).map((r) => [r.customer_id, r]));
      const problems: FieldError[] = [];
      const plan = items.map((it, i) => {
        const proposal = proposals.get(it.customerId);
        const grade = it.grade ?? proposal?.proposed_grade;
        if (!grade) problems.push({ field: `items.${i}.grade`, message: 'grading.no_proposal' });
        else if (!codes.includes(grade)) problems.push({ field: `items.${i}.grade`, message: 'grading.unknown_grade' });
        else if (overrideNeedsReason(proposal?.proposed_grade ?? null, grade, it.reason)) problems.push({ field: `items.${i}.reason`, message: 'grading.override_reason' });
        const reason = it.reason?.trim() || (proposal ? proposal.reason : '');
        return { ...it, grade: grade ?? '', proposed: proposal?.proposed_grade ?? null, reason };
      });
      if (problems.length) throw errors.validation(problems);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const changed = await customers.setGrades(
          trx,
          ctx,
          plan.map((p) => ({ customerId: p.customerId, grade: p.grade, reason: t('zh-CN', 'grading.history', { reason: p.reason }) })),
        );
        // Decided: off the board until a different proposal comes.
        await q.markDecided(trx, plan.filter((p) => p.proposed !== null).map((p) => p.customerId), now);
        for (const p of plan) {
          if (!changed.has(p.customerId)) continue;
          await q.insertChange(trx, {
            customer_id: p.customerId,
            old_grade: changed.get(p.customerId) ?? null,
            new_grade: p.grade,
            proposed_grade: p.proposed,
            overridden: p.proposed === p.grade ? 0 : 1,
            reason: p.reason,
            actor_id: ctx.actor.id,
            at: now,
          });
        }
        return changed.size;
      });
    },

    /** The customer's value panel: the current grade, the proposal and the history (the route checks the scope). */
    async customerGrade(customerId: number) {
      const current = (await q.currentGrade(db, customerId))?.grade ?? null;
      const [proposal] = await q.proposalsOf(db, [customerId]);
      const changes = await q.changes(db, customerId);
      return {
        current,
        proposal: proposal
          ? { grade: proposal.proposed_grade, reason: proposal.reason, amountClass: proposal.amount_class, industryClass: proposal.industry_class, cooperationClass: proposal.cooperation_class, evaluationScore: scoreOf(proposal.score_hundredths), proposedAt: proposal.proposed_at }
          : null,
        history: changes.map((c) => ({ at: c.at, oldGrade: c.old_grade, newGrade: c.new_grade, proposedGrade: c.proposed_grade, overridden: c.overridden === 1, reason: c.reason, actorName: c.actor_name ?? null })),
      };
    },
  };
}
export type GradingService = ReturnType<typeof createGradingService>;
