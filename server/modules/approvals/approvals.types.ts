import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/permissions/actor';
import type { Role } from '../../platform/permissions/roles';

/**
 * The approval engine's contract (issue 4 §1, docs/regulations.md §18). Document modules (contracts,
 * maintenance plans, development plans, later complaints …) register a handler and call
 * submit/resubmit; the engine owns chains, steps, who may act, history, queues and notifications.
 */

/** Who decides a step. Resolved against the applicant when the step becomes current. */
export type ApproverSpec =
  /** Holders of a role; `department`: only those in the applicant's department. */
  | { kind: 'role'; role: Role; within: 'department' | 'company' }
  /** The supervisor of the applicant's team (teams.supervisor_id). */
  | { kind: 'supervisor' }
  /** The head of the applicant's department (departments.head_id). */
  | { kind: 'department_head' }
  /** A named approval group such as 经理办公会 (management_meeting): any one member, or all members. */
  | { kind: 'group'; group: string; mode: 'any' | 'all' };

/** A step applies only when its condition holds on the document's fields at submission. */
export interface StepCondition {
  field: string;
  op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
  value: string | number | boolean;
}

export interface ChainStep {
  /** Stable key within the chain, e.g. 'manager_review'. */
  key: string;
  name: { 'zh-CN': string; 'zh-TW': string; en: string };
  approver: ApproverSpec;
  /** All of these must hold (AND). */
  when?: StepCondition[];
  /** At least one of these must hold (OR), e.g. a contract above the signer's limit or beyond the term (§13). */
  whenAny?: StepCondition[];
}

export interface ChainDefinition {
  documentType: string;
  steps: ChainStep[];
}

/** What the engine needs to know about one document. */
export interface ApprovalDocument {
  applicantId: number;
  departmentId: number | null;
  teamId: number | null;
  /** Shown in queues and notifications (no personal data). */
  title: string;
  /** Values step conditions may test (e.g. { amount: 500000, exceedsLimit: true }). */
  fields: Record<string, string | number | boolean | null>;
  /** Web path of the document, e.g. /maintenance-plans/12. */
  link: string;
}

export type ApprovalOutcome = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';

export interface DocumentTypeHandler {
  /** e.g. 'contract', 'maintenance_plan', 'development_plan'. */
  type: string;
  label: { 'zh-CN': string; 'zh-TW': string; en: string };
  /** Loads the document inside the engine's transaction; undefined when it does not exist. */
  load(trx: Kysely<Database>, id: number): Promise<ApprovalDocument | undefined>;
  /**
   * Called in the same transaction whenever the request's outcome changes: 'pending' on submit and
   * resubmit, 'returned' when sent back to the applicant, and the final outcomes. The document module
   * updates its own status here (e.g. a contract becomes 生效 when 'approved').
   */
  onOutcome(trx: Kysely<Database>, id: number, outcome: ApprovalOutcome, ctx: RequestContext): Promise<void>;
  /** Labels of the document fields a chain's conditions may read (`ApprovalDocument.fields`), shown in the rule editor. */
  fieldLabels?: Record<string, { 'zh-CN': string; 'zh-TW': string; en: string }>;
  /** The chain used until an administrator saves one, when the regulations’ defaults (docs/regulations.md §18) have none for this type. */
  defaultChain?: ChainStep[];
  /**
   * Whether someone who sees the document (by the document's own data scope) may read its approval
   * history too, e.g. the specialists carrying out a maintenance plan. Without it only the applicant,
   * the approvers and those whose scope covers the applicant see a request.
   */
  canView?(db: Kysely<Database>, actor: Actor, id: number): Promise<boolean>;
}

export type ApprovalAction = 'approve' | 'reject' | 'return' | 'withdraw';

export interface ApprovalHistoryEntry {
  id: number;
  round: number;
  stepKey: string | null;
  stepName: string | null;
  action: 'submit' | 'resubmit' | ApprovalAction;
  actorId: number;
  actorName: string;
  comment: string | null;
  /** For 'return': the step it went back to, or null for the applicant. */
  returnedTo: string | null;
  at: string;
}

export interface ApprovalRequestView {
  id: number;
  documentType: string;
  documentId: number;
  /** The document type's name in the caller's language, e.g. 客户关系维护方案. */
  documentLabel?: string;
  title: string;
  link: string;
  applicantId: number;
  applicantName: string;
  status: ApprovalOutcome;
  chainVersion: number;
  /** The steps that apply to this document (conditions evaluated at submission), frozen for the request. */
  steps: { key: string; name: string; approverLabel: string; state: 'done' | 'current' | 'waiting' }[];
  currentStepKey: string | null;
  /** Users who may decide the current step (for 'all' groups: those who have not yet approved). */
  currentApprovers: { id: number; name: string }[];
  /** Whether the caller may act now, and how. */
  canAct: ApprovalAction[];
  history: ApprovalHistoryEntry[];
  submittedAt: string;
  decidedAt: string | null;
  /** The request's version: sent back with an action so that of two approvers acting at once only one wins (409). */
  version?: number;
}

export interface ApprovalService {
  registerType(handler: DocumentTypeHandler): void;
  /** Starts (or, after a return/withdrawal, restarts) approval of a document; the caller must be its applicant. */
  submit(trx: Kysely<Database>, ctx: RequestContext, documentType: string, documentId: number, comment?: string | null): Promise<ApprovalRequestView>;
  act(ctx: RequestContext, requestId: number, action: ApprovalAction, input: { comment?: string | null; toStepKey?: string | null; version?: number }): Promise<ApprovalRequestView>;
  /** The latest request of a document with its whole history (all rounds), or null if never submitted. */
  forDocument(ctx: RequestContext, documentType: string, documentId: number): Promise<ApprovalRequestView | null>;
  /** Who approved the latest request of a document in its current round, by name, inside the caller's transaction. */
  approversOf(trx: Kysely<Database>, documentType: string, documentId: number): Promise<string[]>;
  /** Items waiting for the caller's decision (the approver's queue and the to-do home page). */
  queue(ctx: RequestContext): Promise<ApprovalRequestView[]>;
}

// The approval engine owns the `approvalTypes` extension point: document modules contribute their handlers.
declare module '../../platform/modules/manifest' {
  interface ExtensionPoints {
    approvalTypes: DocumentTypeHandler;
  }
}
