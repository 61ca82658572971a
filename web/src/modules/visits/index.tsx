import { CalendarOutlined, CompassOutlined, EnvironmentOutlined, FileDoneOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const VisitsPage = lazy(() => import('./VisitsPage'));
const VisitFormPage = lazy(() => import('./VisitFormPage'));
const VisitDetailPage = lazy(() => import('./VisitDetailPage'));
const DailyReportPage = lazy(() => import('./DailyReportPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const ReportFormPage = lazy(() => import('./ReportFormPage'));
const ReportPrintPage = lazy(() => import('./ReportPrintPage'));
const TerritoriesPage = lazy(() => import('./TerritoriesPage'));
const RoutePlannerPage = lazy(() => import('./RoutePlannerPage'));
const PlansPage = lazy(() => import('./PlansPage'));
const PlanEditorPage = lazy(() => import('./PlanEditorPage'));
const PlanPrintPage = lazy(() => import('./PlanPrintPage'));
const CustomerVisitsTab = lazy(() => import('./CustomerVisitsTab').then((m) => ({ default: m.CustomerVisitsTab })));

/** 客户回访 (docs/regulations.md §8): visit plans, visit records and calls, the scored 走访客户报告单, territories and day routes. */
export const visitsModule: WebModule = {
  id: 'visits',
  routes: [
    { path: '/visits', page: VisitsPage, capability: 'visits.read' },
    { path: '/visits/new', page: VisitFormPage, capability: 'visits.record' },
    { path: '/visits/daily', page: DailyReportPage, capability: 'visits.read' },
    { path: '/visits/reports', page: ReportsPage, capability: 'visits.read' },
    { path: '/visits/reports/new', page: ReportFormPage, capability: 'visits.record' },
    { path: '/visits/reports/:id/print', page: ReportPrintPage, capability: 'visits.read', frame: 'bare' },
    { path: '/visits/territories', page: TerritoriesPage, capability: 'visits.read' },
    { path: '/visits/route', page: RoutePlannerPage, capability: 'visits.read' },
    { path: '/visits/plans', page: PlansPage, capability: 'visits.read' },
    { path: '/visits/plans/:id', page: PlanEditorPage, capability: 'visits.read' },
    { path: '/visits/plans/:id/print', page: PlanPrintPage, capability: 'visits.read', frame: 'bare' },
    { path: '/visits/:id', page: VisitDetailPage, capability: 'visits.read' },
  ],
  // Field work has its own group, like 客户开发 and 接待: the business group would grow too long to scan.
  menuGroups: [{ key: 'visits', labelKey: 'visits.navGroup', order: 25 }],
  menu: [
    { path: '/visits', labelKey: 'visits.nav', icon: <CompassOutlined />, capability: 'visits.read', group: 'visits', order: 10 },
    { path: '/visits/plans', labelKey: 'visits.navPlans', icon: <CalendarOutlined />, capability: 'visits.read', group: 'visits', order: 5 },
    { path: '/visits/reports', labelKey: 'visits.navReports', icon: <FileDoneOutlined />, capability: 'visits.read', group: 'visits', order: 20 },
    { path: '/visits/territories', labelKey: 'visits.navTerritories', icon: <EnvironmentOutlined />, capability: 'visits.read', group: 'visits', order: 30 },
    { path: '/visits/route', labelKey: 'visits.navRoute', icon: <NodeIndexOutlined />, capability: 'visits.read', group: 'visits', order: 40 },
  ],
  customerTabs: [{ key: 'visits', labelKey: 'visits.tab', capability: 'visits.read', order: 150, component: CustomerVisitsTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
