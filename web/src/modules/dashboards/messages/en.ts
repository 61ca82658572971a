import type { Messages } from './zh-CN';

/** Dashboards — English */
const en: Messages = {
  dashboards: {
    nav: 'Dashboard',
    title: 'Dashboard',
    scope: { all: 'All customers', department: 'Your department’s customers', team: 'Your team’s customers', own: 'Your customers' },
    period: '{{scope}} · last twelve months, {{from}} to {{to}}',
    asOf: 'As of {{time}}',
    live: 'Live',
    clickHint: 'Click a chart to open the list behind it',
    gradeRegion: { empty: 'No customers in your scope yet: once customers are created (or imported) they are summed up here by grade and province; a click opens the matching customer list.', title: 'Customers by grade and region', chart: 'Customers per province and grade', noGrade: 'No grade', noProvince: 'No province' },
    sales: { title: 'Sales trend', chart: 'Sales per month over the last twelve months (CNY)', series: 'Sales (CNY)' },
    top: { title: 'Top customers', chart: 'Customers with the largest sales over the last twelve months (CNY)', empty: 'No transactions in the last twelve months' },
    complaints: { title: 'Complaints handled in time', detail: '{{inTime}} of {{resolved}} handled in time; {{received}} received' },
    satisfaction: { title: 'Satisfaction index', detail: '{{responses}} responses' },
    cadence: { title: 'Visit cadence compliance', detail: '{{total}} customers: {{inTime}} in time, {{due}} due soon, {{overdue}} overdue' },
    pool: { title: 'Pool movements', chart: 'Customers released to and claimed from the pool per month', released: 'Released', claimed: 'Claimed' },
    none: '— (no records yet)',
    open: 'Open',
  },
};
export default en;
