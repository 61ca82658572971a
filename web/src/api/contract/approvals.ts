/** Approval engine answers, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/approvals/approvals.schemas';

type Out<T extends z.ZodType> = z.output<T>;

export type ApprovalRequest = Out<typeof s.requestOut>;
export type ApprovalStatus = ApprovalRequest['status'];
export type ApprovalActionKind = ApprovalRequest['canAct'][number];
export type ApprovalHistoryEntry = ApprovalRequest['history'][number];
export type HistoryAction = ApprovalHistoryEntry['action'];

export type ChainStep = Out<typeof s.chainStep>;
export type LocalisedName = ChainStep['name'];
export type ApproverSpec = ChainStep['approver'];
export type StepCondition = Out<typeof s.stepCondition>;
export type ConditionOp = StepCondition['op'];
export type Chain = Out<typeof s.chainOut>;
export type ChainVersion = Chain['versions'][number];
export type ApprovalGroup = Out<typeof s.groupOut>;
export type ActionBody = z.input<typeof s.actionBody>;
export type GroupInput = Partial<z.input<typeof s.groupCreate>>;
