import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { CustomerServices } from '../customers/customers.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { archivesDemo } from './archives.demo';
import { startArchiveJobs } from './archives.jobs';
import { ARCHIVE_MESSAGES } from './archives.messages';
import { archiveRoutes } from './archives.routes';
import { createArchiveService } from './archives.service';
import { ARCHIVE_SETTING_GROUPS, ARCHIVE_SETTINGS, archiveSettingsCheck } from './archives.settings';
import { archives20261211 } from './migrations/20261211_50_archives';
import './archives.tables';

function build(ctx: BuildContext) {
  const { approvals } = ctx.use<ApprovalServices>('approvals');
  const { attachments } = ctx.use<CustomerServices>('customers');
  const { notifications } = ctx.use<WorkflowServices>('workflow');
  return { archives: createArchiveService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, approvals, attachments, notifications }) };
}
export type ArchiveServices = ReturnType<typeof build>;

/** Confidential material and lending 档案借阅 (docs/regulations.md §1, §2): levels, correspondence, loans, approved downloads. */
export const archivesModule = defineModule({
  name: 'archives',
  dependsOn: ['customers', 'workflow', 'approvals'],
  migrations: (kind) => [archives20261211(kind)],
  capabilities: {
    'archives.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent', 'qa'], // within the customer's scope; ask for a confidential download
    'archives.file': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent'], // file correspondence
    'archives.keep': ['manager', 'supervisor'], // the archive keeper: levels, loans and returns, overdue notices
  },
  settingGroups: ARCHIVE_SETTING_GROUPS,
  settings: ARCHIVE_SETTINGS,
  settingsCheck: archiveSettingsCheck,
  messages: ARCHIVE_MESSAGES,
  build,
  demo: (s, ctx, demo) => archivesDemo(s.archives, ctx.use<CustomerServices>('customers').attachments, demo),
  routes: (app, s, ctx) => archiveRoutes(app, { archives: s.archives, settings: ctx.settings, clock: ctx.clock }),
  jobs: (s, ctx) => startArchiveJobs({ archives: s.archives, leases: ctx.leases }, ctx.log),
  contributes: {
    approvalTypes: (s) => [s.archives.handler],
    attachmentAccess: (s) => [s.archives.guard],
    customerMerge: (s) => [
      {
        columns: ['archive_levels.customer_id', 'archive_correspondence.customer_id', 'archive_loans.customer_id', 'archive_download_requests.customer_id'],
        move: (db, fromId, toId) => s.archives.moveCustomer(db, fromId, toId),
      },
    ],
  },
});
