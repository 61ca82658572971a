import type { MessageShape } from '../../../../app/module';

/** 系统设置 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  settings: {
    title: '系统设置',
    groups: {
      security: '安全与登录',
      calendar: '工作日历',
      archive: '客户档案',
      classification: '分类分级',
      complaints: '投诉处理',
      visits: '回访',
      notifications: '消息通知',
      contracts: '合同',
      development: '客户开发',
      surveys: '满意度调查',
    },
    readOnly: '您只能查看系统设置，修改需要“系统设置管理”权限。',
    defaultHint: '默认：{{value}}',
    invalidJson: '格式不正确（须为 JSON）',
    source: '依据：{{source}}',
    on: '开',
    off: '关',
    isDefault: '默认值',
    changed: '已修改',
    secretSet: '已设置',
    secretNotSet: '未设置',
    replaceSecret: '更换',
    newSecret: '新的值',
    blankClears: '留空保存即清除',
    secretHint: '此项为密钥，保存后不再显示。',
    secretHintEnv: '此项为密钥，保存后不再显示；也可在服务器上用环境变量 {{name}} 提供，设置了环境变量时以它为准。',
    fromEnv: '由环境变量 {{name}} 提供',
  },
  nav: {
    settings: '系统设置',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
