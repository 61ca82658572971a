import type { MessageShape } from '../../../../app/module';

/** 审计日志 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  audit: {
    title: '审计日志',
    actor: '操作人',
    entityType: '记录类型',
    action: '操作',
    dateRange: '时间范围',
    time: '时间',
    record: '记录',
    summary: '摘要',
    changes: '变更',
    colon: '：',
    system: '系统',
    actions: {
      create: '新建',
      update: '修改',
      delete: '删除',
      'login.success': '登录成功',
      'login.failure': '登录失败',
      'login.rate_limited': '登录过于频繁',
      logout: '退出登录',
      'permission.denied': '越权访问被拒绝',
      'role.change': '角色变更',
      'password.change': '修改密码',
      'password.reset': '重置密码',
      export: '导出',
      reveal: '查看敏感信息',
      deactivate: '停用',
      activate: '启用',
      unlock: '解锁',
      import: '导入',
      transfer: '转移负责人',
      'contact.create': '添加联系人',
      'contact.update': '修改联系人',
      'contact.delete': '删除联系人',
      merge: '合并客户',
      'attachment.create': '上传附件',
      'attachment.delete': '删除附件',
      'attachment.download': '下载附件',
    },
    entityTypes: {
      user: '用户',
      session: '登录会话',
      department: '部门',
      team: '团队',
      setting: '系统设置',
      calendar_day: '日历安排',
      route: '接口',
      calendar_year: '官方节假日',
      customer: '客户',
      individual_customer: '个人客户',
    },
  },
  nav: {
    audit: '审计日志',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
