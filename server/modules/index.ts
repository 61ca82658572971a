import { approvalsModule } from './approvals/approvals.module';
import { complaintsModule } from './complaints/complaints.module';
import { contractsModule } from './contracts/contracts.module';
import { creditModule } from './credit/credit.module';
import { customersModule } from './customers/customers.module';
import { developmentModule } from './development/development.module';
import { individualsModule } from './individuals/individuals.module';
import { membershipModule } from './membership/membership.module';
import { maintenanceModule } from './maintenance/maintenance.module';
import { orgModule } from './org/org.module';
import { surveysModule } from './surveys/surveys.module';
import { transactionsModule } from './transactions/transactions.module';
import { workflowModule } from './workflow/workflow.module';
import { evaluationsModule } from './evaluations/evaluations.module';
import { receptionModule } from './reception/reception.module';
import { gradingModule } from './grading/grading.module';
import { visitsModule } from './visits/visits.module';
import { poolModule } from './pool/pool.module';
import { cadenceModule } from './cadence/cadence.module';
import { analysisModule } from './analysis/analysis.module';
import { staysModule } from './stays/stays.module';
import { proposalsModule } from './proposals/proposals.module';
import { loyaltyModule } from './loyalty/loyalty.module';
import { careModule } from './care/care.module';
import { projectsModule } from './projects/projects.module';
import { dashboardsModule } from './dashboards/dashboards.module';
import { callcentreModule } from './callcentre/callcentre.module';
import { archivesModule } from './archives/archives.module';
import { kpiModule } from './kpi/kpi.module';

/**
 * The one list of business modules, in dependency order (a module comes after those it uses).
 * Adding a module = its folder under server/modules/ + one line here (docs/architecture.md).
 */
export const MODULES = [
  orgModule,
  customersModule,
  individualsModule,
  workflowModule,
  approvalsModule,
  contractsModule,
  transactionsModule,
  developmentModule,
  maintenanceModule,
  surveysModule,
  complaintsModule,
  creditModule,
  evaluationsModule,
  membershipModule,
  receptionModule,
  gradingModule,
  careModule,
  visitsModule,
  poolModule,
  staysModule,
  cadenceModule,
  proposalsModule,
  loyaltyModule,
  analysisModule,
  projectsModule,
  dashboardsModule,
  callcentreModule,
  archivesModule,
  kpiModule,
] as const;
