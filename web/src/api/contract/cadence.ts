/** Visit cadence 回访频率: the compliance view and a customer's cadence, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/cadence/cadence.schemas';

export type Compliance = z.output<typeof s.complianceOut>;
export type CadenceCustomer = z.output<typeof s.cadenceCustomerOut>;
export type CadenceMember = z.output<typeof s.cadenceMemberOut>;
export type CustomerCadence = z.output<typeof s.customerCadenceOut>;
export type CadenceRun = z.output<typeof s.runOut>;
