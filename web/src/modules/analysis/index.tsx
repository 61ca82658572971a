import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const AnalysisPage = lazy(() => import('./AnalysisPage'));

/** 分析报表: the seeds' analysis tables (docs/regulations.md §16). */
export const analysisModule: WebModule = {
  id: 'analysis',
  routes: [{ path: '/analysis', page: AnalysisPage, capability: 'analysis.read' }],
  menuGroups: [{ key: 'analysis', labelKey: 'analysis.navGroup', order: 80 }],
  menu: [{ path: '/analysis', labelKey: 'analysis.nav', icon: <BarChartOutlined />, capability: 'analysis.read', group: 'analysis', order: 10 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
