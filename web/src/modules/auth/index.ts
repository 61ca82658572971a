import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('./ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));

/** Sign-in and the own password. */
export const authModule: WebModule = {
  id: 'auth',
  routes: [
    { path: '/login', page: LoginPage, frame: 'public' },
    { path: '/account/password', page: ChangePasswordPage },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
