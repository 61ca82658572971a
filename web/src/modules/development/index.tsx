import { FileSearchOutlined, FunnelPlotOutlined, LineChartOutlined, ProfileOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ProspectsPage = lazy(() => import('./ProspectsPage'));
const ProspectDetailPage = lazy(() => import('./ProspectDetailPage'));
const ResearchPage = lazy(() => import('./ResearchPage'));
const PlansPage = lazy(() => import('./PlansPage'));
const PlanPage = lazy(() => import('./PlanPage'));
const PlanPrintPage = lazy(() => import('./PlanPrintPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));
const ProgressPage = lazy(() => import('./ProgressPage'));

const read = 'development.read' as const;

/** Customer development (客户开发): its own menu group. */
export const developmentModule: WebModule = {
  id: 'development',
  routes: [
    { path: '/development/prospects', page: ProspectsPage, capability: read },
    { path: '/development/prospects/:id', page: ProspectDetailPage, capability: read },
    { path: '/development/research', page: ResearchPage, capability: read },
    { path: '/development/plans', page: PlansPage, capability: read },
    { path: '/development/plans/new', page: PlanPage, capability: 'development.write' },
    // The department head and 经理办公会 open the plan from their approval queue whatever their capabilities.
    { path: '/development/plans/:id', page: PlanPage },
    // A4 view outside the frame (issue 4 §8); readable by its approvers too, so no capability.
    { path: '/development/plans/:id/print', page: PlanPrintPage, frame: 'bare' },
    { path: '/development/records', page: RecordsPage, capability: read },
    { path: '/development/progress', page: ProgressPage, capability: read },
  ],
  menuGroups: [{ key: 'development', labelKey: 'development.nav.group', order: 30 }],
  menu: [
    { path: '/development/prospects', labelKey: 'development.nav.prospects', icon: <FunnelPlotOutlined />, capability: read, group: 'development', order: 10 },
    { path: '/development/research', labelKey: 'development.nav.research', icon: <FileSearchOutlined />, capability: read, group: 'development', order: 20 },
    { path: '/development/plans', labelKey: 'development.nav.plans', icon: <ScheduleOutlined />, capability: read, group: 'development', order: 30 },
    { path: '/development/records', labelKey: 'development.nav.records', icon: <ProfileOutlined />, capability: read, group: 'development', order: 40 },
    { path: '/development/progress', labelKey: 'development.nav.progress', icon: <LineChartOutlined />, capability: read, group: 'development', order: 50 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
