/** Members, the points ledger and tiers, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/membership/membership.schemas';

export type Member = z.output<typeof s.memberOut>;
export type MemberDetail = z.output<typeof s.memberDetailOut>;
export type LedgerEntry = z.output<typeof s.ledgerEntryOut>;
export type TierChange = z.output<typeof s.tierChangeOut>;
export type TierDistribution = z.output<typeof s.distributionOut>;
export type MembershipRules = z.output<typeof s.rulesOut>;
export type CustomerMembership = z.output<typeof s.customerMembershipOut>;
