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
    // Finance holds no task capability (docs/regulations.md §1): neither the page nor its menu entry.
    { path: '/tasks', page: TasksPage, capability: 'tasks.use' },
    { path: '/tasks/:id', page: TaskDetailPage, capability: 'tasks.use' },
    { path: '/notifications', page: NotificationsPage },
    { path: '/admin/outbox', page: OutboxPage, capability: 'settings.manage' },
  ],
  menu: [
    { path: '/tasks', labelKey: 'workflow.nav.tasks', icon: <CheckSquareOutlined />, capability: 'tasks.use', order: 30 },
    { path: '/admin/outbox', labelKey: 'workflow.nav.outbox', icon: <InboxOutlined />, capability: 'settings.manage', group: 'admin', order: 45 },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
