import type { WebModule } from '../app/module';
import { auditModule } from './admin/audit';
import { orgModule } from './admin/org';
import { settingsModule } from './admin/settings';
import { usersModule } from './admin/users';
import { approvalsModule } from './approvals';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { complaintsModule } from './complaints';
import { contractsModule } from './contracts';
import { creditModule } from './credit';
import { customersModule } from './customers';
import { developmentModule } from './development';
import { homeModule } from './home';
import { individualsModule } from './individuals';
import { maintenanceModule } from './maintenance';
import { membershipModule } from './membership';
import { surveysModule } from './surveys';
import { transactionsModule } from './transactions';
import { workflowModule } from './workflow';
import { evaluationsModule } from './evaluations';
import { receptionModule } from './reception';
import { gradingModule } from './grading';
import { cadenceModule } from './cadence';
import { analysisModule } from './analysis';
import { careModule } from './care';
import { dashboardsModule } from './dashboards';
import { visitsModule } from './visits';
import { poolModule } from './pool';
import { proposalsModule } from './proposals';
import { loyaltyModule } from './loyalty';
import { projectsModule } from './projects';
import { callcentreModule } from './callcentre';
import { archivesModule } from './archives';
import { kpiModule } from './kpi';

/**
 * Every web module, in order (the counterpart of server/modules/index.ts). Routes, the side menu and the i18next
 * catalogues are built from this list; a new module needs its folder and one line here.
 */
export const WEB_MODULES: readonly WebModule[] = [
  authModule,
  homeModule,
  approvalsModule,
  workflowModule,
  customersModule,
  individualsModule,
  contractsModule,
  transactionsModule,
  maintenanceModule,
  complaintsModule,
  surveysModule,
  developmentModule,
  usersModule,
  orgModule,
  settingsModule,
  auditModule,
  calendarModule,
  creditModule,
  evaluationsModule,
  membershipModule,
  receptionModule,
  gradingModule,
  visitsModule,
  poolModule,
  cadenceModule,
  analysisModule,
  proposalsModule,
  loyaltyModule,
  careModule,
  projectsModule,
  dashboardsModule,
  callcentreModule,
  archivesModule,
  kpiModule,
];
