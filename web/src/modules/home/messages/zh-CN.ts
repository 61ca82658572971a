import type { MessageShape } from '../../../app/module';

/** 首页 — 简体中文, the shape the other two languages must match key for key. */
const zhCN = {
  home: {
    greeting: '您好，{{name}}',
    todo: '待办事项',
    todoEmpty: '暂无待办事项',
    holidayWarning: '{{nextYear}} 年法定节假日安排尚未录入，涉及该年的期限按放假办法暂定（不含调休），并标记为暂定',
    goCalendar: '前往工作日历录入',
  },
  nav: {
    home: '首页',
  },
};

export default zhCN;
export type Messages = MessageShape<typeof zhCN>;
