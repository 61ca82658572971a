import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the grading module in zh-CN / zh-TW / en, registered from its manifest. */
export const GRADING_MESSAGES: Catalogue = {
  'settings.grade_not_defined': ['分级标准中的等级必须是客户等级设置中已有的代码', '分級標準中的等級必須是客戶等級設定中已有的代碼', 'The standard may name only grades defined in the customer grades setting'],
  'grading.no_proposal': ['该客户尚无建议等级，请指定等级', '該客戶尚無建議等級，請指定等級', 'No proposed grade for this customer: name a grade'],
  'grading.unknown_grade': ['不是已定义的客户等级', '不是已定義的客戶等級', 'Not a defined grade'],
  'grading.override_reason': ['与建议等级不同时须填写理由', '與建議等級不同時須填寫理由', 'A grade other than the proposed one needs a reason'],
  'grading.duplicate_customer': ['同一客户只能出现一次', '同一客戶只能出現一次', 'Each customer may appear only once'],
  'grading.history': ['确认客户等级：{reason}', '確認客戶等級：{reason}', 'Grade confirmed: {reason}'],
  'grading.amount.large': ['大客户', '大客戶', 'large customer'],
  'grading.amount.medium': ['中客户', '中客戶', 'medium customer'],
  'grading.amount.small': ['小客户', '小客戶', 'small customer'],
  'grading.industry': ['{class} 类行业', '{class} 類行業', 'class {class} industry'],
  'grading.cooperation.long': ['长期合作', '長期合作', 'long cooperation'],
  'grading.cooperation.medium': ['中期合作', '中期合作', 'medium cooperation'],
  'grading.cooperation.short': ['短期合作', '短期合作', 'short cooperation'],
  'grading.score': ['最近评估 {score} 分 ≥ {min} 分', '最近評估 {score} 分 ≥ {min} 分', 'latest evaluation {score} ≥ {min}'],
  'grading.separator': ['、', '、', ', '],
  'grading.reason.row': ['分级标准第 {no} 条：{conditions} → {grade}', '分級標準第 {no} 條：{conditions} → {grade}', 'Standard row {no}: {conditions} → {grade}'],
  'grading.reason.any': ['分级标准第 {no} 条（无条件）→ {grade}', '分級標準第 {no} 條（無條件）→ {grade}', 'Standard row {no} (no conditions) → {grade}'],
  'grading.reason.default': ['不符合分级标准任何一条 → 默认等级 {grade}', '不符合分級標準任何一條 → 預設等級 {grade}', 'No row of the standard holds → default grade {grade}'],
};
