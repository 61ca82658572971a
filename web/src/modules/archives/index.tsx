import { FolderOpenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const LoansPage = lazy(() => import('./LoansPage'));
const CustomerArchiveTab = lazy(() => import('./CustomerArchiveTab').then((m) => ({ default: m.CustomerArchiveTab })));

/** Archive lending 档案借阅 (docs/regulations.md §1, §2): the loan register and the customer page's 档案 tab. */
export const archivesModule: WebModule = {
  id: 'archives',
  routes: [{ path: '/archives/loans', page: LoansPage, capability: 'archives.read' }],
  menu: [{ path: '/archives/loans', labelKey: 'archives.nav', icon: <FolderOpenOutlined />, capability: 'archives.read', group: 'business', order: 95 }],
  customerTabs: [{ key: 'archives', labelKey: 'archives.tab', capability: 'archives.read', order: 25, component: CustomerArchiveTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
