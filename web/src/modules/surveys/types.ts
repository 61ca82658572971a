/** Shapes of the survey API's answers (server/modules/surveys/surveys.schemas.ts, docs/surveys.md). */

export type QuestionType = 'scale' | 'single' | 'multiple' | 'text';
export type TemplateStatus = 'draft' | 'published';
export type CampaignStatus = 'draft' | 'active' | 'closed';
export type PlanStatus = 'draft' | 'pending' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type LinkState = 'none' | 'active' | 'expired' | 'used';

export const CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'active', 'closed'];
export const STAFF_CHANNELS = ['phone', 'fax', 'meeting', 'email', 'paper'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
export const QUESTION_TYPES: QuestionType[] = ['scale', 'single', 'multiple', 'text'];

/** The five levels, best first (满意 5 … 非常不满意 1); their words are `surveys.scale.<score>`. */
export const SCALE_SCORES = [5, 4, 3, 2, 1] as const;

export interface Question {
  key: string;
  type: QuestionType;
  text: string;
  required: boolean;
  options?: string[];
  otherText?: boolean;
}
export interface Section {
  title: string;
  questions: Question[];
}
export interface Definition {
  sections: Section[];
}

export interface TemplateSummary {
  id: number;
  familyId: number;
  versionNo: number;
  name: string;
  description: string | null;
  status: TemplateStatus;
  builtin: boolean;
  questionCount: number;
  publishedAt: string | null;
  createdByName: string | null;
  updatedAt: string;
  version: number;
}
export interface Template extends TemplateSummary {
  intro: string | null;
  definition: Definition;
  publishedByName: string | null;
  versions: { id: number; versionNo: number; status: TemplateStatus; publishedAt: string | null }[];
  usedByCampaigns: number;
  can: { edit: boolean; publish: boolean; delete: boolean };
}
export interface TemplateInput {
  name: string;
  description?: string | null;
  intro?: string | null;
  sections: Section[];
}

export interface CampaignFilter {
  q?: string;
  status?: string;
  ownerId?: number;
  teamId?: number;
  province?: string;
  city?: string;
  industry?: string;
}
export interface CampaignSummary {
  id: number;
  title: string;
  status: CampaignStatus;
  templateId: number;
  templateName: string;
  templateVersionNo: number;
  startDate: string;
  endDate: string;
  targets: number;
  responses: number;
  responseRate: number | null;
  index: number | null;
  ownerName: string | null;
  startedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}
export interface Campaign extends CampaignSummary {
  description: string | null;
  familyId: number;
  filter: CampaignFilter;
  intro: string | null;
  definition: Definition;
  linkExpiryDays: number;
  can: { edit: boolean; start: boolean; close: boolean; respond: boolean; plan: boolean };
}
export interface CampaignInput {
  title: string;
  description?: string | null;
  templateId: number;
  filter: CampaignFilter;
  startDate: string;
  endDate: string;
}
export interface CampaignList {
  items: CampaignSummary[];
  total: number;
  page: number;
  pageSize: number;
  yearly: { year: number; started: number; required: number; missing: number };
}

export interface Target {
  id: number;
  customerId: number;
  customerName: string;
  archiveNo: string;
  ownerId: number;
  ownerName: string | null;
  province: string | null;
  customerStatus: string | null;
  status: 'pending' | 'answered';
  link: LinkState;
  linkExpiresAt: string | null;
  channel: string | null;
  answeredAt: string | null;
  responseId: number | null;
  index: number | null;
}
export interface IssuedLink {
  targetId: number;
  customerName: string;
  archiveNo: string;
  url: string;
  path: string;
  expiresAt: string;
}

export interface Answer {
  key: string;
  score: number | null;
  choices: string[] | null;
  text: string | null;
}
export interface AnswerInput {
  key: string;
  score?: number | null;
  choices?: string[] | null;
  text?: string | null;
}
export interface SurveyResponse {
  id: number;
  targetId: number;
  customerId: number;
  customerName: string;
  archiveNo: string;
  ownerName: string | null;
  channel: string;
  respondentName: string | null;
  enteredByName: string | null;
  answeredAt: string;
  index: number | null;
  answers: Answer[];
}

export interface GroupResult {
  key: string;
  label: string;
  targets: number;
  responses: number;
  responseRate: number | null;
  index: number | null;
}
export interface QuestionResult {
  key: string;
  section: string;
  text: string;
  type: QuestionType;
  answered: number;
  distribution: { option: string; score: number | null; count: number; percent: number | null }[];
  average: number | null;
  index: number | null;
  texts: string[];
}
export interface Results {
  targets: number;
  responses: number;
  responseRate: number | null;
  index: number | null;
  byChannel: { channel: string; count: number }[];
  questions: QuestionResult[];
  byRegion: GroupResult[];
  byStatus: GroupResult[];
  byOwner: GroupResult[];
  gradeBasis: 'status';
  previous: {
    campaignId: number;
    title: string;
    startedAt: string | null;
    responseRate: number | null;
    index: number | null;
    responseRateDelta: number | null;
    indexDelta: number | null;
    questions: { key: string; previousAverage: number | null; average: number | null; delta: number | null }[];
  } | null;
}

export interface PublicSurvey {
  campaignTitle: string;
  customerName: string;
  templateName: string;
  intro: string | null;
  definition: Definition;
  endDate: string;
  expiresAt: string | null;
}

export interface PlanSummary {
  id: number;
  campaignId: number;
  title: string;
  status: PlanStatus;
  ownerId: number;
  ownerName: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface PlanItem {
  id: number;
  measure: string;
  assigneeId: number;
  assigneeName: string;
  dueDate: string;
  taskId: number | null;
  taskStatus: string | null;
  taskCompletedAt: string | null;
}
export interface Plan extends PlanSummary {
  campaignTitle: string;
  findings: string;
  goals: string;
  items: PlanItem[];
  can: { edit: boolean; submit: boolean };
}
export interface PlanInput {
  title: string;
  findings: string;
  goals: string;
  items: { measure: string; assigneeId: number; dueDate: string }[];
}
