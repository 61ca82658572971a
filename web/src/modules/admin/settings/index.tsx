import { SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

// Administration pages load on demand: most users never open them.
const SettingsPage = lazy(() => import('./SettingsPage'));

/** Settings (系统设置). */
export const settingsModule: WebModule = {
  id: 'settings',
  routes: [{ path: '/admin/settings', page: SettingsPage, capability: 'settings.read' }],
  menu: [{ path: '/admin/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, capability: 'settings.read', group: 'admin', order: 40 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
