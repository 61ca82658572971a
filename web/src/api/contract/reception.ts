/** Reception, tours and banquets, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/reception/reception.schemas';

export type ReceptionVisit = z.output<typeof s.visitOut>;
export type ReceptionRecord = z.output<typeof s.recordOut>;
export type Tour = z.output<typeof s.tourOut>;
export type Banquet = z.output<typeof s.banquetOut>;
export type ThankYouLetter = z.output<typeof s.thankYouOut>;
