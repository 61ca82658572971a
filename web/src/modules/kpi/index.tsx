import { FileDoneOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const KpiPage = lazy(() => import('./KpiPage'));
const MeetingsPage = lazy(() => import('./MeetingsPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));

/** 绩效 and 例行工作 (docs/regulations.md §17, §19). */
export const kpiModule: WebModule = {
  id: 'kpi',
  routes: [
    { path: '/kpi', page: KpiPage, capability: 'kpi.read' },
    { path: '/kpi/meetings', page: MeetingsPage, capability: 'kpi.meetings' },
    { path: '/kpi/reports', page: ReportsPage, capability: 'kpi.read' },
  ],
  menu: [
    { path: '/kpi', labelKey: 'kpi.nav', icon: <TrophyOutlined />, capability: 'kpi.read', group: 'analysis', order: 40 },
    { path: '/kpi/meetings', labelKey: 'kpi.meetings.nav', icon: <TeamOutlined />, capability: 'kpi.meetings', group: 'analysis', order: 41 },
    { path: '/kpi/reports', labelKey: 'kpi.reports.nav', icon: <FileDoneOutlined />, capability: 'kpi.read', group: 'analysis', order: 42 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
