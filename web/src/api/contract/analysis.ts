/** The seeds' analysis tables (docs/regulations.md §16), inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/analysis/analysis.schemas';

export type AnalysisTableName = (typeof s.ANALYSIS_TABLES)[number];
export type GrowthAnalysis = z.output<typeof s.growthOut>;
export type RegionAnalysis = z.output<typeof s.regionsOut>;
export type SalesAnalysis = z.output<typeof s.salesOut>;
export type StructureAnalysis = z.output<typeof s.structureOut>;
export type ACardAnalysis = z.output<typeof s.acardOut>;
export type CCardAnalysis = z.output<typeof s.ccardOut>;
