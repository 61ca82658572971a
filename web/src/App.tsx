import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useParams } from 'react-router-dom';
import type { Lang } from './api/types';
import { AppLayout } from './app/AppLayout';
import { createQueryClient } from './app/queryClient';
import { RequireAuth, RequireCapability } from './app/RequireAuth';
import { SessionEffects } from './app/SessionEffects';
import { useMediaQuery } from './app/useIsMobile';
import { FullPageSpin, NotFound } from './components/status';
import { currentLang } from './i18n';
import { ChangePasswordPage } from './modules/auth/ChangePasswordPage';
import { LoginPage } from './modules/auth/LoginPage';
import { HomePage } from './modules/home/HomePage';

// Administration pages load on demand: most users never open them.
const UsersPage = lazy(() => import('./modules/admin/users/UsersPage'));
const OrgPage = lazy(() => import('./modules/admin/org/OrgPage'));
const SettingsPage = lazy(() => import('./modules/admin/settings/SettingsPage'));
const AuditPage = lazy(() => import('./modules/admin/audit/AuditPage'));
const CalendarPage = lazy(() => import('./modules/calendar/CalendarPage'));
const CustomersPage = lazy(() => import('./modules/customers/CustomersPage'));
const CustomerDetailPage = lazy(() => import('./modules/customers/CustomerDetailPage'));
const CustomerFormPage = lazy(() => import('./modules/customers/CustomerFormPage'));
const CustomerImportPage = lazy(() => import('./modules/customers/CustomerImportPage'));
const IndividualsPage = lazy(() => import('./modules/individuals/IndividualsPage'));
const ProspectsPage = lazy(() => import('./modules/development/ProspectsPage'));
const ProspectDetailPage = lazy(() => import('./modules/development/ProspectDetailPage'));
const ResearchPage = lazy(() => import('./modules/development/ResearchPage'));
const DevelopmentPlansPage = lazy(() => import('./modules/development/PlansPage'));
const DevelopmentPlanPage = lazy(() => import('./modules/development/PlanPage'));
const DevelopmentPlanPrintPage = lazy(() => import('./modules/development/PlanPrintPage'));
const DevelopmentRecordsPage = lazy(() => import('./modules/development/RecordsPage'));
const DevelopmentProgressPage = lazy(() => import('./modules/development/ProgressPage'));
const ApprovalsQueuePage = lazy(() => import('./modules/approvals/ApprovalsQueuePage'));
const ApprovalSettingsPage = lazy(() => import('./modules/approvals/ApprovalSettingsPage'));
const TasksPage = lazy(() => import('./modules/workflow/TasksPage'));
const TaskDetailPage = lazy(() => import('./modules/workflow/TaskDetailPage'));
const NotificationsPage = lazy(() => import('./modules/workflow/NotificationsPage'));
const ContractsPage = lazy(() => import('./modules/contracts/ContractsPage'));
const ContractDetailPage = lazy(() => import('./modules/contracts/ContractDetailPage'));
const ContractFormPage = lazy(() => import('./modules/contracts/ContractFormPage'));
const MaintenancePlansPage = lazy(() => import('./modules/maintenance/MaintenancePlansPage'));
const MaintenancePlanPage = lazy(() => import('./modules/maintenance/PlanDetailPage'));
const MaintenancePlanFormPage = lazy(() => import('./modules/maintenance/PlanFormPage'));
const MaintenancePlanPrintPage = lazy(() => import('./modules/maintenance/PlanPrintPage'));
const SurveysPage = lazy(() => import('./modules/surveys/SurveysPage'));
const SurveyTemplatePage = lazy(() => import('./modules/surveys/TemplatePage'));
const SurveyCampaignPage = lazy(() => import('./modules/surveys/CampaignPage'));
const SurveyCampaignFormPage = lazy(() => import('./modules/surveys/CampaignFormPage'));
const SurveyPlanPage = lazy(() => import('./modules/surveys/ImprovementPlanPage'));
const NewSurveyPlanPage = lazy(() => import('./modules/surveys/ImprovementPlanPage').then((m) => ({ default: m.NewImprovementPlanPage })));
const PublicSurveyPage = lazy(() => import('./modules/surveys/PublicSurveyPage'));
const ComplaintsPage = lazy(() => import('./modules/complaints/ComplaintsPage'));
const ComplaintFormPage = lazy(() => import('./modules/complaints/ComplaintFormPage'));
const ComplaintDetailPage = lazy(() => import('./modules/complaints/ComplaintDetailPage'));
const ComplaintPrintPage = lazy(() => import('./modules/complaints/ComplaintPrintPage'));
const ComplaintAnalysisPage = lazy(() => import('./modules/complaints/AnalysisPage'));
const RectificationsPage = lazy(() => import('./modules/complaints/RectificationsPage'));
const PublicComplaintPage = lazy(() => import('./modules/complaints/PublicComplaintPage'));

