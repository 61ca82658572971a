import { GiftOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const CarePage = lazy(() => import('./CarePage'));

/** Care 客户关怀 (docs/regulations.md §12). */
export const careModule: WebModule = {
  id: 'care',
  routes: [{ path: '/care', page: CarePage, capability: 'care.read' }],
  menu: [{ path: '/care', labelKey: 'care.nav', icon: <GiftOutlined />, capability: 'care.read', group: 'business', order: 75 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
