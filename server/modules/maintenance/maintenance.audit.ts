import { type AuditRecordType, type Labels, titlesById } from '../../platform/audit/audit.labels';
import { maintenanceQueries } from './maintenance.queries';

/** How maintenance-plan entries read in the audit log (issue 16 part 3): the plan by its title, labels and statuses as the plan pages show them, staff by name. */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const STATUS: Record<string, Labels> = {
  draft: L('草稿', '草稿', 'Draft'),
  pending: L('审批中', '審批中', 'Under approval'),
  returned: L('已退回', '已退回', 'Returned'),
  approved: L('执行中', '執行中', 'In progress'),
  closed: L('已关闭', '已關閉', 'Closed'),
  rejected: L('已驳回', '已駁回', 'Rejected'),
};

export const maintenanceAuditTypes: Record<string, AuditRecordType> = {
  maintenance_plan: {
    label: L('客户维护方案', '客戶維護方案', 'Maintenance plan'),
    title: titlesById((db, ids) => maintenanceQueries.titles(db, ids)),
    fields: {
      title: { label: L('方案名称', '方案名稱', 'Title') },
      goals: { label: L('维护目标', '維護目標', 'Goals') },
      method: { label: L('维护方式', '維護方式', 'Method') },
      measures: { label: L('维护措施', '維護措施', 'Measures') },
      budget: { label: L('费用预算', '費用預算', 'Budget') },
      startDate: { label: L('开始日期', '開始日期', 'Start date') },
      endDate: { label: L('结束日期', '結束日期', 'End date') },
      status: { label: L('状态', '狀態', 'Status'), value: { options: STATUS } },
      customerIds: { label: L('维护客户', '維護客戶', 'Customers') },
      staffIds: { label: L('维护人员', '維護人員', 'Staff'), value: 'users' },
      assigneeId: { label: L('执行人', '執行人', 'Assignee'), value: 'user' },
      dueDate: { label: L('截止日期', '截止日期', 'Due date') },
      customerId: { label: L('客户', '客戶', 'Customer') },
      planTaskId: { label: L('任务', '任務', 'Task') },
      recordId: { label: L('工作记录', '工作記錄', 'Work record') },
      taskCompleted: { label: L('任务已完成', '任務已完成', 'Task completed'), value: 'bool' },
      expenseId: { label: L('费用', '費用', 'Expense') },
      amount: { label: L('金额', '金額', 'Amount') },
      spentOn: { label: L('发生日期', '發生日期', 'Spent on') },
    },
  },
};
