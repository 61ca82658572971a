import { BranchesOutlined, FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ApprovalsQueuePage = lazy(() => import('./ApprovalsQueuePage'));
const ApprovalSettingsPage = lazy(() => import('./ApprovalSettingsPage'));

/** Approvals: the caller's queue and the chains' settings (the panel on document pages is a component). */
export const approvalsModule: WebModule = {
  id: 'approvals',
  routes: [
    { path: '/approvals', page: ApprovalsQueuePage },
    { path: '/admin/approvals', page: ApprovalSettingsPage, capability: 'approvals.configure' },
  ],
  menu: [
    { path: '/approvals', labelKey: 'approvals.title', icon: <FileDoneOutlined />, order: 20 },
    { path: '/admin/approvals', labelKey: 'approvals.adminTitle', icon: <BranchesOutlined />, capability: 'approvals.configure', group: 'admin', order: 30 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
