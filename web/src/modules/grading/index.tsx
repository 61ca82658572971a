import { CrownOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const GradingBoardPage = lazy(() => import('./GradingBoardPage'));
const GradeValueSection = lazy(() => import('./GradeValueSection').then((m) => ({ default: m.GradeValueSection })));

/** Customer grading 客户分级 (docs/regulations.md §3): the supervisor's board and the grade on the customer's value panel. */
export const gradingModule: WebModule = {
  id: 'grading',
  routes: [{ path: '/grading', page: GradingBoardPage, capability: 'grading.read' }],
  menu: [{ path: '/grading', labelKey: 'grading.nav', icon: <CrownOutlined />, capability: 'grading.read', group: 'business', order: 14 }],
  customerValue: [{ key: 'grade', labelKey: 'grading.value.title', capability: 'grading.read', order: 20, component: GradeValueSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
