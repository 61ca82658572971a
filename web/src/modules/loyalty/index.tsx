import { HeartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const LoyaltyPage = lazy(() => import('./LoyaltyPage'));
const CustomerLoyaltySection = lazy(() => import('./CustomerLoyaltySection').then((m) => ({ default: m.CustomerLoyaltySection })));

/** Churn and loyalty 客户流失与忠诚度 (docs/regulations.md §16): the lists, and RFM and churn on the customer's value panel. */
export const loyaltyModule: WebModule = {
  id: 'loyalty',
  routes: [{ path: '/loyalty', page: LoyaltyPage, capability: 'loyalty.read' }],
  menu: [{ path: '/loyalty', labelKey: 'loyalty.nav', icon: <HeartOutlined />, capability: 'loyalty.read', group: 'business', order: 70 }],
  customerValue: [{ key: 'loyalty', labelKey: 'loyalty.value.title', capability: 'loyalty.read', order: 60, component: CustomerLoyaltySection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
