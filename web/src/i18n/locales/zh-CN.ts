import type { MessageShape } from '../../app/module';

/**
 * 简体中文 — the shell's words only (frame, menu groups, common buttons, errors, roles, language names); each module
 * keeps its own under web/src/modules/<domain>/messages/. The shape the other two catalogues must match key for key.
 */
const zhCN = {
  app: {
    name: 'Guanxi CRM',
    fullName: 'Guanxi CRM 客户关系管理',
    subtitle: '客户关系管理系统',
    loading: '加载中…',
  },
  lang: {
    label: '语言',
    'zh-CN': '简体中文',
    'zh-TW': '繁體中文',
    en: 'English',
  },
  nav: {
    main: '主导航',
    admin: '系统管理',
    business: '业务',
    openMenu: '打开菜单',
  },
  account: {
    menu: '用户菜单',
    changePassword: '修改密码',
    signOut: '退出登录',
  },
  common: {
    save: '保存',
    cancel: '取消',
    create: '新建',
    edit: '编辑',
    delete: '删除',
    search: '搜索',
    reset: '重置',
    actions: '操作',
    all: '全部',
    yes: '是',
    no: '否',
    active: '启用',
    inactive: '停用',
    ok: '确定',
    close: '关闭',
    refresh: '刷新',
    retry: '重试',
    saved: '已保存',
    deleted: '已删除',
    required: '必填',
    total: '共 {{total}} 条',
    none: '—',
    more: '更多',
    add: '添加',
    remove: '移除',
    // Punctuation differs by language: full-width in Chinese, ASCII with spaces in English.
    withNote: '{{text}}（{{note}}）',
    note: '（{{note}}）',
    labelValue: '{{label}}：{{value}}',
    afterColon: '：{{text}}',
    listSeparator: '、',
    clauseSeparator: '，',
    itemSeparator: '；',
    wideGap: '　',
  },
  errors: {
    stale: '该记录已被他人修改，请刷新后重试',
    network: '无法连接服务器，请检查网络后重试',
    failed: '操作失败',
    loadFailed: '加载失败',
    requestId: '请求编号：{{id}}',
    forbidden: '您没有访问此页面的权限',
    notFound: '页面不存在',
    backHome: '返回首页',
    passwordMismatch: '两次输入的新密码不一致',
    email: '邮箱格式不正确',
  },
  roles: {
    admin: '系统管理员',
    director: '客户服务总监',
    manager: '客户服务经理',
    supervisor: '主管',
    specialist: '专员',
    sales: '销售',
    finance: '财务',
    agent: '座席员',
    qa: '质检员',
  },
};

export default zhCN;
/** Every shell catalogue has exactly these keys. */
export type Messages = MessageShape<typeof zhCN>;
