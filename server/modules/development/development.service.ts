import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditService } from '../../platform/audit/audit.service';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Actor } from '../../platform/permissions/actor';
import type { Clock } from '../../platform/time';
import type { ApprovalService } from '../approvals/approvals.types';
import type { CustomerService } from '../customers/customers.service';
import { developmentQueries } from './development.queries';
import { createPlanService } from './plans.service';
import { createProgressService } from './progress.service';
import { createProspectService } from './prospects.service';
import { createRecordService } from './records.service';
import { createResearchService } from './research.service';

/**
 * Customer development (docs/regulations.md §6): prospects and their pipeline, research, development plans
 * (registered with the approval engine as 'development_plan'), development records and monthly progress.
 */
export function createDevelopmentService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  customers: CustomerService;
  approvals: ApprovalService;
}) {
  const { db, audit, clock, settings, customers, approvals } = deps;
  return {
    prospects: createProspectService({ db, audit, clock }),
    records: createRecordService({ db, audit, clock, customers }),
    research: createResearchService({ db, audit, clock }),
    plans: createPlanService({ db, audit, clock, approvals }),
    progress: createProgressService({ db, clock, settings }),
    /** For the A卡 table (docs/regulations.md §16): prospects entered in a span, counted per owner, channel and month. */
    prospectCard: (actor: Actor, f: Parameters<typeof developmentQueries.prospectCard>[2]) => developmentQueries.prospectCard(db, actor, f),
  };
}
export type DevelopmentService = ReturnType<typeof createDevelopmentService>;
