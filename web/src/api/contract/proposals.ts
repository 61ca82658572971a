/** Proposals 提案, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/proposals/proposals.schemas';

export type Proposal = z.output<typeof s.proposalOut>;
export type ProposalDetail = z.output<typeof s.proposalDetailOut>;
export type ProposalWeights = z.output<typeof s.weightsOut>;
export type ProposalStatus = Proposal['status'];
export type ProposalScores = ProposalDetail['reviews'][number]['scores'];
