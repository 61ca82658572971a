import { TransactionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const TransactionsPage = lazy(() => import('./TransactionsPage'));

/** Transactions (交易记录), returns (退赔折价) and the class by annual purchases; the customer's tab is CustomerTransactionsTab. */
export const transactionsModule: WebModule = {
  id: 'transactions',
  routes: [{ path: '/transactions', page: TransactionsPage, capability: 'transactions.read' }],
  menu: [{ path: '/transactions', labelKey: 'transactions.nav', icon: <TransactionOutlined />, capability: 'transactions.read', group: 'business', order: 12 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
