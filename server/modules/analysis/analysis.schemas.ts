import { z } from 'zod';
import { dateString } from '../../platform/http/schemas';
import { COMPARISONS, PERIODS } from './analysis.rules';

export const ANALYSIS_TABLES = ['growth', 'regions', 'sales', 'structure', 'acard', 'ccard'] as const;
/** A卡 dimensions the prospects do not record (docs/regulations.md §16): shown as unavailable, never estimated. */
export const ACARD_UNAVAILABLE = ['product', 'region', 'purchaseType'] as const;
/** Filters that do not apply to prospects (they have no region, industry or grade). */
export const ACARD_IGNORED = ['province', 'city', 'industry', 'grade'] as const;

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

const prospectRow = z.object({ key: z.string(), name: z.string().nullable(), count: z.number(), converted: z.number(), lost: z.number(), conversionRate: z.number().nullable() });
export const acardOut = z.object({
  period: span,
  totals: prospectRow.omit({ key: true, name: true }),
  bySource: z.array(prospectRow), // key: the channel code
  bySalesperson: z.array(prospectRow), // key: the owner's user id
  byMonth: z.array(prospectRow), // key: YYYY-MM, every month of the period
  unavailable: z.array(z.enum(ACARD_UNAVAILABLE)),
  ignoredFilters: z.array(z.enum(ACARD_IGNORED)),
});

const shareRow = z.object({ key: z.string().nullable(), count: z.number(), share: z.number() });
export const ccardOut = z.object({
  period: span,
  total: z.number(),
  byType: z.array(shareRow), // key: the archive status (the archive has no other customer type)
  byRegion: z.array(shareRow), // key: province, null when not given
  byIndustry: z.array(shareRow),
  byProduct: z.object({ rows: z.array(shareRow), buyers: z.number(), noPurchase: z.number() }), // share: of all customers
  byLoyalty: z.object({ window: z.object({ from: z.string(), to: z.string() }), rows: z.array(shareRow), unscored: z.number() }), // key: segment
});
