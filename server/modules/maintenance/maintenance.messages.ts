import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the maintenance module in zh-CN / zh-TW / en, registered from its manifest. */
export const MAINTENANCE_MESSAGES: Catalogue = {
  'maintenance.locked': ['方案正在审批中或已审批，不能修改；退回后方可修改', '方案正在審批中或已審批，不能修改；退回後方可修改', 'The plan is under approval or decided and cannot be changed; it can be revised once returned'],
  'maintenance.not_executing': ['方案尚未批准或已关闭', '方案尚未核准或已關閉', 'The plan is not approved or is already closed'],
  'maintenance.not_owner': ['只有方案的制定人可以修改或提交该方案', '只有方案的制定人可以修改或提交該方案', 'Only the plan’s author can revise or submit it'],
  'maintenance.not_staff': ['您不是该方案的维护人员', '您不是該方案的維護人員', 'You are not on this plan’s staff'],
  'maintenance.not_assignee': ['只有任务的执行人可以完成该任务', '只有任務的執行人可以完成該任務', 'Only the task’s assignee can complete it'],
  'maintenance.task_done': ['该任务已完成或已取消', '該任務已完成或已取消', 'This task is already completed or cancelled'],
  'maintenance.task_unknown': ['该方案中没有这个任务', '該方案中沒有這個任務', 'This plan has no such task'],
  'maintenance.customer_unknown': ['客户不存在或不在您的负责范围内', '客戶不存在或不在您的負責範圍內', 'No such customer within your responsibility'],
  'maintenance.staff_unknown': ['人员不存在或已停用', '人員不存在或已停用', 'No such active user'],
  'maintenance.customers_required': ['请至少选择一个客户', '請至少選擇一個客戶', 'Choose at least one customer'],
  'maintenance.staff_required': ['请至少指定一名维护人员', '請至少指定一名維護人員', 'Name at least one staff member'],
  'maintenance.period_reversed': ['结束日期不能早于开始日期', '結束日期不能早於開始日期', 'The end date cannot be before the start date'],
  'maintenance.incomplete': ['方案内容不完整，不能提交', '方案內容不完整，不能提交', 'The plan is incomplete and cannot be submitted'],
  'maintenance.money': ['金额应为不小于 0 的数字，最多两位小数', '金額應為不小於 0 的數字，最多兩位小數', 'Enter an amount of 0 or more with at most two decimals'],
  'maintenance.amount_positive': ['金额必须大于 0', '金額必須大於 0', 'The amount must be above 0'],
  'maintenance.assignee_not_staff': ['执行人必须是方案的维护人员', '執行人必須是方案的維護人員', 'The assignee must be one of the plan’s staff'],
  'maintenance.customer_not_in_plan': ['该客户不在本方案中', '該客戶不在本方案中', 'This customer is not part of the plan'],
  'maintenance.due_required': ['请填写截止日期或工作日数（二选一）', '請填寫截止日期或工作日數（二選一）', 'Give either a due date or a number of working days'],
  'maintenance.due_after_period': ['截止日期不能晚于方案期限（{end}）', '截止日期不能晚於方案期限（{end}）', 'The due date cannot be after the plan ends ({end})'],
  'maintenance.due_in_past': ['截止日期不能早于今天', '截止日期不能早於今天', 'The due date cannot be in the past'],
  'maintenance.at_in_future': ['日期不能晚于今天', '日期不能晚於今天', 'The date cannot be in the future'],
  'maintenance.report_required': ['关闭方案须填写此项', '關閉方案須填寫此項', 'Required to close the plan'],
  'maintenance.report_missing': ['请先填写客户关系维护报告（效果评估和优化措施）再关闭方案', '請先填寫客戶關係維護報告（效果評估和優化措施）再關閉方案', 'Write the maintenance report (assessment of results and optimisation measures) before closing the plan'],
};
