import { AuditOutlined, ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const EvaluationsPage = lazy(() => import('./EvaluationsPage'));
const EvaluationFormPage = lazy(() => import('./EvaluationFormPage'));
const EvaluationDetailPage = lazy(() => import('./EvaluationDetailPage'));
const EvaluationPrintPage = lazy(() => import('./EvaluationPrintPage'));
const TemplatesPage = lazy(() => import('./TemplatesPage'));

const CustomerEvaluationsTab = lazy(() => import('./CustomerEvaluationsTab').then((m) => ({ default: m.CustomerEvaluationsTab })));
const EvaluationValueSection = lazy(() => import('./EvaluationValueSection').then((m) => ({ default: m.EvaluationValueSection })));

/** Relationship evaluation (客户关系评估, docs/regulations.md §4). */
export const evaluationsModule: WebModule = {
  id: 'evaluations',
  routes: [
    { path: '/evaluations', page: EvaluationsPage, capability: 'evaluations.read' },
    { path: '/evaluations/new', page: EvaluationFormPage, capability: 'evaluations.write' },
    { path: '/evaluations/:id', page: EvaluationDetailPage, capability: 'evaluations.read' },
    { path: '/evaluations/:id/edit', page: EvaluationFormPage, capability: 'evaluations.write' },
    // A4 view outside the frame: only the document prints.
    { path: '/evaluations/:id/print', page: EvaluationPrintPage, capability: 'evaluations.read', frame: 'bare' },
    { path: '/admin/evaluation-templates', page: TemplatesPage, capability: 'evaluations.templates' },
  ],
  menu: [
    { path: '/evaluations', labelKey: 'evaluations.nav', icon: <AuditOutlined />, capability: 'evaluations.read', group: 'business', order: 25 },
    { path: '/admin/evaluation-templates', labelKey: 'evaluations.templates.nav', icon: <ProfileOutlined />, capability: 'evaluations.templates', group: 'admin', order: 35 },
  ],
  customerTabs: [{ key: 'evaluations', labelKey: 'evaluations.tab', capability: 'evaluations.read', order: 140, component: CustomerEvaluationsTab }],
  customerValue: [{ key: 'evaluation', labelKey: 'evaluations.value.title', capability: 'evaluations.read', order: 30, component: EvaluationValueSection }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
