import { InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const PoolPage = lazy(() => import('./PoolPage'));

/** 公海 (docs/regulations.md §8): the pools of the user's department and claiming from them. */
export const poolModule: WebModule = {
  id: 'pool',
  routes: [{ path: '/pool', page: PoolPage, capability: 'pool.read' }],
  menu: [{ path: '/pool', labelKey: 'pool.nav', icon: <InboxOutlined />, capability: 'pool.read', group: 'visits', order: 60 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
