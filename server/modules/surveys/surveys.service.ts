import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { surveyQueries as q } from './surveys.queries';
import { type Answer, questionsOf, SCALE_LEVELS } from './surveys.rules';
import { createSurveyCore, type SurveyDeps } from './surveys.core';
import { createCampaignUseCases } from './surveys.campaigns';
import { createPlanUseCases } from './surveys.plans';
import { createTemplateUseCases } from './surveys.templates';

export { DOCUMENT_TYPE, MAX_TARGETS, rowToAnswer, type CampaignFilter, type CampaignInput, type PlanInput, type SurveyDeps, type TemplateInput } from './surveys.core';

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
export function createSurveyService(deps: SurveyDeps) {
  const core = createSurveyCore(deps);
  const { handler } = core;

  return {
    /** Registered with the approval engine in createServices (chain 'survey_improvement': director, §18). */
    approvalHandler: handler,

    /** Scored responses since an instant (customer_id, satisfaction_index), as a sub-query for the dashboards (docs/regulations.md §16). */
    scoresSince: (conn: Kysely<Database>, since: string) => q.scoresSince(conn, since),

    ...createTemplateUseCases(core),
    ...createCampaignUseCases(core),
    ...createPlanUseCases(core),
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
