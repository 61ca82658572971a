import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ComplaintsPage = lazy(() => import('./ComplaintsPage'));
const ComplaintFormPage = lazy(() => import('./ComplaintFormPage'));
const ComplaintDetailPage = lazy(() => import('./ComplaintDetailPage'));
const ComplaintPrintPage = lazy(() => import('./ComplaintPrintPage'));
const AnalysisPage = lazy(() => import('./AnalysisPage'));
const RectificationsPage = lazy(() => import('./RectificationsPage'));
const PublicComplaintPage = lazy(() => import('./PublicComplaintPage'));

const CustomerComplaintsTab = lazy(() => import('./CustomerComplaintsTab').then((m) => ({ default: m.CustomerComplaintsTab })));

/** Complaints (投诉管理). */
export const complaintsModule: WebModule = {
  id: 'complaints',
  routes: [
    { path: '/complaints', page: ComplaintsPage, capability: 'complaints.read' },
    { path: '/complaints/new', page: ComplaintFormPage, capability: 'complaints.intake' },
    { path: '/complaints/analysis', page: AnalysisPage, capability: 'complaints.analyse' },
    // Rectification notices reach people of the department at fault whatever their capabilities.
    { path: '/complaints/rectifications', page: RectificationsPage },
    { path: '/complaints/:id', page: ComplaintDetailPage, capability: 'complaints.read' },
    { path: '/complaints/:id/print', page: ComplaintPrintPage, capability: 'complaints.read', frame: 'bare' },
    // Customers file a complaint and follow it without an account (issue 5 point 1).
    { path: '/public/complaint', page: PublicComplaintPage, frame: 'public' },
  ],
  menu: [{ path: '/complaints', labelKey: 'complaints.nav', icon: <AlertOutlined />, capability: 'complaints.read', group: 'business', order: 30 }],
  customerTabs: [{ key: 'complaints', labelKey: 'complaints.customerTab.label', capability: 'complaints.read', order: 105, component: CustomerComplaintsTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
