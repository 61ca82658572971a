import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { ApprovalRequestTable } from './approvals.tables';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { t, type Lang } from '../../platform/http/i18n';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import type { Clock } from '../../platform/time';
import type { NotificationService, TodoItem, TodoProvider } from '../workflow/workflow.types';
import { createApprovalAdministration } from './approvals.admin';
import { approvalQueries as q } from './approvals.queries';
import { DEFAULT_CHAINS, DOCUMENT_LABELS, allowedActions, earlierSteps, firstStep, freezeSteps, nextStep, refusal, stepComplete, submissionKind, type FrozenStep, type Refusal } from './approvals.rules';
import type { ApprovalAction, ApprovalOutcome, ApprovalRequestView, ApprovalService, ApproverSpec, ChainStep, DocumentTypeHandler } from './approvals.types';


type Db = Kysely<Database>;
type Row = Selectable<ApprovalRequestTable>;
type Who = Pick<Row, 'applicant_id' | 'department_id' | 'team_id'>;
type Resolve = (spec: ApproverSpec, who: Who) => Promise<number[]>;

const REFUSALS: Record<Refusal, () => AppError> = {
  own_document: () => errors.forbidden('approval.own_document'),
  not_your_step: () => errors.forbidden('approval.not_your_step'),
  not_applicant: () => errors.forbidden('approval.not_applicant'),
  not_pending: () => errors.conflict('approval.not_pending'),
  already_decided: () => errors.conflict('approval.already_decided'),
};

export const stepName = (s: Pick<ChainStep, 'key' | 'name'>, lang: Lang) => s.name?.[lang] || s.name?.['zh-CN'] || s.key;
const parseSteps = (row: { steps: string }) => JSON.parse(row.steps) as FrozenStep[];
const stripApplies = (steps: FrozenStep[]): ChainStep[] => steps.map(({ applies: _applies, ...s }) => s);

export type { ChainVersionView } from './approvals.admin';

/**
 * The approval engine (issue 4 §1, docs/regulations.md §18). Document modules register a handler and submit; the
 * engine freezes the chain's steps on the request, resolves approvers from the current organisation,
 * enforces who may act, keeps the whole history and tells the document module about every outcome.
 */
