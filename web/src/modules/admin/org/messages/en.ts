import type { Messages } from './zh-CN';

/** 组织架构 — English */
const en: Messages = {
  org: {
    title: 'Organisation',
    departments: 'Departments',
    teams: 'Teams',
    name: 'Name',
    code: 'Code',
    sortOrder: 'Sort order',
    active: 'Active',
    status: 'Status',
    department: 'Department',
    supervisor: 'Supervisor',
    newDepartment: 'New department',
    editDepartment: 'Edit department: {{name}}',
    newTeam: 'New team',
    editTeam: 'Edit team: {{name}}',
    filterDepartment: 'Filter by department',
    noSupervisor: 'None',
    head: 'Head of department',
  },
  nav: {
    org: 'Organisation',
  },
};

export default en;
