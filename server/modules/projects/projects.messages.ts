import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of cooperation projects in zh-CN / zh-TW / en, registered from its manifest. */
export const PROJECT_MESSAGES: Catalogue = {
  'projects.not_active': ['项目已验收或已关闭，不能再修改计划', '專案已驗收或已關閉，不能再修改計畫', 'The project is accepted or closed; its plan can no longer change'],
  'projects.not_accepted': ['项目须经客户验收后才能关闭', '專案須經客戶驗收後才能關閉', 'The project can be closed only after the customer’s acceptance'],
  'projects.customer_unknown': ['客户不存在或不在您的负责范围内', '客戶不存在或不在您的負責範圍內', 'No such customer within your responsibility'],
  'projects.user_unknown': ['人员不存在或已停用', '人員不存在或已停用', 'No such active user'],
  'projects.milestone_unknown': ['本项目中没有这个里程碑', '本專案中沒有這個里程碑', 'This project has no such milestone'],
  'projects.period_reversed': ['结束日期不能早于开始日期', '結束日期不能早於開始日期', 'The end date cannot be before the start date'],
  'projects.in_future': ['日期不能晚于今天', '日期不能晚於今天', 'The date cannot be in the future'],
  'projects.money': ['金额应为不小于 0 的数字，最多两位小数', '金額應為不小於 0 的數字，最多兩位小數', 'Enter an amount of 0 or more with at most two decimals'],
  'projects.change_empty': ['变更申请至少要调整一个里程碑', '變更申請至少要調整一個里程碑', 'A change request must change at least one milestone'],
  'projects.todo.overdue': ['项目里程碑逾期：{project} — {milestone}', '專案里程碑逾期：{project} — {milestone}', 'Project milestone overdue: {project} — {milestone}'],
  'projects.notice.overdue': ['项目「{project}」的里程碑「{milestone}」已过计划完成日 {date}', '專案「{project}」的里程碑「{milestone}」已過計畫完成日 {date}', 'Milestone “{milestone}” of project “{project}” is past its planned end {date}'],
};
