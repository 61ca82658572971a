import { HeartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const MaintenancePlansPage = lazy(() => import('./MaintenancePlansPage'));
const PlanDetailPage = lazy(() => import('./PlanDetailPage'));
const PlanFormPage = lazy(() => import('./PlanFormPage'));
const PlanPrintPage = lazy(() => import('./PlanPrintPage'));

const CustomerPlansTab = lazy(() => import('./CustomerPlansTab').then((m) => ({ default: m.CustomerPlansTab })));

/** Maintenance plans (维护方案). */
export const maintenanceModule: WebModule = {
  id: 'maintenance',
  routes: [
    { path: '/maintenance-plans', page: MaintenancePlansPage, capability: 'maintenance.read' },
    { path: '/maintenance-plans/new', page: PlanFormPage, capability: 'maintenance.manage' },
    { path: '/maintenance-plans/:id', page: PlanDetailPage, capability: 'maintenance.read' },
    { path: '/maintenance-plans/:id/edit', page: PlanFormPage, capability: 'maintenance.manage' },
    // A4 view outside the frame: only the document prints.
    { path: '/maintenance-plans/:id/print', page: PlanPrintPage, capability: 'maintenance.read', frame: 'bare' },
  ],
  menu: [{ path: '/maintenance-plans', labelKey: 'maintenance.nav', icon: <HeartOutlined />, capability: 'maintenance.read', group: 'business', order: 20 }],
  customerTabs: [{ key: 'maintenance', labelKey: 'maintenance.customerTab.label', capability: 'maintenance.read', order: 120, component: CustomerPlansTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
