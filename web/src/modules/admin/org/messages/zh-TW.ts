import type { Messages } from './zh-CN';

/** 组织架构 — 繁體中文 */
const zhTW: Messages = {
  org: {
    title: '組織架構',
    departments: '部門',
    teams: '團隊',
    name: '名稱',
    code: '代碼',
    sortOrder: '排序',
    active: '啟用',
    status: '狀態',
    department: '所屬部門',
    supervisor: '主管',
    newDepartment: '新增部門',
    editDepartment: '編輯部門：{{name}}',
    newTeam: '新增團隊',
    editTeam: '編輯團隊：{{name}}',
    filterDepartment: '依部門篩選',
    noSupervisor: '未指定',
    head: '部門負責人',
  },
  nav: {
    org: '組織架構',
  },
};

export default zhTW;
