import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

// Administration pages load on demand: most users never open them.
const UsersPage = lazy(() => import('./UsersPage'));

/** Users (用户管理): accounts, roles, password resets. */
export const usersModule: WebModule = {
  id: 'users',
  routes: [{ path: '/admin/users', page: UsersPage, capability: 'users.manage' }],
  menu: [{ path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, capability: 'users.manage', group: 'admin', order: 10 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
