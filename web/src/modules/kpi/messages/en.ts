import type { Messages } from './zh-CN';

/** Performance and routines — English */
const en: Messages = {
  kpi: {
    nav: 'Performance',
    title: 'Performance',
    person: 'Person',
    tally: { tab: 'Monthly tally', base: 'Base', total: 'Points', deduction: 'Deduction', points: 'Points', state: 'State', annul: 'Annul deduction', annulledBy: 'Annulled by {{by}}: {{reason}}', reason: 'Reason', reasonRequired: 'Give the reason' },
    targets: { tab: 'Targets and actuals', subject: 'Person or team', metric: 'Metric', target: 'Target', actual: 'Actual', save: 'Save target', missing: 'Valid calls per day, visits, archive completeness and retention have no source yet and are not shown.' },
    ranking: { tab: 'Yearly ranking', title: 'Ranking {{year}}', rank: 'Rank', total: 'Year total' },
    metric: {
      new_customers: 'New customers (month)',
      complaint_in_time_rate: 'Complaints handled in time (%)',
      complaint_resolution_rate: 'Complaint resolution rate (%)',
      complaint_satisfaction: 'Satisfaction with complaint handling',
      survey_satisfaction: 'Satisfaction index',
      cadence_in_time_rate: 'Customers contacted in time (%)',
      late_plans: 'Late visit plans',
    },
    meetings: { empty: 'No department meetings yet: department meetings are held on the Tuesday and Friday 16:00 slots; once a supervisor schedules the next one, its attendees and decisions are recorded here.', nav: 'Meetings', title: 'Department meetings', schedule: 'Schedule the next meeting', when: 'When', department: 'Department', status: 'Status', scheduled: 'Scheduled', held: 'Held', attendees: 'Attendees', decisions: 'Decisions', notes: 'Notes', record: 'Record minutes' },
    reports: { empty: 'No routine reports are due from you this month: supervisors’ monthly forecast, summary and analysis and the daily visit report are listed here by due date and submitted here.', nav: 'Routine reports', title: 'Routine reports', kind: 'Report', period: 'Period', due: 'Due', state: 'Submitted', late: 'Late, {{at}}', onTime: 'On time, {{at}}', missing: 'Not submitted (overdue)', submit: 'Submit' },
    report: { monthly_forecast: 'Monthly forecast', monthly_summary: 'Monthly summary', monthly_analysis: 'Monthly analysis report', daily_visit: 'Daily visit report' },
  },
};
export default en;
