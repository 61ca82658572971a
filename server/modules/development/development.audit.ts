import { type AuditRecordType, type Labels, titlesById } from '../../platform/audit/audit.labels';
import { developmentQueries } from './development.queries';

/** How development-plan entries read in the audit log (issue 16 part 3): the plan by its title, labels and statuses as the plan pages show them. */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const STATUS: Record<string, Labels> = {
  draft: L('草稿', '草稿', 'Draft'),
  pending: L('审批中', '審批中', 'Awaiting approval'),
  returned: L('已退回', '已退回', 'Returned'),
  approved: L('已批准', '已批准', 'Approved'),
  rejected: L('未批准', '未批准', 'Rejected'),
  withdrawn: L('已撤回', '已撤回', 'Withdrawn'),
};

export const developmentAuditTypes: Record<string, AuditRecordType> = {
  development_plan: {
    label: L('客户开发计划', '客戶開發計劃', 'Development plan'),
    title: titlesById((db, ids) => developmentQueries.planTitles(db, ids)),
    fields: {
      title: { label: L('计划名称', '計劃名稱', 'Title') },
      periodStart: { label: L('计划开始', '計劃開始', 'Period start') },
      periodEnd: { label: L('计划结束', '計劃結束', 'Period end') },
      goal: { label: L('开发目标', '開發目標', 'Goals') },
      schedule: { label: L('实施进度安排', '實施進度安排', 'Schedule') },
      supportNeeded: { label: L('需要其他部门的支持', '需要其他部門的支援', 'Support needed from other departments') },
      budget: { label: L('费用预算（万元）', '費用預算（萬元）', 'Budget (10k CNY)') },
      targets: { label: L('开发对象', '開發對象', 'Targets') },
      status: { label: L('状态', '狀態', 'Status'), value: { options: STATUS } },
    },
  },
};
