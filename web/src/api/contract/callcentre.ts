/** The call centre, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/callcentre/callcentre.schemas';

export type Call = z.output<typeof s.callOut>;
export type QaScore = z.output<typeof s.scoreOut>;
export type CallListLine = z.output<typeof s.listItemOut>;
export type CallList = z.output<typeof s.listOut>;
export interface QaSampleAgent {
  agentId: number;
  agentName: string | null;
  calls: number;
  sample: Call[];
}
export interface QaReport {
  month: string;
  agents: { agentId: number; agentName: string | null; calls: number; complete: number; completePct: number | null; scored: number; average: number | null; disputes: number; upheld: number }[];
  targets: Record<'recordsComplete' | 'complaintsInTime', { target: number; actual: number | null; count: number; of: number }>;
}
