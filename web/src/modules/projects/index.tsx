import { ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const ProjectsPage = lazy(() => import('./ProjectsPage'));
const ProjectDetailPage = lazy(() => import('./ProjectDetailPage'));

const CustomerProjectsTab = lazy(() => import('./CustomerProjectsTab').then((m) => ({ default: m.CustomerProjectsTab })));

/** Cooperation projects (合作项目, docs/regulations.md §15). */
export const projectsModule: WebModule = {
  id: 'projects',
  routes: [
    { path: '/projects', page: ProjectsPage, capability: 'projects.read' },
    { path: '/projects/:id', page: ProjectDetailPage, capability: 'projects.read' },
  ],
  menu: [{ path: '/projects', labelKey: 'projects.nav', icon: <ProjectOutlined />, capability: 'projects.read', group: 'business', order: 25 }],
  customerTabs: [{ key: 'projects', labelKey: 'projects.customerTab.label', capability: 'projects.read', order: 170, component: CustomerProjectsTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
