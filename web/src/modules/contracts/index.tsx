import { FileProtectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ContractsPage = lazy(() => import('./ContractsPage'));
const ContractDetailPage = lazy(() => import('./ContractDetailPage'));
const ContractFormPage = lazy(() => import('./ContractFormPage'));
const ContractPrintPage = lazy(() => import('./ContractPrintPage'));

const CustomerContractsTab = lazy(() => import('./CustomerContractsTab').then((m) => ({ default: m.CustomerContractsTab })));
const CustomerBookingsTab = lazy(() => import('./CustomerBookingsTab').then((m) => ({ default: m.CustomerBookingsTab })));

/** Contracts (合同). */
export const contractsModule: WebModule = {
  id: 'contracts',
  routes: [
    { path: '/contracts', page: ContractsPage, capability: 'contracts.read' },
    { path: '/contracts/new', page: ContractFormPage, capability: 'contracts.manage' },
    { path: '/contracts/:id', page: ContractDetailPage, capability: 'contracts.read' },
    { path: '/contracts/:id/edit', page: ContractFormPage, capability: 'contracts.manage' },
    { path: '/contracts/:id/print', page: ContractPrintPage, capability: 'contracts.read', frame: 'bare' },
  ],
  menu: [{ path: '/contracts', labelKey: 'nav.contracts', icon: <FileProtectOutlined />, capability: 'contracts.read', group: 'business', order: 10 }],
  customerTabs: [
    { key: 'contracts', labelKey: 'contracts.tab', capability: 'contracts.read', order: 100, component: CustomerContractsTab },
    { key: 'bookings', labelKey: 'contracts.booking.tab', capability: 'contracts.read', order: 101, component: CustomerBookingsTab },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
