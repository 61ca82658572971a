import type { Messages } from './zh-CN';

/** 首页 — 繁體中文 */
const zhTW: Messages = {
  home: {
    greeting: '您好，{{name}}',
    todo: '待辦事項',
    todoEmpty: '暫無待辦事項',
    holidayWarning: '{{nextYear}} 年法定假日安排尚未錄入，涉及該年的期限按放假辦法暫定（不含調休），並標記為暫定',
    goCalendar: '前往工作日曆錄入',
  },
  nav: {
    home: '首頁',
  },
};

export default zhTW;
