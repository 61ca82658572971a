/** Relationship evaluation answers, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/evaluations/evaluations.schemas';

export type EvaluationTemplate = z.output<typeof s.templateOut>;
export type TemplateInput = z.input<typeof s.templateBody>;
export type TemplatesAnswer = z.output<typeof s.templatesOut>;
export type Bands = TemplatesAnswer['bands'];
export type Evaluation = z.output<typeof s.evaluationOut>;
export type EvaluationDetail = z.output<typeof s.evaluationDetailOut>;
export type EvaluationStatus = Evaluation['status'];
export type Recommendation = Evaluation['recommendation'];
export type OurLevel = EvaluationDetail['strengthening'][number]['level'];
export type EvaluationCreate = z.input<typeof s.createBody>;
export type EvaluationUpdate = z.input<typeof s.updateBody>;
export type EndCooperationRequest = z.output<typeof s.endCooperationOut>;
export type EndCooperationLatest = z.output<typeof s.endCooperationLatestOut>;
