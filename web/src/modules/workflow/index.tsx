import { CheckSquareOutlined, InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const TasksPage = lazy(() => import('./TasksPage'));
const TaskDetailPage = lazy(() => import('./TaskDetailPage'));
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const OutboxPage = lazy(() => import('./OutboxPage'));

/** Tasks and notifications (the bell in the header is a component of the frame). */
export const workflowModule: WebModule = {
  id: 'workflow',
  routes: [
    { path: '/tasks', page: TasksPage },
    { path: '/tasks/:id', page: TaskDetailPage },
    { path: '/notifications', page: NotificationsPage },
    { path: '/admin/outbox', page: OutboxPage, capability: 'settings.manage' },
  ],
  menu: [
    { path: '/tasks', labelKey: 'workflow.nav.tasks', icon: <CheckSquareOutlined />, order: 30 },
    { path: '/admin/outbox', labelKey: 'workflow.nav.outbox', icon: <InboxOutlined />, capability: 'settings.manage', group: 'admin', order: 45 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
