import { CustomerServiceOutlined, AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const DeskPage = lazy(() => import('./DeskPage'));
const QaPage = lazy(() => import('./QaPage'));

/** The call centre (呼叫中心, docs/regulations.md §1): the agent's desk with the screen-pop, and QA. */
export const callcentreModule: WebModule = {
  id: 'callcentre',
  routes: [
    { path: '/callcentre', page: DeskPage, capability: 'callcentre.use' },
    { path: '/callcentre/qa', page: QaPage, capability: 'callcentre.use' },
  ],
  menu: [
    { path: '/callcentre', labelKey: 'callcentre.nav', icon: <CustomerServiceOutlined />, capability: 'callcentre.use', group: 'business', order: 35 },
    { path: '/callcentre/qa', labelKey: 'callcentre.qaNav', icon: <AuditOutlined />, capability: 'callcentre.use', group: 'business', order: 36 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
