import { BulbOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ProposalsPage = lazy(() => import('./ProposalsPage'));
const ProposalDetailPage = lazy(() => import('./ProposalDetailPage'));
const ProposalPrintPage = lazy(() => import('./ProposalPrintPage'));

const CustomerProposalsTab = lazy(() => import('./CustomerProposalsTab').then((m) => ({ default: m.CustomerProposalsTab })));

/** Proposals 提案 (docs/regulations.md §14): the list, one proposal with its assessments and approval, the A4 forms. */
export const proposalsModule: WebModule = {
  id: 'proposals',
  routes: [
    { path: '/proposals', page: ProposalsPage, capability: 'proposals.read' },
    { path: '/proposals/:id', page: ProposalDetailPage, capability: 'proposals.read' },
    { path: '/proposals/:id/print/:sheet', page: ProposalPrintPage, capability: 'proposals.read', frame: 'bare' },
  ],
  menu: [{ path: '/proposals', labelKey: 'proposals.nav', icon: <BulbOutlined />, capability: 'proposals.read', group: 'business', order: 90 }],
  customerTabs: [{ key: 'proposals', labelKey: 'proposals.customerTab.label', capability: 'proposals.read', order: 180, component: CustomerProposalsTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
