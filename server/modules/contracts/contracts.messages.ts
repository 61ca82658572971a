import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the contracts module in zh-CN / zh-TW / en, registered from its manifest. */
export const CONTRACT_MESSAGES: Catalogue = {
  'contract.amount_invalid': ['金额应为大于 0 的数字，最多两位小数', '金額應為大於 0 的數字，最多兩位小數', 'The amount must be a number above 0 with at most two decimals'],
  'contract.no_format': ['合同编号只能包含字母、数字和 - _ / ( ) .，最长 40 位', '合約編號只能包含字母、數字和 - _ / ( ) .，最長 40 位', 'A contract number has up to 40 letters, digits and - _ / ( ) .'],
  'contract.no_taken': ['合同编号已存在', '合約編號已存在', 'This contract number is already in use'],
  'contract.end_before_start': ['结束日期早于开始日期', '結束日期早於開始日期', 'The end date is before the start date'],
  'contract.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'contract.signer_invalid': ['签约人须为在职的总监、经理、主管、销售或专员', '簽約人須為在職的總監、經理、主管、銷售或專員', 'The signer must be an active director, manager, supervisor, sales person or specialist'],
  'contract.signer_out_of_scope': ['签约人无权经办该客户的业务', '簽約人無權經辦該客戶的業務', 'The signer does not handle this customer'],
  'contract.wrong_status': ['合同当前状态（{status}）不允许此操作', '合約目前狀態（{status}）不允許此操作', 'Not possible while the contract is {status}'],
  'contract.not_signer': ['只有合同指定的签约人才能签订', '只有合約指定的簽約人才能簽訂', 'Only the signer named in the contract can sign it'],
  'contract.booking_needs_contract': [
    '达到 {line}{unit} 须签订合同：请选择该客户已生效的合同',
    '達到 {line}{unit} 須簽訂合約：請選擇該客戶已生效的合約',
    'From {line} {unit} a contract is required: choose an effective contract of this customer',
  ],
  'contract.booking_contract_invalid': ['所选合同不是该客户已生效的合同', '所選合約不是該客戶已生效的合約', 'The chosen contract is not an effective contract of this customer'],
  'contract.quantity_needed': ['登记资源时须填写数量（人数或件数）', '登記資源時須填寫數量（人數或件數）', 'A booked resource needs a quantity (people or units)'],
  'contract.resource_needed': ['填写数量时须填写预订的资源（如客房、生产线）', '填寫數量時須填寫預訂的資源（如客房、生產線）', 'A quantity needs the booked resource (rooms, a production line …)'],
  'contract.unit.hotel_group': ['人', '人', 'people'],
  'contract.unit.production': ['件', '件', 'units'],
  'contract.status.draft': ['草稿', '草稿', 'draft'],
  'contract.status.pending': ['审批中', '審批中', 'pending approval'],
  'contract.status.effective': ['生效', '生效', 'effective'],
  'contract.status.expired': ['到期', '到期', 'expired'],
  'contract.status.terminated': ['终止', '終止', 'terminated'],
  'contract.notify.effective': ['合同已生效：{no} {title}', '合約已生效：{no} {title}', 'Contract in force: {no} {title}'],
  'contract.notify.effective_body': [
    '客户：{customer}；金额：{amount}；期限：{start} 至 {end}。合同副本送财务，作为结算开票依据。',
    '客戶：{customer}；金額：{amount}；期限：{start} 至 {end}。合約副本送財務，作為結算開票依據。',
    'Customer: {customer}; amount: {amount}; term: {start} to {end}. Copy to finance as the basis for billing.',
  ],
  'contract.notify.expiring': ['合同即将到期：{no} {title}', '合約即將到期：{no} {title}', 'Contract ending soon: {no} {title}'],
  'contract.notify.expiring_body': ['客户：{customer}；到期日：{end}。请及时跟进续签。', '客戶：{customer}；到期日：{end}。請及時跟進續簽。', 'Customer: {customer}; ends on {end}. Follow up on a renewal.'],
};
