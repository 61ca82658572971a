import { FileProtectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ContractsPage = lazy(() => import('./ContractsPage'));
const ContractDetailPage = lazy(() => import('./ContractDetailPage'));
const ContractFormPage = lazy(() => import('./ContractFormPage'));

const CustomerContractsTab = lazy(() => import('./CustomerContractsTab').then((m) => ({ default: m.CustomerContractsTab })));

/** Contracts (合同). */
export const contractsModule: WebModule = {
  id: 'contracts',
  routes: [
    { path: '/contracts', page: ContractsPage, capability: 'contracts.read' },
    { path: '/contracts/new', page: ContractFormPage, capability: 'contracts.manage' },
    { path: '/contracts/:id', page: ContractDetailPage, capability: 'contracts.read' },
    { path: '/contracts/:id/edit', page: ContractFormPage, capability: 'contracts.manage' },
  ],
  menu: [{ path: '/contracts', labelKey: 'nav.contracts', icon: <FileProtectOutlined />, capability: 'contracts.read', group: 'business', order: 10 }],
  customerTabs: [{ key: 'contracts', labelKey: 'contracts.tab', capability: 'contracts.read', order: 100, component: CustomerContractsTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
