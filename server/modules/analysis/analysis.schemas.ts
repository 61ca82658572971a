import { z } from 'zod';
import { dateString } from '../../platform/http/schemas';
import { COMPARISONS, PERIODS } from './analysis.rules';

export const ANALYSIS_TABLES = ['growth', 'regions', 'sales', 'structure'] as const;

const day = dateString;
const optionalText = z.string().trim().min(1).max(60).optional();
const optionalId = z.coerce.number().int().positive().optional();

/** The filters every table takes (docs/regulations.md §16); the caller's data scope always applies on top. */
export const analysisQuery = z
  .object({
    period: z.enum(PERIODS).default('month'),
    date: day.optional(), // any day inside the period; today when absent
    compare: z.enum(COMPARISONS).default('previous'),
    teamId: optionalId,
    ownerId: optionalId,
    province: optionalText,
    city: optionalText,
    industry: optionalText,
    grade: optionalText,
    top: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export type AnalysisQuery = z.infer<typeof analysisQuery>;

export const tableParams = z.object({ table: z.enum(ANALYSIS_TABLES) });

const span = z.object({ from: z.string(), to: z.string(), label: z.string() });
const growthRow = z.object({
  span,
  previous: z.number(),
  added: z.number(),
  removed: z.number(),
  current: z.number(),
  growth: z.number(),
  oldSalesCents: z.number(),
  newSalesCents: z.number(),
  salesCents: z.number(),
  comparedSalesCents: z.number(),
});

export const growthOut = z.object({ period: span, compared: span, rows: z.array(growthRow) });
export const regionsOut = z.object({
  period: span,
  rows: z.array(z.object({ province: z.string().nullable(), city: z.string().nullable(), customers: z.number(), customerShare: z.number(), salesCents: z.number(), salesShare: z.number() })),
  totals: z.object({ customers: z.number(), salesCents: z.number() }),
});
export const salesOut = z.object({
  period: span,
  products: z.array(z.object({ product: z.string().nullable(), totalCents: z.number() })), // null: 其他 (the rest)
  rows: z.array(z.object({ customerId: z.number().nullable(), name: z.string().nullable(), cells: z.array(z.number()), totalCents: z.number() })),
  totalCents: z.number(),
});
export const structureOut = z.object({
  period: span,
  rows: z.array(z.object({ product: z.string(), salesCents: z.number(), share: z.number(), customers: z.number() })),
  totalCents: z.number(),
});
