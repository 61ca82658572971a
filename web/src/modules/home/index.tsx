import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));

/** The to-do home page. */
export const homeModule: WebModule = {
  id: 'home',
  routes: [{ path: '/', page: HomePage }],
  menu: [{ path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, order: 10 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
