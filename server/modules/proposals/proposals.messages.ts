import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the proposals module in zh-CN / zh-TW / en, registered from its manifest. */
export const PROPOSAL_MESSAGES: Catalogue = {
  'proposal.weights_total': ['各项权重合计须为 100%（现为 {total}%）', '各項權重合計須為 100%（現為 {total}%）', 'The weights must total 100 % (now {total} %)'],
  'proposal.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'proposal.customer_required': ['客户提案须选择客户', '客戶提案須選擇客戶', 'A customer’s proposal needs the customer'],
  'proposal.wrong_status': ['提案当前状态不允许此操作', '提案當前狀態不允許此操作', 'Not possible in the proposal’s current state'],
  'proposal.already_scored': ['您已评定过该提案', '您已評定過該提案', 'You have already scored this proposal'],
  'proposal.own_proposal': ['不能评定自己的提案', '不能評定自己的提案', 'You cannot score your own proposal'],
  'proposal.not_scored': ['提案尚未评定，不能提交审批', '提案尚未評定，不能提交審批', 'The proposal has no assessment yet and cannot go to approval'],
  'proposal.department_not_found': ['实施部门不存在', '實施部門不存在', 'No such department'],
  'proposal.user_not_found': ['用户不存在', '用戶不存在', 'No such user'],
  'proposal.approval_title': ['提案：{title}（评定 {score} 分）', '提案：{title}（評定 {score} 分）', 'Proposal: {title} (scored {score})'],
};
