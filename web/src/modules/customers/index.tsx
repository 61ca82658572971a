import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { useParams } from 'react-router-dom';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const CustomersPage = lazy(() => import('./CustomersPage'));
const CustomerDetailPage = lazy(() => import('./CustomerDetailPage'));
const CustomerFormPage = lazy(() => import('./CustomerFormPage'));
const CustomerImportPage = lazy(() => import('./CustomerImportPage'));

/** Keyed by id: moving from one customer's form to another's starts a fresh form. */
function CustomerFormPageForId() {
  const { id } = useParams();
  return <CustomerFormPage key={id} />;
}

/** The customer archive (客户档案): list, form, detail with its tabs, import and export. */
export const customersModule: WebModule = {
  id: 'customers',
  routes: [
    { path: '/customers', page: CustomersPage, capability: 'customers.read' },
    { path: '/customers/new', page: CustomerFormPage, capability: 'customers.create' },
    { path: '/customers/import', page: CustomerImportPage, capability: 'customers.import' },
    { path: '/customers/:id', page: CustomerDetailPage, capability: 'customers.read' },
    { path: '/customers/:id/edit', page: CustomerFormPageForId, capability: 'customers.update' },
  ],
  menu: [{ path: '/customers', labelKey: 'nav.customers', icon: <SolutionOutlined />, capability: 'customers.read', order: 40 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
