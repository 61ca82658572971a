import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the development module in zh-CN / zh-TW / en, registered from its manifest. */
export const DEVELOPMENT_MESSAGES: Catalogue = {
  'development.invalid_month': ['月份格式应为 YYYY-MM', '月份格式應為 YYYY-MM', 'Use the month format YYYY-MM'],
  'development.stage_unchanged': ['目标阶段与当前阶段相同', '目標階段與目前階段相同', 'The prospect is already at this stage'],
  'development.note_required': ['退回到之前的阶段或重新启用已流失的客户时，请填写说明', '退回到之前的階段或重新啟用已流失的客戶時，請填寫說明', 'Say why when moving back a stage or reopening a lost prospect'],
  'development.lost_reason_required': ['请填写流失原因', '請填寫流失原因', 'Give the reason the prospect was lost'],
  'development.prospect_won_locked': ['已填写客户开发记录表，客户已进入档案，阶段不能再变更', '已填寫客戶開發記錄表，客戶已進入檔案，階段不能再變更', 'The development record is written and the customer is in the archive; the stage can no longer change'],
  'development.record_needs_contract': ['只有处于“合同签订”阶段的潜在客户才能填写客户开发记录表', '只有處於「合同簽訂」階段的潛在客戶才能填寫客戶開發記錄表', 'A development record can be written only for a prospect at the contract stage'],
  'development.record_exists': ['该潜在客户已有客户开发记录表', '該潛在客戶已有客戶開發記錄表', 'This prospect already has a development record'],
  'development.research_plan_not_found': ['调查计划不存在或您无权查看', '調查計劃不存在或您無權查看', 'No such research plan, or you may not see it'],
  'development.research_plan_has_reports': ['该调查计划已有分析报告，不能删除', '該調查計劃已有分析報告，不能刪除', 'The research plan has reports and cannot be deleted'],
  'development.prospect_not_found': ['潜在客户不存在或您无权查看', '潛在客戶不存在或您無權查看', 'No such prospect, or you may not see it'],
  'development.period_reversed': ['结束日期早于开始日期', '結束日期早於開始日期', 'The end date is before the start date'],
  'development.plan_locked': ['开发计划审批中或已审批，不能修改', '開發計劃審批中或已審批，不能修改', 'The development plan is awaiting or has had its decision and cannot be changed'],
  'development.plan_not_draft': ['只有从未提交过的草稿可以删除', '只有從未提交過的草稿可以刪除', 'Only a draft that was never submitted can be deleted'],
  'development.plan_needs_targets': ['请至少填写一个开发对象再提交', '請至少填寫一個開發對象再提交', 'Add at least one target before submitting'],
  'development.range_reversed': ['起始月份晚于结束月份', '起始月份晚於結束月份', 'The first month is after the last month'],
  'development.range_too_long': ['一次最多查看 {months} 个月', '一次最多查看 {months} 個月', 'At most {months} months at a time'],
};
