import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const CalendarPage = lazy(() => import('./CalendarPage'));

/** The working-day calendar (工作日历): readable by everyone, edited by holders of calendar.manage on the page. */
export const calendarModule: WebModule = {
  id: 'calendar',
  routes: [{ path: '/calendar', page: CalendarPage }],
  menu: [{ path: '/calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, group: 'admin', order: 60 }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
