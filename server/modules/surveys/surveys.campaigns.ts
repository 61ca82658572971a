import crypto from 'node:crypto';
import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors, type FieldError } from '../../platform/http/errors';
import { t, type Lang } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { type CampaignListFilter, type TargetListFilter, surveyQueries as q } from './surveys.queries';
import { type Answer, type AnswerInput, type StaffChannel, checkAnswers, linkExpiry, linkState, publicLinkProblem, yearlyFrequency } from './surveys.rules';
import { TOKEN_RE, type CampaignFilter, type CampaignInput, sha256, parseDefinition, gone, rowToAnswer, type SurveyCore } from './surveys.core';

/** Campaigns over archive filters: targets, personal links, answers by staff and on the public page. */
export function createCampaignUseCases(core: SurveyCore) {
  const { db, audit, clock, settings, customers, rateLimiter, now, today, loadCampaign, viewCampaign, checkTemplateUsable, snapshotTargets, writeResponse } = core;
  return {

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
  };
}
