/** Contract answers, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/contracts/contracts.schemas';

type Out<T extends z.ZodType> = z.output<T>;

export type Contract = Out<typeof s.contractOut>;
export type ContractStatus = Contract['status'];
/** The currencies a contract may be written in (the answer carries the stored code as text). */
export type Currency = NonNullable<ContractInput['currency']>;
export type ContractAuthority = Out<typeof s.authorityOut>;
export type ContractDetail = Out<typeof s.contractDetailOut>;
export type ContractSigner = Out<typeof s.signersOut>['items'][number];
/** The editable fields (POST body; PUT sends the changed ones plus `version`). */
export type ContractInput = Partial<z.input<typeof s.createBody>>;
/** A group stay or an order; from the size line on it names its contract (docs/regulations.md §13). */
export type ContractBooking = Out<typeof s.bookingOut>;
export type BookingInput = z.input<typeof s.bookingBody>;
export type BusinessType = ContractBooking['businessType'];
export type ContractCapacities = Out<typeof s.capacitiesOut>;
export type ContractPrint = { contract: ContractDetail; approval: import('./approvals').ApprovalRequest | null };
