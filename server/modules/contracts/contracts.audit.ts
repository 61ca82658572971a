import { type AuditRecordType, type Labels, titlesById } from '../../platform/audit/audit.labels';
import { contractQueries } from './contracts.queries';

/**
 * How contract entries read in the audit log (issue 16 part 3): the contract by its number, field labels and
 * statuses as the contract pages show them, the signer and customer owner by name.
 */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const STATUS: Record<string, Labels> = {
  draft: L('草稿', '草稿', 'Draft'),
  pending: L('审批中', '審批中', 'Pending approval'),
  effective: L('生效', '生效', 'Effective'),
  expired: L('到期', '到期', 'Expired'),
  terminated: L('终止', '終止', 'Terminated'),
};
const BUSINESS: Record<string, Labels> = { hotel_group: L('团队住宿', '團隊住宿', 'Group stay'), production: L('生产订单', '生產訂單', 'Production order') };

export const contractAuditTypes: Record<string, AuditRecordType> = {
  contract: {
    label: L('合同', '合約', 'Contract'),
    title: titlesById((db, ids) => contractQueries.numbers(db, ids)),
    fields: {
      contractNo: { label: L('合同编号', '合約編號', 'Contract no.') },
      title: { label: L('合同名称', '合約名稱', 'Title') },
      customerId: { label: L('客户', '客戶', 'Customer') },
      amount: { label: L('合同金额', '合約金額', 'Amount') },
      currency: { label: L('币种', '幣別', 'Currency') },
      status: { label: L('状态', '狀態', 'Status'), value: { options: STATUS } },
      signerId: { label: L('签约人', '簽約人', 'Signer'), value: 'user' },
      signingDate: { label: L('签订日期', '簽訂日期', 'Signing date') },
      startDate: { label: L('开始日期', '開始日期', 'Start date') },
      endDate: { label: L('结束日期', '結束日期', 'End date') },
      terms: { label: L('合同条款', '合約條款', 'Terms') },
      businessType: { label: L('业务类型', '業務類型', 'Business type'), value: { options: BUSINESS } },
      resource: { label: L('资源', '資源', 'Resource') },
      quantity: { label: L('数量', '數量', 'Quantity') },
      exceedsLimit: { label: L('超出权限金额', '超出權限金額', 'Exceeds the authorised amount'), value: 'bool' },
      exceedsTerm: { label: L('超出权限期限', '超出權限期限', 'Exceeds the authorised term'), value: 'bool' },
      overCapacity: { label: L('超出接待能力', '超出接待能力', 'Over capacity'), value: 'bool' },
      terminationReason: { label: L('终止原因', '終止原因', 'Termination reason') },
      filingLocation: { label: L('原件存放位置', '正本存放位置', 'Where the original is filed') },
      'attachment.filename': { label: L('合同附件', '合約附件', 'Attachment') },
    },
  },
  contract_capacity: { label: L('接待能力', '接待能力', 'Capacity') },
};
