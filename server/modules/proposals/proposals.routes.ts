import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { acceptFileBody, attachmentOut, attachmentParams, sendAttachment } from '../customers/attachments.http';
import type { ProposalAttachments } from './proposals.attachments';
import { idParams, page } from '../../platform/http/schemas';
import type { ProposalRow } from './proposals.queries';
import { tenthsText, type ProposalSource, type ProposalStatus, type Scores } from './proposals.rules';
import * as s from './proposals.schemas';
import type { ProposalService, ProposalView } from './proposals.service';

/** Whitelisted output. */
function present(r: ProposalRow, reviewCount: number, implDepartmentName: string | null): z.infer<typeof s.proposalOut> {
  return {
    id: r.id,
    title: r.title,
    proposedOn: r.proposed_on,
    source: r.source as ProposalSource,
    proposerId: r.proposer_id,
    proposerName: r.proposer_name ?? null,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    customerArchiveNo: r.customer_archive_no ?? null,
    contactName: r.contact_name,
    problem: r.problem,
    proposal: r.proposal,
    expectedBenefit: r.expected_benefit,
    patent: r.patent === 1,
    patentNote: r.patent_note,
    status: r.status as ProposalStatus,
    score: tenthsText(r.score_tenths),
    reviewCount,
    implDepartmentId: r.impl_department_id,
    implDepartmentName,
    implDue: r.impl_due,
    implDoneOn: r.impl_done_on,
    report:
      r.report_motivation === null
        ? null
        : { motivation: r.report_motivation, before: r.report_before ?? '', after: r.report_after ?? '', method: r.report_method ?? '', benefit: r.report_benefit ?? '', conclusion: r.report_conclusion ?? '' },
    reward:
      r.reward_cents === null || r.reward_decided_by === null
        ? null
        : { amountCents: Number(r.reward_cents), form: r.reward_form ?? '', decidedById: r.reward_decided_by, decidedByName: r.reward_decided_by_name ?? null, on: r.rewarded_on },
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    version: r.version,
  };
}

function presentView(v: ProposalView): z.infer<typeof s.proposalDetailOut> {
  return {
    ...present(v.proposal, v.reviews.length, v.implDepartmentName),
    reviews: v.reviews.map((x) => ({
      id: x.id,
      reviewerId: x.reviewer_id,
      reviewerName: x.reviewer_name ?? null,
      scores: JSON.parse(x.scores) as Scores,
      weights: JSON.parse(x.weights) as Scores,
      total: tenthsText(x.total_tenths)!,
      comment: x.comment,
      createdAt: x.created_at,
    })),
  };
}

/** Proposals 提案 (docs/regulations.md §14). Every `:id` is checked against the proposal's scope (404). */
export async function proposalRoutes(root: FastifyInstance, deps: { proposals: ProposalService; attachments: ProposalAttachments }) {
  const { proposals, attachments } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['proposals 提案'];
  const one = (capability: string) => ({ policy: { capability, resource: { type: 'proposal' } } });

  app.get('/api/proposals', {
    config: { policy: { capability: 'proposals.read' } },
    schema: { tags, summary: 'Proposals within scope with their scores and status', querystring: s.listQuery, response: { 200: page(s.proposalOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await proposals.list(requestContext(req), filters, { page: p, pageSize });
      const counts = await proposals.reviewCounts(rows.map((r) => r.id));
      return { items: rows.map((r) => present(r, counts.get(r.id) ?? 0, null)), total, page: p, pageSize };
    },
  });

  app.get('/api/proposals/weights', {
    config: { policy: { capability: 'proposals.read' } },
    schema: { tags, summary: 'The weights of the 提案评定表 in force', response: { 200: s.weightsOut } },
    handler: async () => ({ weights: await proposals.weights() }),
  });

  app.post('/api/proposals', {
    config: { policy: { capability: 'proposals.write' } },
    schema: { tags, summary: '客户提案表', body: s.proposalBody, response: { 201: s.proposalDetailOut } },
    handler: async (req, reply) => reply.status(201).send(presentView(await proposals.create(requestContext(req), req.body))),
  });

  app.get('/api/proposals/:id', {
    config: one('proposals.read'),
    schema: { tags, params: idParams, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.view(req.params.id)),
  });

  app.put('/api/proposals/:id', {
    config: one('proposals.write'),
    schema: { tags, summary: 'Edit a draft', params: idParams, body: s.proposalUpdateBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.update(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/proposals/:id/submit', {
    config: one('proposals.write'),
    schema: { tags, summary: 'Hand the draft to the reviewers', params: idParams, body: s.versionBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.submit(requestContext(req), req.params.id, req.body.version)),
  });

  app.post('/api/proposals/:id/reviews', {
    config: one('proposals.review'),
    schema: { tags, summary: '提案评定表: one per reviewer', params: idParams, body: s.reviewBody, response: { 201: s.proposalDetailOut } },
    handler: async (req, reply) => reply.status(201).send(presentView(await proposals.score(requestContext(req), req.params.id, req.body))),
  });

  app.post('/api/proposals/:id/approval', {
    config: one('proposals.review'),
    schema: { tags, summary: 'Send the assessed proposal to the approval chain', params: idParams, body: s.approvalBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.sendForApproval(requestContext(req), req.params.id, req.body.comment)),
  });

  app.post('/api/proposals/:id/implementation', {
    config: one('proposals.implement'),
    schema: { tags, summary: 'Hand the approved proposal to a department with a date', params: idParams, body: s.implementBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.implement(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/proposals/:id/report', {
    config: one('proposals.implement'),
    schema: { tags, summary: '提案成果报告表', params: idParams, body: s.reportBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.report(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/proposals/:id/reward', {
    config: one('proposals.implement'),
    schema: { tags, summary: 'Record the reward (amount in fen, form, who decided)', params: idParams, body: s.rewardBody, response: { 200: s.proposalDetailOut } },
    handler: async (req) => presentView(await proposals.reward(requestContext(req), req.params.id, req.body)),
  });

  const presentFile = (a: Awaited<ReturnType<ProposalAttachments['list']>>[number]): z.infer<typeof attachmentOut> => ({
    id: a.id,
    kind: 'other',
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    description: null,
    uploadedByName: a.uploaded_by_name ?? null,
    createdAt: a.created_at,
  });

  app.get('/api/proposals/:id/attachments', {
    config: one('proposals.read'),
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(attachmentOut) }) } },
    handler: async (req) => ({ items: (await attachments.list(req.params.id)).map(presentFile) }),
  });

  app.get('/api/proposals/:id/attachments/:attachmentId', {
    config: one('proposals.read'),
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => sendAttachment(reply, await attachments.open(requestContext(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/proposals/:id/attachments/:attachmentId', {
    config: one('proposals.write'),
    schema: { tags, params: attachmentParams },
    handler: async (req, reply) => {
      await attachments.remove(requestContext(req), req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  });

  await app.register(async (scope) => {
    acceptFileBody(scope);
    scope.withTypeProvider<ZodTypeProvider>().post('/api/proposals/:id/attachments', {
      config: one('proposals.write'),
      schema: {
        tags,
        summary: 'Attach a file (request body = the file; ?filename=)',
        params: idParams,
        querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(),
        response: { 201: attachmentOut },
      },
      handler: async (req, reply) => {
        const ctx = requestContext(req);
        const row = await attachments.upload(ctx, req.params.id, { filename: req.query.filename, body: req.body as Buffer });
        return reply.status(201).send(presentFile({ ...row, uploaded_by_name: ctx.actor.displayName }));
      },
    });
  });
}
