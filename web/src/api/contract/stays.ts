/** Guest stays and the meeting rule, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/stays/stays.schemas';

export type Stay = z.output<typeof s.stayOut>;
export type StayInput = z.input<typeof s.stayBody>;
