import { z } from 'zod';

const asOf = z.string().nullable(); // the nightly run's instant; null when computed live
const month = z.string();

export const pageOut = z.object({
  scope: z.string(),
  from: z.string(),
  to: z.string(),
  gradeRegion: z.array(z.object({ grade: z.string().nullable(), province: z.string().nullable(), customers: z.number() })),
  gradeRegionAsOf: asOf,
  salesTrend: z.object({ asOf, months: z.array(z.object({ month, cents: z.number() })) }),
  topCustomers: z.object({ asOf, rows: z.array(z.object({ id: z.number(), name: z.string(), cents: z.number() })) }),
  cadence: z.object({ asOf, inTime: z.number(), due: z.number(), overdue: z.number(), total: z.number(), rate: z.number().nullable() }),
  complaints: z.object({ received: z.number(), resolved: z.number(), inTime: z.number(), inTimeRate: z.number().nullable() }),
  satisfaction: z.object({ responses: z.number(), index: z.number().nullable() }),
  pool: z.array(z.object({ month, released: z.number(), claimed: z.number() })),
});

export const refreshOut = z.object({ computedAt: z.string() });
