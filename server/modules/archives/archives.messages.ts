import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the archives module in zh-CN / zh-TW / en, registered from its manifest. */
export const ARCHIVE_MESSAGES: Catalogue = {
  'archive.levels_unique': ['密级名称不能重复', '密級名稱不能重複', 'Level names must differ'],
  'archive.threshold_unknown': ['审批界限「{level}」不是已设的密级', '審批界限「{level}」不是已設的密級', 'The approval threshold “{level}” is not one of the levels'],
  'archive.level_unknown': ['密级不在设置的密级之中', '密級不在設置的密級之中', 'Not one of the configured levels'],
  'archive.attachment_not_found': ['该客户没有此附件', '該客戶沒有此附件', 'No such attachment for this customer'],
  'archive.approval_required': ['该档案密级为「{level}」，下载须经经理审批', '該檔案密級為「{level}」，下載須經經理審批', 'This material is “{level}”: downloading it needs the manager’s approval'],
  'archive.no_approval_needed': ['该档案无需审批即可下载', '該檔案無需審批即可下載', 'This material can be downloaded without approval'],
  'archive.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'archive.borrower_not_found': ['借阅人不存在或已停用', '借閱人不存在或已停用', 'No such active borrower'],
  'archive.outside_department': ['档案不得借出本部门', '檔案不得借出本部門', 'Material is not lent outside the department'],
  'archive.no_department': ['无法确定档案所属部门', '無法確定檔案所屬部門', 'The material’s department is unknown'],
  'archive.due_before_lent': ['归还日期不能早于借出日期', '歸還日期不能早於借出日期', 'The due date cannot be before the loan date'],
  'archive.already_returned': ['该借阅已归还', '該借閱已歸還', 'This loan has already been returned'],
  'archive.approval_title': ['档案下载：{customer} · {filename}（{level}）', '檔案下載：{customer} · {filename}（{level}）', 'Archive download: {customer} · {filename} ({level})'],
  'archive.overdue_title': ['档案借阅逾期：{material}', '檔案借閱逾期：{material}', 'Archive loan overdue: {material}'],
  'archive.overdue_body': ['{borrower} 借阅的 {customer}「{material}」应于 {due} 归还，尚未归还', '{borrower} 借閱的 {customer}「{material}」應於 {due} 歸還，尚未歸還', '{borrower} borrowed {customer} “{material}”, due back {due}, not yet returned'],
};
