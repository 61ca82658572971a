import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the workflow module in zh-CN / zh-TW / en, registered from its manifest. */
export const WORKFLOW_MESSAGES: Catalogue = {
  'task.assign_others': ['您只能给自己创建任务；给他人分派任务需要主管及以上权限', '您只能給自己建立任務；給他人分派任務需要主管及以上權限', 'You can create tasks only for yourself; assigning work to others needs a supervisor or above'],
  'task.assignee_out_of_scope': ['只能把任务分派给您管理范围内的人员', '只能把任務分派給您管理範圍內的人員', 'You can assign tasks only to people within your scope'],
  'task.assignee_inactive': ['执行人不存在或已停用', '執行人不存在或已停用', 'The assignee does not exist or is deactivated'],
  'task.working_days_range': ['工作日数应在 0–250 之间', '工作日數應在 0–250 之間', 'Working days must be between 0 and 250'],
  'task.edit_forbidden': ['只有任务的创建人或主管可以修改任务', '只有任務的建立人或主管可以修改任務', 'Only the task’s creator or a supervisor can change it'],
  'task.complete_forbidden': ['只有任务的执行人、创建人或主管可以完成任务', '只有任務的執行人、建立人或主管可以完成任務', 'Only the assignee, the creator or a supervisor can complete the task'],
  'task.already_done': ['任务已完成，不能再修改', '任務已完成，不能再修改', 'The task is completed and can no longer be changed'],
  'task.due_in_past': ['截止日期不能早于今天', '截止日期不能早於今天', 'The due date cannot be before today'],
  'task.not_open': ['任务已完成或已取消', '任務已完成或已取消', 'The task is already completed or cancelled'],
  'notify.task_assigned': ['新任务：{title}（{date} 前完成）', '新任務：{title}（{date} 前完成）', 'New task: {title} (due {date})'],
  'notify.task_assigned_by': ['分派人：{name}', '分派人：{name}', 'Assigned by {name}'],
  'notify.task_due_soon': ['任务即将到期：{title}（{date}）', '任務即將到期：{title}（{date}）', 'Task due soon: {title} ({date})'],
  'notify.task_overdue': ['任务已逾期：{title}（应于 {date} 完成）', '任務已逾期：{title}（應於 {date} 完成）', 'Task overdue: {title} (was due {date})'],
  'notify.task_completed': ['任务已完成：{title}（{name}）', '任務已完成：{title}（{name}）', 'Task completed: {title} ({name})'],
  'task.due_recomputed': [
    '{year} 年官方节假日安排已录入，期限（{days} 个工作日）重新计算：{from} → {to}',
    '{year} 年官方節假日安排已錄入，期限（{days} 個工作日）重新計算：{from} → {to}',
    'The official {year} holiday schedule was entered; the deadline ({days} working days) was recomputed: {from} → {to}',
  ],
  'notify.task_comment': ['任务有新留言：{title}（{name}）', '任務有新留言：{title}（{name}）', 'New comment on {title} ({name})'],
};
