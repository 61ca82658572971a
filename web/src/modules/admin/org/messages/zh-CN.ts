import type { MessageShape } from '../../../../app/module';

/** 组织架构 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  org: {
    title: '组织架构',
    departments: '部门',
    teams: '团队',
    name: '名称',
    code: '编码',
    sortOrder: '排序',
    active: '启用',
    status: '状态',
    department: '所属部门',
    supervisor: '主管',
    newDepartment: '新建部门',
    editDepartment: '编辑部门：{{name}}',
    newTeam: '新建团队',
    editTeam: '编辑团队：{{name}}',
    filterDepartment: '按部门筛选',
    noSupervisor: '未指定',
    head: '部门负责人',
  },
  nav: {
    org: '组织架构',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
