import type { GradingMessages } from './zh-CN';

/** Customer grading — English. */
const en: GradingMessages = {
  grading: {
    nav: 'Grading',
    title: 'Customer grading',
    value: { title: 'Grade' },
    customer: 'Customer',
    team: 'Team',
    current: 'Current grade',
    proposed: 'Proposed grade',
    noGrade: 'Not graded',
    noProposal: 'No proposal yet',
    amountClass: 'By amount',
    industryClassTitle: 'By industry',
    cooperationClass: 'By cooperation',
    industryClass: 'Class {{class}}',
    amount: { large: 'Large', medium: 'Medium', small: 'Small' },
    cooperation: { long: 'Long', medium: 'Medium', short: 'Short' },
    score: 'Evaluation',
    scoreValue: '{{score}}',
    reason: 'Why',
    empty: 'No grades to confirm',
    proposeNow: 'Propose again',
    proposedCount: '{{count}} proposals updated',
    confirmSelected: 'Confirm selected ({{count}})',
    confirmHint: 'Confirms the proposed grades of the selected customers; each change goes into the customer history.',
    confirmed: 'Grades of {{count}} customers confirmed',
    classes: 'Classes (amount / industry / cooperation)',
    actions: 'Actions',
    override: 'Change',
    overrideTitle: 'Set the grade of {{name}}',
    overrideOk: 'Confirm',
    grade: 'Grade',
    gradeRequired: 'Choose a grade',
    overrideReason: 'Reason',
    overrideHint: 'Required when it differs from the proposal; kept in the customer history.',
    history: 'Grade history',
    change: '{{from}} → {{to}} ({{who}}, {{at}})',
    overridden: 'Not as proposed',
  },
  customers: {
    history: {
      actions: {
        grade: 'Grade confirmed',
        classify_industry: 'Industry class',
        classify_cooperation: 'Cooperation class',
      },
    },
  },
};

export default en;
