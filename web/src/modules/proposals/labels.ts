import type { ProposalStatus } from '../../api/contract/proposals';

export const PROPOSAL_STATUSES: ProposalStatus[] = ['draft', 'submitted', 'under_review', 'approved', 'rejected', 'implementing', 'implemented', 'rewarded'];
export const STATUS_COLOR: Record<ProposalStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  under_review: 'gold',
  approved: 'cyan',
  rejected: 'red',
  implementing: 'purple',
  implemented: 'geekblue',
  rewarded: 'green',
};
export const CRITERIA = ['economicBenefit', 'completeness', 'creativity', 'scope', 'researchTime', 'cost'] as const;
export const PROPOSAL_DOCUMENT_TYPE = 'proposal';
/** Fen as yuan with two decimals. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
