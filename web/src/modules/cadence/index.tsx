import { FieldTimeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const CompliancePage = lazy(() => import('./CompliancePage'));
const CustomerCadenceSection = lazy(() => import('./CustomerCadenceSection').then((m) => ({ default: m.CustomerCadenceSection })));

/** Visit cadence 回访频率 (docs/regulations.md §8): the compliance view and the cadence on the customer's value panel. */
export const cadenceModule: WebModule = {
  id: 'cadence',
  routes: [{ path: '/cadence', page: CompliancePage, capability: 'cadence.read' }],
  menu: [{ path: '/cadence', labelKey: 'cadence.nav', icon: <FieldTimeOutlined />, capability: 'cadence.read', group: 'visits', order: 15 }],
  customerValue: [{ key: 'cadence', labelKey: 'cadence.value.title', capability: 'cadence.read', order: 25, component: CustomerCadenceSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
