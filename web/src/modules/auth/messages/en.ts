import type { Messages } from './zh-CN';

/** 登录与密码 — English */
const en: Messages = {
  login: {
    expired: 'Your session has ended; please sign in again',
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    submit: 'Save new password',
    mustChange: 'Your password was reset or this is your first sign-in: set a new password to continue.',
    changed: 'Password changed',
  },
};

export default en;
