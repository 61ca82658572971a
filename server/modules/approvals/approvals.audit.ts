import { type AuditRecordType, type Labels, titlesById } from '../../platform/audit/audit.labels';
import { approvalQueries } from './approvals.queries';

/** How approval entries read in the audit log (issue 16 part 3): the request by its title, not `approval_request #5`. */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export const approvalAuditTypes: Record<string, AuditRecordType> = {
  approval_request: {
    label: L('审批申请', '審批申請', 'Approval request'),
    title: titlesById((db, ids) => approvalQueries.titles(db, ids)),
  },
  approval_chain: { label: L('审批流程', '審批流程', 'Approval chain') },
  approval_group: {
    label: L('审批小组', '審批小組', 'Approval group'),
    fields: {
      key: { label: L('编码', '編碼', 'Key') },
      name: { label: L('名称', '名稱', 'Name') },
      members: { label: L('成员', '成員', 'Members'), value: 'users' },
    },
  },
};
