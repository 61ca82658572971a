import { CoffeeOutlined, ContactsOutlined, EnvironmentOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const VisitsPage = lazy(() => import('./VisitsPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));
const ToursPage = lazy(() => import('./ToursPage'));
const TourDetailPage = lazy(() => import('./TourDetailPage'));
const TourPermitPrintPage = lazy(() => import('./TourPermitPrintPage'));
const ThankYouPrintPage = lazy(() => import('./ThankYouPrintPage'));
const BanquetsPage = lazy(() => import('./BanquetsPage'));
const CustomerReceptionTab = lazy(() => import('./CustomerReceptionTab').then((m) => ({ default: m.CustomerReceptionTab })));

const read = 'reception.read' as const;

/** Reception (接待, docs/regulations.md §9): visitor log, reception records, tours with their permit, banquets. */
export const receptionModule: WebModule = {
  id: 'reception',
  routes: [
    { path: '/reception/visits', page: VisitsPage, capability: read },
    { path: '/reception/records', page: RecordsPage, capability: read },
    { path: '/reception/tours', page: ToursPage, capability: read },
    // The general manager opens the tour from the approval queue; the server decides what they may see.
    { path: '/reception/tours/:id', page: TourDetailPage },
    { path: '/reception/tours/:id/permit', page: TourPermitPrintPage, frame: 'bare' },
    { path: '/reception/tours/:id/thank-you', page: ThankYouPrintPage, frame: 'bare' },
    { path: '/reception/banquets', page: BanquetsPage, capability: read },
  ],
  menuGroups: [{ key: 'reception', labelKey: 'reception.nav.group', order: 40 }],
  menu: [
    { path: '/reception/visits', labelKey: 'reception.nav.visits', icon: <ContactsOutlined />, capability: read, group: 'reception', order: 10 },
    { path: '/reception/records', labelKey: 'reception.nav.records', icon: <SolutionOutlined />, capability: read, group: 'reception', order: 20 },
    { path: '/reception/tours', labelKey: 'reception.nav.tours', icon: <EnvironmentOutlined />, capability: read, group: 'reception', order: 30 },
    { path: '/reception/banquets', labelKey: 'reception.nav.banquets', icon: <CoffeeOutlined />, capability: read, group: 'reception', order: 40 },
  ],
  customerTabs: [{ key: 'reception', labelKey: 'reception.tab', capability: read, order: 160, component: CustomerReceptionTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