function CustomerFormPageForId() {
  const { id } = useParams();
  return <CustomerFormPage key={id} />;
}

const ANTD_LOCALES: Record<Lang, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Re-renders on every language change, so antd's own texts switch together with ours.
  useTranslation();
  const lang = currentLang();
  // Honour the system setting "reduce motion": antd then skips its open/close animations.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');

  return (
    <ConfigProvider
      locale={ANTD_LOCALES[lang]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !reducedMotion } }}
      // antd would render 登录 as "登 录": keep button texts exactly as written (and findable by their name)
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionEffects />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* The customer's personal questionnaire link: no sign-in (issue 5 point 9). */}
              <Route
                path="/public/survey/:token"
                element={
                  <Suspense fallback={<FullPageSpin />}>
                    <PublicSurveyPage />
                  </Suspense>
                }
              />
              {/* Customers file a complaint and follow it without an account (issue 5 point 1). */}
              <Route
                path="/public/complaint"
                element={
                  <Suspense fallback={<FullPageSpin />}>
                    <PublicComplaintPage />
                  </Suspense>
                }
              />
              <Route
                path="/complaints/:id/print"
                element={
                  <RequireAuth>
                    <RequireCapability capability="complaints.read">
                      <Suspense fallback={<FullPageSpin />}>
                        <ComplaintPrintPage />
                      </Suspense>
                    </RequireCapability>
                  </RequireAuth>
                }
              />
              {/* A4 print view outside the app's frame: only the document prints (issue 4 §8). Readable by its approvers too, so no capability. */}
              <Route
                path="/development/plans/:id/print"
                element={
                  <RequireAuth>
                    <Suspense fallback={<FullPageSpin />}>
                      <DevelopmentPlanPrintPage />
                    </Suspense>
                  </RequireAuth>
                }
              />
              <Route
                path="/maintenance-plans/:id/print"
                element={
                  <RequireAuth>
                    <RequireCapability capability="maintenance.read">
                      <Suspense fallback={<FullPageSpin />}>
                        <MaintenancePlanPrintPage />
                      </Suspense>
                    </RequireCapability>
                  </RequireAuth>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="account/password" element={<ChangePasswordPage />} />
                <Route path="approvals" element={<ApprovalsQueuePage />} />
                <Route path="tasks" element={<TasksPage />} />
                <Route path="tasks/:id" element={<TaskDetailPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route
                  path="customers"
                  element={
                    <RequireCapability capability="customers.read">
                      <CustomersPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/new"
                  element={
                    <RequireCapability capability="customers.create">
                      <CustomerFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/import"
                  element={
                    <RequireCapability capability="customers.import">
                      <CustomerImportPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/:id"
                  element={
                    <RequireCapability capability="customers.read">
                      <CustomerDetailPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/:id/edit"
                  element={
                    <RequireCapability capability="customers.update">
                      {/* keyed by id: moving from one customer's form to another's starts a fresh form */}
                      <CustomerFormPageForId />
                    </RequireCapability>
                  }
                />
                <Route
                  path="individuals"
                  element={
                    <RequireCapability capability="customers.read">
                      <IndividualsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="maintenance-plans"
                  element={
                    <RequireCapability capability="maintenance.read">
                      <MaintenancePlansPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="maintenance-plans/new"
                  element={
                    <RequireCapability capability="maintenance.manage">
                      <MaintenancePlanFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="maintenance-plans/:id"
                  element={
                    <RequireCapability capability="maintenance.read">
                      <MaintenancePlanPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="maintenance-plans/:id/edit"
                  element={
                    <RequireCapability capability="maintenance.manage">
                      <MaintenancePlanFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="complaints"
                  element={
                    <RequireCapability capability="complaints.read">
                      <ComplaintsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="complaints/new"
                  element={
                    <RequireCapability capability="complaints.intake">
                      <ComplaintFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="complaints/analysis"
                  element={
                    <RequireCapability capability="complaints.analyse">
                      <ComplaintAnalysisPage />
                    </RequireCapability>
                  }
                />
                {/* Rectification notices reach people of the department at fault whatever their capabilities. */}
                <Route path="complaints/rectifications" element={<RectificationsPage />} />
                <Route
                  path="complaints/:id"
                  element={
                    <RequireCapability capability="complaints.read">
                      <ComplaintDetailPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys"
                  element={
                    <RequireCapability capability="surveys.read">
                      <SurveysPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/templates/new"
                  element={
                    <RequireCapability capability="surveys.manage">
                      <SurveyTemplatePage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/templates/:id"
                  element={
                    <RequireCapability capability="surveys.read">
                      <SurveyTemplatePage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/campaigns/new"
                  element={
                    <RequireCapability capability="surveys.manage">
                      <SurveyCampaignFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/campaigns/:id"
                  element={
                    <RequireCapability capability="surveys.read">
                      <SurveyCampaignPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/campaigns/:id/edit"
                  element={
                    <RequireCapability capability="surveys.manage">
                      <SurveyCampaignFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/campaigns/:campaignId/improvement-plans/new"
                  element={
                    <RequireCapability capability="surveys.manage">
                      <NewSurveyPlanPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="surveys/improvement-plans/:id"
                  element={
                    <RequireCapability capability="surveys.read">
                      <SurveyPlanPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="contracts"
                  element={
                    <RequireCapability capability="contracts.read">
                      <ContractsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="contracts/new"
                  element={
                    <RequireCapability capability="contracts.manage">
                      <ContractFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="contracts/:id"
                  element={
                    <RequireCapability capability="contracts.read">
                      <ContractDetailPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="contracts/:id/edit"
                  element={
                    <RequireCapability capability="contracts.manage">
                      <ContractFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/prospects"
                  element={
                    <RequireCapability capability="development.read">
                      <ProspectsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/prospects/:id"
                  element={
                    <RequireCapability capability="development.read">
                      <ProspectDetailPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/research"
                  element={
                    <RequireCapability capability="development.read">
                      <ResearchPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/plans"
                  element={
                    <RequireCapability capability="development.read">
                      <DevelopmentPlansPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/plans/new"
                  element={
                    <RequireCapability capability="development.write">
                      <DevelopmentPlanPage />
                    </RequireCapability>
                  }
                />
                {/* The department head and 经理办公会 open the plan from their approval queue whatever their capabilities. */}
                <Route path="development/plans/:id" element={<DevelopmentPlanPage />} />
                <Route
                  path="development/records"
                  element={
                    <RequireCapability capability="development.read">
                      <DevelopmentRecordsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="development/progress"
                  element={
                    <RequireCapability capability="development.read">
                      <DevelopmentProgressPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/users"
                  element={
                    <RequireCapability capability="users.manage">
                      <UsersPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/approvals"
                  element={
                    <RequireCapability capability="approvals.configure">
                      <ApprovalSettingsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/org"
                  element={
                    <RequireCapability capability="org.manage">
                      <OrgPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/settings"
                  element={
                    <RequireCapability capability="settings.read">
                      <SettingsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/audit"
                  element={
                    <RequireCapability capability="audit.read">
                      <AuditPage />
                    </RequireCapability>
                  }
                />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
