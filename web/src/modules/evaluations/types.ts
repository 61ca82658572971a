import type { EvaluationStatus, OurLevel, Recommendation } from '../../api/contract/evaluations';

export type * from '../../api/contract/evaluations';

export const RECOMMENDATIONS: Recommendation[] = ['maintain', 'improve', 'terminate'];
export const EVALUATION_STATUSES: EvaluationStatus[] = ['draft', 'submitted', 'confirmed', 'returned'];
export const OUR_LEVELS: OurLevel[] = ['general_manager', 'deputy_general_manager', 'department_manager', 'department_supervisor', 'department_staff', 'other'];
