/** Customer-development answers and request bodies, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/development/development.schemas';

type Out<T extends z.ZodType> = z.output<T>;

export type DevelopmentOptions = Out<typeof s.optionsOut>;
export type Stage = DevelopmentOptions['stages'][number];
export type Channel = DevelopmentOptions['channels'][number];
export type PlanStatus = DevelopmentOptions['planStatuses'][number];

export type Prospect = Out<typeof s.prospectOut>;
export type StageSummary = Out<typeof s.stageSummary>;
export type BoardColumn = StageSummary & { items: Prospect[] };
export type StageHistoryEntry = Out<typeof s.historyOut>;
export type DevelopmentRecord = Out<typeof s.recordOut>;
export type RecordInput = z.input<typeof s.recordCreate>;
export type ResearchPlan = Out<typeof s.researchPlanOut>;
export type ResearchReport = Out<typeof s.researchReportOut>;
export type PlanTarget = Out<typeof s.planTargetOut>;
export type PlanTargetInput = z.input<typeof s.planTarget>;
export type DevelopmentPlan = Out<typeof s.planOut>;
export type ProgressAnswer = Out<typeof s.progressOut>;
export type ProgressFigures = Pick<ProgressAnswer['totals'][number], 'newProspects' | 'stageAdvances' | 'won' | 'wonAmount'>;
export type { DuplicateHit } from './customers';
export type StageMoveInput = z.input<typeof s.stageMove>;
export type ProspectCreateInput = z.input<typeof s.prospectCreate>;
