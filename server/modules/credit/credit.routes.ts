import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestContext } from '../../platform/http/guard';
import { idParams, page } from '../../platform/http/schemas';
import type { RiskRow } from './credit.queries';
import type { BankRating, Outcome, PaymentRecord, Rating, RiskCategory, RiskLevel } from './credit.rules';
import * as s from './credit.schemas';
import type { CreditService } from './credit.service';
import type { SurveyRow } from './credit.queries';

type Rated = { survey: SurveyRow; rating: Rating; creditLimitWan: number; paymentTermsDays: number };

/** Whitelisted output. */
function presentSurvey({ survey: r, rating, creditLimitWan, paymentTermsDays }: Rated): z.infer<typeof s.surveyOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    surveyDate: r.survey_date,
    registeredCapitalWan: r.registered_capital_wan,
    yearsInBusiness: r.years_in_business,
    paymentRecord: r.payment_record as PaymentRecord,
    overdueWan: r.overdue_wan,
    bankRating: r.bank_rating as BankRating,
    legalRepresentative: r.legal_representative,
    mainBusiness: r.main_business,
    bankName: r.bank_name,
    bankAccount: r.bank_account,
    annualRevenueWan: r.annual_revenue_wan,
    notes: r.notes,
    agreedLimitWan: r.credit_limit_wan,
    agreedTermsDays: r.payment_terms_days,
    creditLimitWan,
    paymentTermsDays,
    rating,
    surveyedByName: r.surveyed_by_name ?? null,
    createdAt: r.created_at,
  };
}

function presentRisk(r: RiskRow): z.infer<typeof s.riskOut> {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerArchiveNo: r.customer_archive_no,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    category: r.category as RiskCategory,
    title: r.title,
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    level: r.level as RiskLevel,
    response: r.response,
    assessedOn: r.assessed_on,
    reviewDue: r.review_due,
    reviewTaskId: r.review_task_id,
    status: r.status as 'open' | 'closed',
    outcome: r.outcome as Outcome | null,
    outcomeNote: r.outcome_note,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name ?? null,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** Credit surveys and the risk register (docs/regulations.md §5). Every `:id` is checked against its customer's scope (404). */
export async function creditRoutes(root: FastifyInstance, deps: { credit: CreditService }) {
  const { credit } = deps;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['credit 信用与风险'];
  const read = { capability: 'credit.read' };
  const manage = { capability: 'credit.manage' };

  app.get('/api/customers/:id/credit', {
    config: { policy: { ...read, resource: { type: 'customer' } } },
    schema: { tags, summary: "The customer's rating, limit, terms, surveys and open risks", params: idParams, response: { 200: s.customerCreditOut } },
    handler: async (req) => {
      const c = await credit.customerCredit(requestContext(req), req.params.id);
      return {
        rating: c.current?.rating ?? null,
        adjustment: c.adjustment,
        ratingHistory: c.history.map((h) => ({
          at: h.at,
          oldLabel: h.old_label,
          newLabel: h.new_label,
          computedLabel: h.computed_label,
          levelsDown: h.levels_down,
          overdueAmount: Number(h.overdue_cents) / 100,
          overdueDays: h.overdue_days,
          reason: h.reason,
          cause: h.cause,
          actorName: h.actor_name ?? null,
        })),
        creditLimitWan: c.current?.creditLimitWan ?? null,
        paymentTermsDays: c.current?.paymentTermsDays ?? null,
        surveys: c.surveys.map(presentSurvey),
        risks: c.risks.map(presentRisk),
      };
    },
  });

  app.post('/api/customers/:id/credit-surveys', {
    config: { policy: { ...manage, resource: { type: 'customer' } } },
    schema: { tags, summary: '客户信用调查表', params: idParams, body: s.surveyBody, response: { 201: s.surveyOut } },
    handler: async (req, reply) => reply.status(201).send(presentSurvey(await credit.createSurvey(requestContext(req), req.params.id, req.body))),
  });

  app.get('/api/credit-surveys/:id', {
    config: { policy: { ...read, resource: { type: 'credit_survey' } } },
    schema: { tags, params: idParams, response: { 200: s.surveyOut } },
    handler: async (req) => presentSurvey(await credit.getSurvey(req.params.id)),
  });

  app.get('/api/credit/rules', {
    config: { policy: read },
    schema: { tags, summary: 'The rating table, the risk matrix, the review interval and the accuracy target in force', response: { 200: s.rulesOut } },
    handler: async () => credit.rules(),
  });

  app.get('/api/credit-risks', {
    config: { policy: read },
    schema: { tags, querystring: s.riskListQuery, response: { 200: page(s.riskOut) } },
    handler: async (req) => {
      const { page: p, pageSize, ...filters } = req.query;
      const { rows, total } = await credit.listRisks(requestContext(req), filters, { page: p, pageSize });
      return { items: rows.map(presentRisk), total, page: p, pageSize };
    },
  });

  app.get('/api/credit-risks/matrix', {
    config: { policy: read },
    schema: { tags, summary: 'Open risks within scope per likelihood × impact, with the matrix in force', response: { 200: s.matrixOut } },
    handler: async (req) => credit.matrix(requestContext(req)),
  });

  app.get('/api/credit-risks/accuracy', {
    config: { policy: read },
    schema: { tags, summary: 'Predicted level against what happened, for closed risks within scope', response: { 200: s.accuracyOut } },
    handler: async (req) => credit.accuracy(requestContext(req)),
  });

  app.post('/api/credit-risks', {
    config: { policy: manage },
    schema: { tags, body: s.riskCreateBody, response: { 201: s.riskOut } },
    handler: async (req, reply) => reply.status(201).send(presentRisk(await credit.createRisk(requestContext(req), req.body))),
  });

  app.get('/api/credit-risks/:id', {
    config: { policy: { ...read, resource: { type: 'credit_risk' } } },
    schema: { tags, params: idParams, response: { 200: s.riskOut } },
    handler: async (req) => presentRisk(await credit.getRisk(req.params.id)),
  });

  app.put('/api/credit-risks/:id', {
    config: { policy: { ...manage, resource: { type: 'credit_risk' } } },
    schema: { tags, summary: 'Re-assess a risk', params: idParams, body: s.riskUpdateBody, response: { 200: s.riskOut } },
    handler: async (req) => presentRisk(await credit.updateRisk(requestContext(req), req.params.id, req.body)),
  });

  app.post('/api/credit-risks/:id/close', {
    config: { policy: { ...manage, resource: { type: 'credit_risk' } } },
    schema: { tags, summary: 'Close with what actually happened', params: idParams, body: s.riskCloseBody, response: { 200: s.riskOut } },
    handler: async (req) => presentRisk(await credit.closeRisk(requestContext(req), req.params.id, req.body)),
  });
}
