import { CrownOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const IndividualsPage = lazy(() => import('./IndividualsPage'));
const IndividualPage = lazy(() => import('./IndividualPage'));

/** Individual customers (个人客户). */
export const individualsModule: WebModule = {
  id: 'individuals',
  routes: [
    { path: '/individuals', page: IndividualsPage, capability: 'customers.read' },
    { path: '/individuals/:id', page: IndividualPage, capability: 'customers.read' },
  ],
  menu: [{ path: '/individuals', labelKey: 'nav.individuals', icon: <CrownOutlined />, capability: 'customers.read', order: 50 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
