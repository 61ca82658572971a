/** Satisfaction-survey answers and request bodies, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/surveys/surveys.schemas';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type TemplateInput = In<typeof s.templateBody>;
export type Section = TemplateInput['sections'][number];
export type Question = Section['questions'][number];
export type QuestionType = Question['type'];
export type Definition = Out<typeof s.definitionOut>;

export type TemplateSummary = Out<typeof s.templateSummaryOut>;
export type Template = Out<typeof s.templateOut>;
export type TemplateStatus = TemplateSummary['status'];

export type CampaignInput = In<typeof s.campaignBody>;
export type CampaignFilter = Out<typeof s.campaignFilter>;
export type CampaignSummary = Out<typeof s.campaignSummaryOut>;
export type CampaignStatus = CampaignSummary['status'];
export type Campaign = Out<typeof s.campaignOut>;
export type CampaignList = Out<typeof s.campaignListOut>;

export type Target = Out<typeof s.targetOut>;
export type LinkState = Target['link'];
export type IssuedLink = Out<typeof s.linkOut>;

export type StaffChannel = In<typeof s.staffResponseBody>['channel'];
export type AnswerInput = In<typeof s.staffResponseBody>['answers'][number];
export type Answer = Out<typeof s.answerOut>;
export type SurveyResponse = Out<typeof s.responseOut>;

export type Results = Out<typeof s.resultsOut>;
export type QuestionResult = Results['questions'][number];
export type GroupResult = Results['byRegion'][number];

export type PublicSurvey = Out<typeof s.publicSurveyOut>;

export type PlanInput = In<typeof s.planBody>;
export type PlanSummary = Out<typeof s.planSummaryOut>;
export type PlanStatus = PlanSummary['status'];
export type Plan = Out<typeof s.planOut>;
export type PlanItem = Plan['items'][number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const satisfies readonly CampaignStatus[];
export const STAFF_CHANNELS = ['phone', 'fax', 'meeting', 'email', 'paper'] as const satisfies readonly StaffChannel[];
export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text'] as const satisfies readonly QuestionType[];
/** The five levels, best first (满意 5 … 非常不满意 1); their words are `surveys.scale.<score>`. */
export const SCALE_SCORES = [5, 4, 3, 2, 1] as const;

/** One answered survey's satisfaction index (the customer page's tab). */
export type SurveyScore = Out<typeof s.scoreOut>;
