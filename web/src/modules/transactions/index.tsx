import { TransactionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const TransactionsPage = lazy(() => import('./TransactionsPage'));
const TransactionImportPage = lazy(() => import('./TransactionImportPage'));

const CustomerTransactionsTab = lazy(() => import('./CustomerTransactionsTab').then((m) => ({ default: m.CustomerTransactionsTab })));
const ClassValueSection = lazy(() => import('./ClassValueSection').then((m) => ({ default: m.ClassValueSection })));

/** Transactions (交易记录), returns (退赔折价) and the class by annual purchases; the customer's tab is CustomerTransactionsTab. */
export const transactionsModule: WebModule = {
  id: 'transactions',
  routes: [
    { path: '/transactions', page: TransactionsPage, capability: 'transactions.read' },
    { path: '/transactions/import', page: TransactionImportPage, capability: 'transactions.manage' },
  ],
  menu: [{ path: '/transactions', labelKey: 'transactions.nav', icon: <TransactionOutlined />, capability: 'transactions.read', group: 'business', order: 12 }],
  customerTabs: [{ key: 'transactions', labelKey: 'transactions.tab', capability: 'transactions.read', order: 110, component: CustomerTransactionsTab }],
  customerValue: [{ key: 'class', labelKey: 'transactions.value.title', capability: 'transactions.read', order: 10, component: ClassValueSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
