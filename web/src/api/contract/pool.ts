/** The public pool 公海, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/pool/pool.schemas';

export type Pool = z.output<typeof s.poolOut>;
export type PoolEntry = z.output<typeof s.entryOut>;
export type PoolStatus = z.output<typeof s.statusOut>;
export type CustomerPool = z.output<typeof s.customerPoolOut>;
export type PoolCreated = z.output<typeof s.poolCreatedOut>;
