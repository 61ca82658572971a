import type { DialectKind } from '../database';
import { platform20261123 } from './20261123_01_platform';
import { customerArchive20261123 } from './20261123_02_customer_archive';
import { customerAttachmentsMerges20261123 } from './20261123_03_customer_attachments_merges';
import { customerImports20261123 } from './20261123_04_customer_imports';
import { customerIndexes20261123 } from './20261123_05_customer_indexes';
import { individualCustomers20261123 } from './20261123_06_individual_customers';
import { approvals20261124 } from './20261124_10_approvals';
import { development20261124 } from './20261124_40_development';
import { maintenancePlans20261124 } from './20261124_50_maintenance_plans';
import { workflow20261124 } from './20261124_20_workflow';
import { contracts20261124 } from './20261124_30_contracts';
import { surveys20261124 } from './20261124_70_surveys';
import { surveySeedTemplates20261124 } from './20261124_71_survey_seed_templates';
import { complaints20261124 } from './20261124_60_complaints';
import type { NamedMigration } from './helpers';

/** Append-only: add new migrations at the end, never edit an applied one. */
export function migrations(kind: DialectKind): NamedMigration[] {
  return [platform20261123(kind), customerArchive20261123(kind), customerAttachmentsMerges20261123(kind), customerImports20261123(kind), customerIndexes20261123(kind), individualCustomers20261123(kind), development20261124(kind), approvals20261124(kind), maintenancePlans20261124(kind), workflow20261124(kind), contracts20261124(kind), surveys20261124(kind), surveySeedTemplates20261124(kind), complaints20261124(kind)];
}
