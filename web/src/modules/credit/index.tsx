import { AccountBookOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const RiskMatrixPage = lazy(() => import('./RiskMatrixPage'));
const RiskDetailPage = lazy(() => import('./RiskDetailPage'));
const SurveyPrintPage = lazy(() => import('./SurveyPrintPage'));
const ReceivablesPage = lazy(() => import('./ReceivablesPage'));

const CustomerCreditTab = lazy(() => import('./CustomerCreditTab').then((m) => ({ default: m.CustomerCreditTab })));
const CreditValueSection = lazy(() => import('./CreditValueSection').then((m) => ({ default: m.CreditValueSection })));

/** Credit and risk (信用与风险, docs/regulations.md §5); the customer page's tab is CustomerCreditTab. */
export const creditModule: WebModule = {
  id: 'credit',
  routes: [
    { path: '/credit/risks', page: RiskMatrixPage, capability: 'credit.read' },
    { path: '/credit/risks/:id', page: RiskDetailPage, capability: 'credit.read' },
    { path: '/credit/surveys/:id/print', page: SurveyPrintPage, capability: 'credit.read', frame: 'bare' },
    { path: '/credit/receivables', page: ReceivablesPage, capability: 'credit.read' },
  ],
  menu: [
    { path: '/credit/risks', labelKey: 'credit.nav', icon: <SafetyCertificateOutlined />, capability: 'credit.read', group: 'business', order: 60 },
    { path: '/credit/receivables', labelKey: 'credit.receivable.nav', icon: <AccountBookOutlined />, capability: 'credit.read', group: 'business', order: 61 },
  ],
  customerTabs: [{ key: 'credit', labelKey: 'credit.tab', capability: 'credit.read', order: 130, component: CustomerCreditTab }],
  customerValue: [{ key: 'credit', labelKey: 'credit.value.title', capability: 'credit.read', order: 40, component: CreditValueSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
