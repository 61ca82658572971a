import type { RoleId } from '../../api/types';

/** Shapes of the approval engine's answers (server/modules/approvals/approvals.schemas.ts). */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
export type ApprovalActionKind = 'approve' | 'reject' | 'return' | 'withdraw';
export type HistoryAction = 'submit' | 'resubmit' | ApprovalActionKind;

export interface ApprovalHistoryEntry {
  id: number;
  round: number;
  stepKey: string | null;
  stepName: string | null;
  action: HistoryAction;
  actorId: number;
  actorName: string;
  comment: string | null;
  returnedTo: string | null;
  at: string;
}

export interface ApprovalRequest {
  id: number;
  documentType: string;
  documentId: number;
  documentLabel?: string;
  title: string;
  link: string;
  applicantId: number;
  applicantName: string;
  status: ApprovalStatus;
  chainVersion: number;
  steps: { key: string; name: string; approverLabel: string; state: 'done' | 'current' | 'waiting' }[];
  currentStepKey: string | null;
  currentApprovers: { id: number; name: string }[];
  canAct: ApprovalActionKind[];
  history: ApprovalHistoryEntry[];
  submittedAt: string;
  decidedAt: string | null;
  version?: number;
}

export type LocalisedName = { 'zh-CN': string; 'zh-TW': string; en: string };

export type ApproverSpec =
  | { kind: 'role'; role: RoleId; within: 'department' | 'company' }
  | { kind: 'supervisor' }
  | { kind: 'department_head' }
  | { kind: 'group'; group: string; mode: 'any' | 'all' };

export type ConditionOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
export interface StepCondition {
  field: string;
  op: ConditionOp;
  value: string | number | boolean;
}

export interface ChainStep {
  key: string;
  name: LocalisedName;
  approver: ApproverSpec;
  when?: StepCondition[];
  whenAny?: StepCondition[];
}

export interface ChainVersion {
  version: number;
  steps: ChainStep[];
  createdAt: string | null;
  createdByName: string | null;
  builtIn: boolean;
}

export interface Chain {
  documentType: string;
  label: string;
  currentVersion: number;
  versions: ChainVersion[];
}

export interface ApprovalGroup {
  id: number;
  key: string;
  name: string;
  version: number;
  members: { id: number; name: string; active: boolean }[];
}
