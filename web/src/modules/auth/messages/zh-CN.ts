import type { MessageShape } from '../../../app/module';

/** 登录与密码 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  login: {
    expired: '登录已过期，请重新登录',
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
  },
  password: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    submit: '保存新密码',
    mustChange: '您的密码已被重置或是首次登录，请先设置新密码后再继续使用。',
    changed: '密码已修改',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
