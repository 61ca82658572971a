import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo, type AuditService } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import { shanghaiDate, type Clock } from '../../platform/time';
import type { ComplaintService } from '../complaints/complaints.service';
import { callQueries, qaQueries, type CallRow } from './callcentre.queries';
import { percent, recordComplete, sampleCalls, weightedTotal, type QaItem } from './callcentre.rules';

/** The Shanghai month as an instant range [from, to). */
export function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number);
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: from.toISOString(), to: new Date(`${next}-01T00:00:00+08:00`).toISOString() };
}

/**
 * QA 质检 (docs/regulations.md §1): the scoring template with weights, a sample of each agent's calls per month,
 * scores, the agent's dispute and its answer, the monthly report with the service targets and their actuals.
 */
export function createQaService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; settings: SettingsService; complaints: Pick<ComplaintService, 'get'> }) {
  const { db, audit, clock, settings, complaints } = deps;
  const template = () => settings.value<QaItem[]>('callcentre.qaTemplate');

  async function get(id: number) {
    const s = await qaQueries.get(db, id);
    if (!s) throw errors.notFound();
    return s;
  }

  /** Every item of the template scored, nothing else; the snapshot keeps the weights used. */
  function scored(tpl: QaItem[], scores: Record<string, number>) {
    const missing = tpl.filter((i) => scores[i.key] === undefined).map((i) => ({ field: `scores.${i.key}`, message: 'callcentre.score_item_missing' }));
    const unknown = Object.keys(scores).filter((k) => !tpl.some((i) => i.key === k)).map((k) => ({ field: `scores.${k}`, message: 'error.validation' }));
    if (missing.length || unknown.length) throw errors.validation([...missing, ...unknown]);
    return { items: tpl.map((i) => ({ ...i, score: scores[i.key] })), total: weightedTotal(tpl, scores) };
  }

  return {
    get,
    template,
    list: (ctx: RequestContext, month?: string, agentId?: number) => qaQueries.list(db, ctx.actor, month, agentId),

    /** Per agent in scope, the month's sample: a fixed pick of the calls (the same every time), marked when scored. */
    async sample(ctx: RequestContext, month: string) {
      const n = await settings.number('callcentre.qaSamplePerAgent');
      const { from, to } = monthRange(month);
      const byAgent = new Map<number, CallRow[]>();
      for (const c of await callQueries.inPeriod(db, ctx.actor, from, to)) byAgent.set(c.agent_id, [...(byAgent.get(c.agent_id) ?? []), c]);
      return [...byAgent].map(([agentId, calls]) => ({ agentId, agentName: calls[0].agent_name, calls: calls.length, sample: sampleCalls(calls, n, month) }));
    },

    async score(ctx: RequestContext, callId: number, input: { scores: Record<string, number>; comment?: string | null }) {
      const call = await callQueries.get(db, callId);
      if (!call) throw errors.notFound();
      if (call.qa_id != null) throw errors.conflict('callcentre.already_scored', 'callId');
      const { items, total } = scored(await template(), input.scores);
      const t0 = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await qaQueries.insert(trx, {
          call_id: callId,
          agent_id: call.agent_id,
          team_id: call.team_id,
          department_id: call.department_id,
          month: shanghaiDate(new Date(call.started_at)).slice(0, 7),
          scorer_id: ctx.actor.id,
          items: JSON.stringify(items),
          total,
          comment: input.comment ?? null,
          dispute_reason: null,
          dispute_reply: null,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'callcentre_qa', entityId: id, summary: `${callId}: ${total}`, changes: { total: [null, total] } });
        return id;
      });
      return get(id);
    },

    /** The scored agent disputes the score once, with a reason. */
    async dispute(ctx: RequestContext, id: number, reason: string) {
      const s = await get(id);
      if (s.agent_id !== ctx.actor.id) throw errors.forbidden('callcentre.not_your_score');
      if (s.dispute_status !== 'none') throw errors.conflict('callcentre.dispute_exists', 'disputeStatus');
      const t0 = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'callcentre_qa_scores', id, s.version, { dispute_reason: reason, dispute_status: 'open' }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'dispute', entityType: 'callcentre_qa', entityId: id, summary: reason, changes: { disputeStatus: ['none', 'open'] } });
      });
      return get(id);
    },

    /** QA answers a dispute; an upheld one may re-score the call (the total follows the same weights). */
    async resolve(ctx: RequestContext, id: number, input: { upheld: boolean; reply: string; scores?: Record<string, number> }) {
      const s = await get(id);
      if (s.dispute_status !== 'open') throw errors.conflict('callcentre.dispute_not_open', 'disputeStatus');
      const patch: Record<string, unknown> = { dispute_status: input.upheld ? 'upheld' : 'rejected', dispute_reply: input.reply };
      const changes: Record<string, [unknown, unknown]> = { disputeStatus: ['open', patch.dispute_status] };
      if (input.upheld && input.scores) {
        const tpl = (JSON.parse(s.items) as QaItem[]).map(({ key, label, weight }) => ({ key, label, weight }));
        const r = scored(tpl, input.scores);
        patch.items = JSON.stringify(r.items);
        patch.total = r.total;
        changes.total = [s.total, r.total];
      }
      const t0 = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'callcentre_qa_scores', id, s.version, patch, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'resolve_dispute', entityType: 'callcentre_qa', entityId: id, summary: input.reply, changes });
      });
      return get(id);
    },

    /** 月度质检报告: per agent calls, complete records, QA average and disputes; the service targets against their actuals. */
    async report(ctx: RequestContext, month: string) {
      const { from, to } = monthRange(month);
      const calls = await callQueries.inPeriod(db, ctx.actor, from, to);
      const scores = await qaQueries.list(db, ctx.actor, month, undefined);
      const agents = new Map<number, { agentId: number; agentName: string | null; calls: number; complete: number; scored: number; sum: number; disputes: number; upheld: number }>();
      const row = (id: number, name: string | null) => {
        const r = agents.get(id) ?? { agentId: id, agentName: name, calls: 0, complete: 0, scored: 0, sum: 0, disputes: 0, upheld: 0 };
        agents.set(id, r);
        return r;
      };
      for (const c of calls) {
        const r = row(c.agent_id, c.agent_name);
        r.calls++;
        if (recordComplete(c)) r.complete++;
      }
      for (const s of scores) {
        const r = row(s.agent_id, s.agent_name);
        r.scored++;
        r.sum += s.total;
        if (s.dispute_status !== 'none') r.disputes++;
        if (s.dispute_status === 'upheld') r.upheld++;
      }
      // A complaint from a call is in time when closed by its resolution date; one still open counts once overdue.
      const today = shanghaiDate(clock.now());
      let inTime = 0;
      let judged = 0;
      for (const c of calls) {
        if (c.complaint_id == null) continue;
        const k = await complaints.get(c.complaint_id).catch(() => null);
        if (!k) continue;
        if (k.closed_at) {
          judged++;
          if (shanghaiDate(new Date(k.closed_at)) <= k.resolution_due) inTime++;
        } else if (k.resolution_due < today) judged++;
      }
      const complete = calls.filter(recordComplete).length;
      return {
        month,
        agents: [...agents.values()].map(({ sum, ...r }) => ({ ...r, completePct: percent(r.complete, r.calls), average: r.scored ? Math.round((sum / r.scored) * 10) / 10 : null })),
        targets: {
          recordsComplete: { target: await settings.number('callcentre.targetRecordsComplete'), actual: percent(complete, calls.length), count: complete, of: calls.length },
          complaintsInTime: { target: await settings.number('callcentre.targetComplaintsInTime'), actual: percent(inTime, judged), count: inTime, of: judged },
        },
      };
    },
  };
}
export type QaService = ReturnType<typeof createQaService>;
