import { CheckSquareOutlined } from '@ant-design/icons';
import { BranchesOutlined, FileDoneOutlined } from '@ant-design/icons';
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, CrownOutlined, FileProtectOutlined, HomeOutlined, SettingOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { FileSearchOutlined, FunnelPlotOutlined, LineChartOutlined, ProfileOutlined, ScheduleOutlined } from '@ant-design/icons';
import { HeartOutlined } from '@ant-design/icons';
import { SmileOutlined } from '@ant-design/icons';
import { AlertOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Capability } from '../api/types';

export interface NavItem {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ReactNode;
  /** Shown only to holders of this capability; omit for every signed-in user. */
  capability?: Capability;
}

export interface NavGroup {
  /** i18n key of the group title; omit for top-level items. */
  label?: string;
  items: NavItem[];
}

/** The side menu. Only pages that exist are listed; a module adds its entry here when it adds a route. */
export const NAV: NavGroup[] = [
  {
    items: [
      { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
      { path: '/approvals', label: 'approvals.title', icon: <FileDoneOutlined /> },
      { path: '/tasks', label: 'workflow.nav.tasks', icon: <CheckSquareOutlined /> },
      { path: '/customers', label: 'nav.customers', icon: <SolutionOutlined />, capability: 'customers.read' },
      { path: '/individuals', label: 'nav.individuals', icon: <CrownOutlined />, capability: 'customers.read' },
    ],
  },
  {
    label: 'nav.business',
    items: [
      { path: '/contracts', label: 'nav.contracts', icon: <FileProtectOutlined />, capability: 'contracts.read' },
      { path: '/maintenance-plans', label: 'maintenance.nav', icon: <HeartOutlined />, capability: 'maintenance.read' },
      { path: '/complaints', label: 'complaints.nav', icon: <AlertOutlined />, capability: 'complaints.read' },
      { path: '/surveys', label: 'surveys.nav', icon: <SmileOutlined />, capability: 'surveys.read' },
    ],
  },
  {
    label: 'development.nav.group',
    items: [
      { path: '/development/prospects', label: 'development.nav.prospects', icon: <FunnelPlotOutlined />, capability: 'development.read' },
      { path: '/development/research', label: 'development.nav.research', icon: <FileSearchOutlined />, capability: 'development.read' },
      { path: '/development/plans', label: 'development.nav.plans', icon: <ScheduleOutlined />, capability: 'development.read' },
      { path: '/development/records', label: 'development.nav.records', icon: <ProfileOutlined />, capability: 'development.read' },
      { path: '/development/progress', label: 'development.nav.progress', icon: <LineChartOutlined />, capability: 'development.read' },
    ],
  },
  {
    label: 'nav.admin',
    items: [
      { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, capability: 'users.manage' },
      { path: '/admin/org', label: 'nav.org', icon: <ApartmentOutlined />, capability: 'org.manage' },
      { path: '/admin/approvals', label: 'approvals.adminTitle', icon: <BranchesOutlined />, capability: 'approvals.configure' },
      { path: '/admin/settings', label: 'nav.settings', icon: <SettingOutlined />, capability: 'settings.read' },
      { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, capability: 'audit.read' },
      { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
    ],
  },
];

/** The menu key for a location: the longest nav path that prefixes it. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const g of NAV) {
    for (const i of g.items) {
      const match = i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(i.path + '/');
      if (match && (!best || i.path.length > best.length)) best = i.path;
    }
  }
  return best;
}
