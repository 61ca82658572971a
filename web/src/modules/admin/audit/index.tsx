import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

// Administration pages load on demand: most users never open them.
const AuditPage = lazy(() => import('./AuditPage'));

/** The audit log (审计日志). */
export const auditModule: WebModule = {
  id: 'audit',
  routes: [{ path: '/admin/audit', page: AuditPage, capability: 'audit.read' }],
  menu: [{ path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, capability: 'audit.read', group: 'admin', order: 50 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
