import type { Messages } from './zh-CN';

/** 首页 — English */
const en: Messages = {
  home: {
    greeting: 'Hello, {{name}}',
    todo: 'To-do items',
    todoEmpty: 'Nothing to do yet',
    holidayWarning: 'The {{nextYear}} holiday schedule has not been entered; deadlines in that year use the statutory holidays without the official make-up working days and are marked provisional',
    goCalendar: 'Enter it in the working-day calendar',
  },
  nav: {
    home: 'Home',
  },
};

export default en;
