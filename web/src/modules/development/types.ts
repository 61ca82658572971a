/** Shapes of the development API's answers (docs/api.md "Customer development", docs/regulations.md §6). */
import type { DuplicateHit } from '../../api/types';

export type Stage = 'contact' | 'needs' | 'demo' | 'negotiation' | 'contract' | 'lost';
export type Channel = 'online' | 'trade_fair' | 'telemarketing' | 'referral' | 'word_of_mouth';
export type PlanStatus = 'draft' | 'pending' | 'returned' | 'approved' | 'rejected' | 'withdrawn';

export interface Prospect {
  id: number;
  companyName: string;
  contactName: string | null;
  /** Masked in lists and on the board; in full on the detail page. */
  phone: string | null;
  channel: Channel;
  stage: Stage;
  lostReason: string | null;
  expectedAmount: number | null;
  nextStep: string | null;
  notes: string | null;
  stageChangedAt: string;
  ownerId: number;
  ownerName: string | null;
  customerId: number | null;
  customerArchiveNo: string | null;
  customerName: string | null;
  developmentRecordId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StageSummary {
  stage: Stage;
  count: number;
  expectedAmount: number;
}

export interface BoardColumn extends StageSummary {
  items: Prospect[];
}

export interface StageHistoryEntry {
  id: number;
  fromStage: Stage | null;
  toStage: Stage;
  note: string | null;
  expectedAmount: number | null;
  actorName: string | null;
  at: string;
}

export interface DevelopmentRecord {
  id: number;
  prospectId: number;
  customerId: number | null;
  customerArchiveNo: string | null;
  customerName: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  products: string | null;
  firstDealAmount: number | null;
  howWon: string | null;
  notes: string | null;
  instruction: string | null;
  instructionByName: string | null;
  instructionAt: string | null;
  ownerId: number;
  ownerName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RecordInput {
  customerName: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  products?: string | null;
  firstDealAmount?: number | null;
  howWon?: string | null;
  notes?: string | null;
  creditCode?: string | null;
  linkCustomerId?: number;
  confirmDuplicate?: boolean;
}

export type { DuplicateHit };

export interface ResearchPlan {
  id: number;
  title: string;
  goal: string | null;
  keyTargets: string | null;
  otherTargets: string | null;
  content: string | null;
  schedule: string | null;
  method: string | null;
  people: string | null;
  budget: number | null;
  notes: string | null;
  ownerId: number;
  ownerName: string | null;
  reportCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ResearchReport {
  id: number;
  planId: number;
  planTitle: string | null;
  title: string;
  background: string | null;
  purpose: string | null;
  method: string | null;
  departmentName: string | null;
  subjects: string | null;
  surveyPeriod: string | null;
  factors: string | null;
  priceTolerance: string | null;
  expectedServices: string | null;
  opinions: string | null;
  suggestions: string | null;
  ownerId: number;
  ownerName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanTarget {
  id?: number;
  prospectId: number | null;
  customerName: string;
  contactPhone?: string | null;
  prospectStage?: Stage | null;
  visitDate: string | null;
  visitContact: string | null;
  contactPosition: string | null;
  contactDepartment: string | null;
  appointment: string | null;
  category: string | null;
  notes: string | null;
}

export interface DevelopmentPlan {
  id: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  goal: string | null;
  schedule: string | null;
  supportNeeded: string | null;
  budget: number | null;
  status: PlanStatus;
  editable: boolean;
  ownerId: number;
  ownerName: string | null;
  departmentName: string | null;
  targetCount: number;
  targets?: PlanTarget[];
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgressFigures {
  newProspects: number;
  stageAdvances: number;
  won: number;
  wonAmount: number;
}

export interface ProgressAnswer {
  from: string;
  to: string;
  months: string[];
  newProspectsTarget: number;
  rows: (ProgressFigures & { ownerId: number; ownerName: string | null; month: string })[];
  totals: (ProgressFigures & { ownerId: number; ownerName: string | null })[];
}