export function createApprovalService(deps: { db: Db; audit: AuditService; clock: Clock; notifications?: NotificationService | null }) {
  const { db, audit, clock } = deps;
  const notifications = deps.notifications ?? null;
  const handlers = new Map<string, DocumentTypeHandler>();
  const now = () => clock.now().toISOString();

  function handlerOf(type: string) {
    const h = handlers.get(type);
    if (!h) throw errors.field('documentType', 'approval.unknown_type');
    return h;
  }

  const labelOf = (type: string, lang: Lang) => handlers.get(type)?.label[lang] ?? DOCUMENT_LABELS[type]?.[lang] ?? type;
  const defaultsOf = (type: string): ChainStep[] | null => DEFAULT_CHAINS[type] ?? handlers.get(type)?.defaultChain ?? null;

  async function activeChain(trx: Db, type: string): Promise<{ version: number; steps: ChainStep[] } | null> {
    const row = await q.latestChain(trx, type);
    if (row) return { version: row.version, steps: JSON.parse(row.steps) as ChainStep[] };
    const d = defaultsOf(type);
    return d ? { version: 1, steps: d } : null;
  }

  /** Approvers from the current organisation, never the applicant; cached for one operation. */
  function resolver(trx: Db): Resolve {
    const cache = new Map<string, Promise<number[]>>();
    const lookup = (spec: ApproverSpec, who: Who): Promise<number[]> => {
      switch (spec.kind) {
        case 'role':
          return q.roleHolders(trx, spec.role, spec.within === 'department' ? who.department_id : undefined);
        case 'supervisor':
          return q.teamSupervisor(trx, who.team_id);
        case 'department_head':
          return q.departmentHead(trx, who.department_id);
        case 'group':
          return q.groupMembers(trx, spec.group);
      }
    };
    return async (spec, who) => {
      const key = JSON.stringify([spec.kind, 'role' in spec ? spec.role : null, 'within' in spec ? spec.within : null, 'group' in spec ? spec.group : null, who.department_id, who.team_id]);
      let p = cache.get(key);
      if (!p) cache.set(key, (p = lookup(spec, who)));
      return (await p).filter((id) => id !== who.applicant_id);
    };
  }

  /** Who may decide the current step now: for an 'all' group, the members who have not yet approved. */
  async function currentApprovers(trx: Db, row: Row, steps: FrozenStep[], resolve: Resolve): Promise<number[]> {
    if (row.status !== 'pending' || row.current_step === null) return [];
    const step = steps[row.current_step];
    const ids = await resolve(step.approver, row);
    if (step.approver.kind !== 'group' || step.approver.mode !== 'all') return ids;
    const voted = await q.votes(trx, row.id, row.round, step.key);
    return ids.filter((id) => !voted.includes(id));
  }

  /**
   * Who sees a request: the applicant, anyone whose scope covers the applicant, whoever acted on it, and
   * the approvers of any of its steps (so an approver who lost a race to a colleague hears 409, not 404).
   */
  async function visible(trx: Db, actor: Actor, row: Row, approvers: number[], resolve: Resolve) {
    if (row.applicant_id === actor.id || approvers.includes(actor.id)) return true;
    if ((await q.inScope(trx, actor, row.id)) || (await q.hasActed(trx, row.id, actor.id))) return true;
    for (const s of parseSteps(row)) if (s.applies && (await resolve(s.approver, row)).includes(actor.id)) return true;
    const h = handlers.get(row.document_type);
    return h?.canView ? h.canView(trx, actor, row.document_id) : false;
  }

  async function approverLabel(trx: Db, spec: ApproverSpec, lang: Lang, groups: Map<string, string> | null) {
    switch (spec.kind) {
      case 'role':
        return t(lang, 'approval.approver.role', { role: t(lang, `role.${spec.role}`), within: t(lang, `approval.within.${spec.within}`) });
      case 'supervisor':
        return t(lang, 'approval.approver.supervisor');
      case 'department_head':
        return t(lang, 'approval.approver.department_head');
      case 'group': {
        const names = groups ?? new Map((await q.groupNames(trx)).map((g) => [g.key, g.name]));
        return t(lang, spec.mode === 'all' ? 'approval.approver.group_all' : 'approval.approver.group_any', { group: names.get(spec.group) ?? spec.group });
      }
    }
  }

  async function present(trx: Db, actor: Actor, lang: Lang, row: Row, resolve: Resolve): Promise<ApprovalRequestView> {
    const steps = parseSteps(row);
    const approvers = await currentApprovers(trx, row, steps, resolve);
    const decided = await q.decidedInRound(trx, row.id, row.round);
    const history = await q.actions(trx, row.id);
    const names = await q.users(trx, [row.applicant_id, ...approvers]);
    const groups = steps.some((s) => s.approver.kind === 'group') ? new Map((await q.groupNames(trx)).map((g) => [g.key, g.name])) : null;
    const status = row.status as ApprovalOutcome;
    const byKey = new Map(steps.map((s) => [s.key, s]));
    const viewSteps: ApprovalRequestView['steps'] = [];
    for (const [i, s] of steps.entries()) {
      if (!s.applies) continue;
      const state: 'done' | 'current' | 'waiting' =
        status === 'approved' ? 'done' : row.current_step === null ? 'waiting' : i < row.current_step ? 'done' : i === row.current_step ? 'current' : 'waiting';
      viewSteps.push({ key: s.key, name: stepName(s, lang), approverLabel: await approverLabel(trx, s.approver, lang, groups), state });
    }
    return {
      id: row.id,
      documentType: row.document_type,
      documentId: row.document_id,
      documentLabel: labelOf(row.document_type, lang),
      title: row.title,
      link: row.link,
      applicantId: row.applicant_id,
      applicantName: names.get(row.applicant_id)?.name ?? '',
      status,
      chainVersion: row.chain_version,
      steps: viewSteps,
      currentStepKey: row.current_step === null ? null : steps[row.current_step].key,
      currentApprovers: approvers.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
      canAct: allowedActions({ status, applicantId: row.applicant_id, currentApprovers: approvers, decidedThisRound: decided }, actor.id),
      history: history.map((h) => {
        const step = h.step_key ? byKey.get(h.step_key) : undefined;
        return {
          id: h.id,
          round: h.round,
          stepKey: h.step_key,
          stepName: step ? stepName(step, lang) : h.step_key,
          action: h.action as ApprovalRequestView['history'][number]['action'],
          actorId: h.actor_id,
          actorName: h.actor_name,
          comment: h.comment,
          returnedTo: h.returned_to,
          at: h.at,
        };
      }),
      submittedAt: row.submitted_at,
      decidedAt: row.decided_at,
      version: row.version,
    };
  }

  /** In-app (and configured channel) messages, each recipient in their own language. */
  async function notify(trx: Db, userIds: number[], kind: 'waiting' | 'approved' | 'rejected' | 'returned', row: Pick<Row, 'id' | 'title' | 'link'>) {
    if (!notifications || !userIds.length) return;
    // A key with the document's title: each reader sees it in their language. Only 'waiting' asks for an action.
    await notifications.notify(trx, {
      userIds,
      kind: `approval.${kind}`,
      titleKey: `approval.notify.${kind}`,
      params: { title: row.title },
      link: { type: 'approval', id: row.id, path: row.link },
      subject: kind === 'waiting' ? { type: 'approval', id: row.id } : null,
    });
  }

  async function assertApprovers(resolve: Resolve, who: Who, steps: FrozenStep[], lang: Lang) {
    for (const s of steps) {
      if (s.applies && !(await resolve(s.approver, who)).length) throw new AppError('validation', 'approval.no_approver', [], { step: stepName(s, lang) });
    }
  }

  async function reload(trx: Db, id: number) {
    const row = await q.request(trx, id);
    if (!row) throw errors.notFound();
    return row;
  }

  /** Pending requests whose current step the actor may decide. */
  async function waitingFor(trx: Db, actor: Actor) {
    const resolve = resolver(trx);
    const out: { row: Row; steps: FrozenStep[] }[] = [];
    for (const row of await q.pending(trx, actor.id)) {
      const steps = parseSteps(row);
      if ((await currentApprovers(trx, row, steps, resolve)).includes(actor.id)) out.push({ row, steps });
    }
    return { resolve, items: out };
  }

  const admin = createApprovalAdministration({ db, audit, now, handlers, labelOf, defaultsOf });

  const service = {
    registerType(handler: DocumentTypeHandler) {
      handlers.set(handler.type, handler);
    },

    async submit(trx: Db, ctx: RequestContext, documentType: string, documentId: number, comment?: string | null): Promise<ApprovalRequestView> {
      const h = handlerOf(documentType);
      const doc = await h.load(trx, documentId);
      if (!doc) throw errors.notFound();
      if (doc.applicantId !== ctx.actor.id) throw errors.forbidden('approval.not_applicant');
      const latest = await q.latestForDocument(trx, documentType, documentId);
      const kind = submissionKind((latest?.status as ApprovalOutcome | undefined) ?? null);
      if (kind === 'in_progress') throw errors.conflict('approval.in_progress');
      if (kind === 'approved') throw errors.conflict('approval.already_approved');

      const placement = await q.userPlacement(trx, doc.applicantId);
      const who: Who = {
        applicant_id: doc.applicantId,
        department_id: doc.departmentId ?? placement?.department_id ?? null,
        team_id: doc.teamId ?? placement?.team_id ?? null,
      };
      // A resubmission stays on the chain version it started with (a chain change applies to new submissions only);
      // its conditions are evaluated again because the applicant may have revised the document.
      let chainVersion: number;
      let base: ChainStep[];
      if (kind === 'resubmit' && latest) {
        chainVersion = latest.chain_version;
        base = stripApplies(parseSteps(latest));
      } else {
        const chain = await activeChain(trx, documentType);
        if (!chain) throw errors.field('documentType', 'approval.unknown_type');
        chainVersion = chain.version;
        base = chain.steps;
      }
      const steps = freezeSteps(base, doc.fields);
      const resolve = resolver(trx);
      await assertApprovers(resolve, who, steps, ctx.lang);
      const first = firstStep(steps);
      const status: ApprovalOutcome = first === null ? 'approved' : 'pending';
      const at = now();
      const common = {
        ...who,
        title: doc.title,
        link: doc.link,
        chain_version: chainVersion,
        steps: JSON.stringify(steps),
        current_step: first,
        status,
        submitted_at: at,
        decided_at: status === 'approved' ? at : null,
      };
      let id: number;
      let round: number;
      if (kind === 'resubmit' && latest) {
        id = latest.id;
        round = latest.round + 1;
        if (!(await q.updateRequest(trx, id, latest.version, { ...common, round }, at))) throw errors.staleVersion();
      } else {
        round = 1;
        id = await q.insertRequest(trx, { ...common, document_type: documentType, document_id: documentId, round, created_at: at, updated_at: at });
      }
      await q.insertAction(trx, { request_id: id, round, step_key: null, action: kind === 'resubmit' ? 'resubmit' : 'submit', actor_id: ctx.actor.id, comment: comment?.trim() || null, returned_to: null, at });
      await audit.record(trx, actorInfo(ctx), { action: kind === 'resubmit' ? 'approval.resubmit' : 'approval.submit', entityType: 'approval_request', entityId: id, summary: `${documentType}:${documentId}` });
      await h.onOutcome(trx, documentId, status, ctx);
      const row = await reload(trx, id);
      if (status === 'pending') await notify(trx, await currentApprovers(trx, row, steps, resolve), 'waiting', row);
      return present(trx, ctx.actor, ctx.lang, row, resolve);
    },

    async act(ctx: RequestContext, requestId: number, action: ApprovalAction, input: { comment?: string | null; toStepKey?: string | null; version?: number }): Promise<ApprovalRequestView> {
      const comment = input.comment?.trim() || null;
      if ((action === 'reject' || action === 'return') && !comment) throw errors.field('comment', 'approval.comment_required');
      return db.transaction().execute(async (trx) => {
        const row = await q.request(trx, requestId);
        if (!row) throw errors.notFound();
        const steps = parseSteps(row);
        const resolve = resolver(trx);
        const approvers = await currentApprovers(trx, row, steps, resolve);
        if (!(await visible(trx, ctx.actor, row, approvers, resolve))) throw errors.notFound();
        // Someone acted since the caller read the request: 409 before anything else (two approvers at once).
        if (input.version !== undefined && input.version !== row.version) throw errors.staleVersion();
        const status = row.status as ApprovalOutcome;
        const decided = await q.decidedInRound(trx, row.id, row.round);
        const why = refusal({ status, applicantId: row.applicant_id, currentApprovers: approvers, decidedThisRound: decided }, ctx.actor.id, action);
        if (why) throw REFUSALS[why]();

        const h = handlerOf(row.document_type);
        const at = now();
        const cur = row.current_step as number;
        const step = steps[cur];
        let patch: Record<string, unknown> = {};
        let outcome: ApprovalOutcome = 'pending';
        let returnedTo: string | null = null;
        let notifyNext = false;

        if (action === 'approve') {
          let complete = true;
          if (step.approver.kind === 'group' && step.approver.mode === 'all') {
            await q.insertVote(trx, { request_id: row.id, round: row.round, step_key: step.key, user_id: ctx.actor.id, at });
            const eligible = await resolve(step.approver, row);
            complete = stepComplete('all', eligible, await q.votes(trx, row.id, row.round, step.key));
          }
          if (complete) {
            const next = nextStep(steps, cur);
            if (next === null) {
              outcome = 'approved';
              patch = { status: 'approved', current_step: null, decided_at: at };
            } else {
              patch = { current_step: next };
              notifyNext = true;
            }
          }
        } else if (action === 'reject') {
          outcome = 'rejected';
          patch = { status: 'rejected', decided_at: at };
        } else if (action === 'return') {
          if (input.toStepKey) {
            const to = steps.findIndex((s) => s.key === input.toStepKey);
            if (!earlierSteps(steps, cur).includes(input.toStepKey)) throw errors.field('toStepKey', 'approval.bad_return_step');
            // The steps between are decided again, so approvals already given there in this round no longer count.
            await q.clearVotes(trx, row.id, row.round, steps.slice(to, cur + 1).map((s) => s.key));
            patch = { current_step: to };
            returnedTo = input.toStepKey;
            notifyNext = true;
          } else {
            outcome = 'returned';
            patch = { status: 'returned', current_step: null };
          }
        } else {
          outcome = 'withdrawn';
          patch = { status: 'withdrawn', current_step: null };
        }

        if (!(await q.updateRequest(trx, row.id, row.version, patch, at))) throw errors.staleVersion();
        await q.insertAction(trx, { request_id: row.id, round: row.round, step_key: step?.key ?? null, action, actor_id: ctx.actor.id, comment, returned_to: returnedTo, at });
        await audit.record(trx, actorInfo(ctx), {
          action: `approval.${action}`,
          entityType: 'approval_request',
          entityId: row.id,
          summary: `${row.document_type}:${row.document_id} ${step?.key ?? ''}${returnedTo ? ` → ${returnedTo}` : ''}`,
        });
        if (outcome !== 'pending') await h.onOutcome(trx, row.document_id, outcome, ctx);
        // The step was decided (or the request left it): "waiting for your approval" is done for everyone told so far.
        if (outcome !== 'pending' || notifyNext) await notifications?.markDone(trx, { type: 'approval', id: row.id });
        const after = await reload(trx, row.id);
        if (notifyNext) {
          const next = await currentApprovers(trx, after, steps, resolve);
          if (!next.length) throw new AppError('validation', 'approval.no_approver', [], { step: stepName(steps[after.current_step as number], ctx.lang) });
          await notify(trx, next, 'waiting', after);
        }
        if (outcome === 'approved' || outcome === 'rejected' || outcome === 'returned') await notify(trx, [row.applicant_id], outcome, after);
        return present(trx, ctx.actor, ctx.lang, after, resolve);
      });
    },

    async get(ctx: RequestContext, requestId: number): Promise<ApprovalRequestView> {
      const row = await q.request(db, requestId);
      if (!row) throw errors.notFound();
      const resolve = resolver(db);
      if (!(await visible(db, ctx.actor, row, await currentApprovers(db, row, parseSteps(row), resolve), resolve))) throw errors.notFound();
      return present(db, ctx.actor, ctx.lang, row, resolve);
    },

    async forDocument(ctx: RequestContext, documentType: string, documentId: number): Promise<ApprovalRequestView | null> {
      const row = await q.latestForDocument(db, documentType, documentId);
      if (!row) return null;
      const resolve = resolver(db);
      if (!(await visible(db, ctx.actor, row, await currentApprovers(db, row, parseSteps(row), resolve), resolve))) throw errors.notFound();
      return present(db, ctx.actor, ctx.lang, row, resolve);
    },

    /** Names of those who approved the latest request of a document in its current round, in order (for the document's own history). */
    async approversOf(trx: Db, documentType: string, documentId: number): Promise<string[]> {
      const row = await q.latestForDocument(trx, documentType, documentId);
      if (!row) return [];
      return (await q.actions(trx, row.id)).filter((a) => a.round === row.round && a.action === 'approve').map((a) => a.actor_name);
    },
    async queue(ctx: RequestContext): Promise<ApprovalRequestView[]> {
      const { resolve, items } = await waitingFor(db, ctx.actor);
      const out: ApprovalRequestView[] = [];
      for (const { row } of items) out.push(await present(db, ctx.actor, ctx.lang, row, resolve));
      return out;
    },

    /** The to-do home page's approvals (issue 4 §3). */
    todoProvider: {
      key: 'approvals',
      async items(trx: Db, actor: Actor): Promise<TodoItem[]> {
        const { items } = await waitingFor(trx, actor);
        if (!items.length) return [];
        const users = await q.users(trx, [actor.id, ...items.map((i) => i.row.applicant_id)]);
        const lang = (users.get(actor.id)?.locale ?? 'zh-CN') as Lang;
        return items.map(({ row, steps }) => ({
          kind: 'approval',
          title: row.title,
          link: { type: row.document_type, id: row.document_id, path: row.link },
          detail: t(lang, 'approval.todo.detail', { step: stepName(steps[row.current_step as number], lang), applicant: users.get(row.applicant_id)?.name ?? '' }),
        }));
      },
    } satisfies TodoProvider,

    // Administration: chains (versioned) and groups (§18).
    ...admin,
  };

  return service satisfies ApprovalService;
}
export type ApprovalEngine = ReturnType<typeof createApprovalService>;
