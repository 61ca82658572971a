import type { Messages } from './zh-CN';

/** 登录与密码 — 繁體中文 */
const zhTW: Messages = {
  login: {
    expired: '登入已過期，請重新登入',
    title: '登入',
    username: '使用者名稱',
    password: '密碼',
    submit: '登入',
    usernameRequired: '請輸入使用者名稱',
    passwordRequired: '請輸入密碼',
  },
  password: {
    title: '變更密碼',
    current: '目前密碼',
    new: '新密碼',
    confirm: '確認新密碼',
    submit: '儲存新密碼',
    mustChange: '您的密碼已被重設或是首次登入，請先設定新密碼後再繼續使用。',
    changed: '密碼已變更',
  },
};

export default zhTW;
