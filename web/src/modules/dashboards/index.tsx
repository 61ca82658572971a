import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const DashboardPage = lazy(() => import('./DashboardPage'));

/** 仪表盘: the director's, a supervisor's and a specialist's dashboard, one page by scope (docs/regulations.md §16). */
export const dashboardsModule: WebModule = {
  id: 'dashboards',
  routes: [{ path: '/dashboards', page: DashboardPage, capability: 'dashboards.read' }],
  // First of the 分析 group: the director's entry to the analyses.
  menu: [{ path: '/dashboards', labelKey: 'dashboards.nav', icon: <DashboardOutlined />, capability: 'dashboards.read', group: 'analysis', order: 5 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
