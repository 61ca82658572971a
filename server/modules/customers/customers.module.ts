import type { Role } from '../../platform/permissions/roles';
import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import { createAttachmentService } from './attachments.service';
import { CUSTOMER_MESSAGES } from './customers.messages';
import { createMergeService } from './customers.merge';
import { customerRoutes } from './customers.routes';
import { createCustomerService } from './customers.service';
import { CUSTOMER_SETTING_GROUPS, CUSTOMER_SETTINGS } from './customers.settings';
import { customerImportRoutes } from './import/import.routes';
import { customerArchive20261123 } from './migrations/20261123_02_customer_archive';
import { customerAttachmentsMerges20261123 } from './migrations/20261123_03_customer_attachments_merges';
import { customerImports20261123 } from './migrations/20261123_04_customer_imports';
import { customerIndexes20261123 } from './migrations/20261123_05_customer_indexes';
import { customerDirectory20261207 } from './migrations/20261207_96_customer_directory';
import { customerGrade20261208 } from './migrations/20261208_10_customer_grade';
import { customerDirectoryRegions20261210 } from './migrations/20261210_30_customer_directory_regions';
import { contactBirthdayCalendar20261210 } from './migrations/20261210_50_contact_birthday_calendar';
import { customerSearchReadings20261210 } from './migrations/20261210_70_customer_search_readings';
import { customerTeamListIndex20261212 } from './migrations/20261212_50_customer_team_list_index';
import { retiredArchiveSettings20261211 } from './migrations/20261211_70_retired_archive_settings';
import { industryLabels20261212 } from './migrations/20261212_20_10_industry_labels';
import { INDUSTRY_LIST_LABEL, customerAuditTypes } from './customers.audit';
import { customerFixedPhoneNotes20261212 } from './migrations/20261212_60_customer_fixed_phone_notes';
import './customers.tables';

// Everyone who works with customers reads the archive within their scope (docs/regulations.md §1, §2);
// specialists enter ≥ 20 new customers a week, so they import and export their own, masked.
const readers: Role[] = ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'];
const workers: Role[] = ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent'];
const leads: Role[] = ['director', 'manager', 'supervisor'];

function build(ctx: BuildContext) {
  const customers = createCustomerService({ db: ctx.db, kind: ctx.kind, audit: ctx.audit, clock: ctx.clock });
  const merge = createMergeService({ db: ctx.db, kind: ctx.kind, audit: ctx.audit, customers });
  const attachments = createAttachmentService({ db: ctx.db, audit: ctx.audit, settings: ctx.settings, clock: ctx.clock, dataDir: ctx.dataDir });
  return { customers, merge, attachments };
}
export type CustomerServices = ReturnType<typeof build>;

/** The customer archive 客户档案: companies, contacts, attachments, merges, import and export. */
export const customersModule = defineModule({
  name: 'customers',
  migrations: (kind) => [customerArchive20261123(kind), customerAttachmentsMerges20261123(kind), customerImports20261123(kind), customerIndexes20261123(kind), customerDirectory20261207(kind), customerGrade20261208(kind), customerDirectoryRegions20261210(kind), contactBirthdayCalendar20261210(kind), customerSearchReadings20261210(kind), retiredArchiveSettings20261211(kind), industryLabels20261212(kind), customerTeamListIndex20261212(kind), customerFixedPhoneNotes20261212(kind)],
  resources: {
    customer: { table: 'customers', id: 'customers.id', owner: 'customers.owner_id', team: 'customers.team_id', department: 'customers.department_id', widerFor: { finance: 'all' } },
  },
  capabilities: {
    'customers.read': readers, // the record (finance: for billing — name, tax and bank fields)
    'customers.archive': workers.concat('qa'), // contacts, attachments and the change history; not finance (docs/regulations.md §1)
    'customers.create': workers,
    'customers.update': workers,
    'customers.transfer': leads, // change the responsible person, one by one or in bulk
    'customers.reveal': leads, // show one unmasked phone / account on the detail page, audit-logged
    'customers.merge': ['director', 'manager'], // merge two records of the same customer (查重)
    'customers.import': workers,
    'customers.export': workers, // masked
    'customers.export_unmasked': ['director'], // phones and bank accounts in clear, audit-logged
  },
  settingGroups: CUSTOMER_SETTING_GROUPS,
  settings: CUSTOMER_SETTINGS,
  messages: CUSTOMER_MESSAGES,
  auditTypes: customerAuditTypes,
  referenceLists: { industries: INDUSTRY_LIST_LABEL },
  build,
  routes: async (app, s, ctx) => {
    await customerRoutes(app, { ...s, settings: ctx.settings });
    await customerImportRoutes(app, { db: ctx.database, clock: ctx.clock, customers: s.customers, audit: ctx.audit });
  },
  contributes: {
    // Contacts, attachments, earlier merges and the search row are moved by the merge itself.
    customerMerge: () => [{ columns: ['customer_contacts.customer_id', 'customer_attachments.customer_id', 'customer_merges.survivor_id', 'customer_search.customer_id'] }],
  },
  collects: {
    customerMerge: (s, behaviours) => {
      for (const b of behaviours) if (b.move) s.merge.onMerge(b.move);
    },
    attachmentAccess: (s, guards) => {
      for (const g of guards) s.attachments.guardDownloads(g);
    },
    customerImportLedger: (s, ledgers) => {
      for (const l of ledgers) s.customers.setImportLedger(l);
    },
    customerChanged: (s, listeners) => {
      for (const l of listeners) s.customers.onChange(l);
    },
  },
});
