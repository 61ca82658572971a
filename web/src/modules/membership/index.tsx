import { CrownOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const MembersPage = lazy(() => import('./MembersPage'));
const MemberDetailPage = lazy(() => import('./MemberDetailPage'));
const MembershipValueSection = lazy(() => import('./MembershipValueSection').then((m) => ({ default: m.MembershipValueSection })));

/** Membership tiers and points (会员, docs/regulations.md §3) for company customers and VIP guests. */
export const membershipModule: WebModule = {
  id: 'membership',
  routes: [
    { path: '/members', page: MembersPage, capability: 'membership.read' },
    { path: '/members/:id', page: MemberDetailPage, capability: 'membership.read' },
  ],
  menu: [{ path: '/members', labelKey: 'membership.nav', icon: <CrownOutlined />, capability: 'membership.read', group: 'business', order: 65 }],
  customerValue: [{ key: 'membership', labelKey: 'membership.value.title', capability: 'membership.read', order: 60, component: MembershipValueSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
