import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

// Administration pages load on demand: most users never open them.
const OrgPage = lazy(() => import('./OrgPage'));

/** Organisation (组织架构): departments and teams. */
export const orgModule: WebModule = {
  id: 'org',
  routes: [{ path: '/admin/org', page: OrgPage, capability: 'org.manage' }],
  menu: [{ path: '/admin/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, capability: 'org.manage', group: 'admin', order: 20 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
