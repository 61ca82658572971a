import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the KPI module in zh-CN / zh-TW / en. */
export const KPI_MESSAGES: Catalogue = {
  'kpi.rule_repeated': ['同一事件只能有一条扣分规则', '同一事件只能有一條扣分規則', 'One rule per event'],
  'kpi.reason_required': ['请填写撤销原因', '請填寫撤銷原因', 'Give the reason for the annulment'],
  'kpi.no_such_deduction': ['该月没有这项扣分', '該月沒有這項扣分', 'There is no such deduction in that month'],
  'kpi.already_annulled': ['该扣分已撤销', '該扣分已撤銷', 'This deduction is already annulled'],
  'kpi.person_not_found': ['人员不存在或不在您的范围内', '人員不存在或不在您的範圍內', 'No such person, or outside your scope'],
  'kpi.team_not_found': ['小组不存在或不在您的范围内', '小組不存在或不在您的範圍內', 'No such team, or outside your scope'],
  'kpi.report_not_owed': ['您无需提交此项报告', '您無需提交此項報告', 'You do not owe this report'],
  'kpi.report_period_invalid': ['报告期间格式不正确', '報告期間格式不正確', 'Invalid period for this report'],
  'kpi.report_submitted': ['该期报告已提交', '該期報告已提交', 'This report is already submitted'],
  'kpi.no_department': ['您不属于任何部门', '您不屬於任何部門', 'You belong to no department'],
  'kpi.meeting_held': ['该例会已记录纪要', '該例會已記錄紀要', 'The minutes of this meeting are already recorded'],
  'kpi.attendee_unknown': ['参会人不存在', '參會人不存在', 'Unknown attendee'],
  'kpi.ded.new_customers': ['{month} 新开发客户 {count} 个，少于 {min} 个', '{month} 新開發客戶 {count} 個，少於 {min} 個', '{month}: {count} new customers, fewer than {min}'],
  'kpi.ded.report_late': ['{report}（{period}）于 {submitted} 提交，晚于截止日 {due}', '{report}（{period}）於 {submitted} 提交，晚於截止日 {due}', '{report} ({period}) submitted {submitted}, after the due date {due}'],
  'kpi.ded.report_missing': ['{report}（{period}）截止日 {due} 前未提交', '{report}（{period}）截止日 {due} 前未提交', '{report} ({period}) not submitted by {due}'],
  'kpi.report.monthly_forecast': ['月度预测', '月度預測', 'Monthly forecast'],
  'kpi.report.monthly_summary': ['月度总结', '月度總結', 'Monthly summary'],
  'kpi.report.monthly_analysis': ['月度分析报告', '月度分析報告', 'Monthly analysis report'],
  'kpi.report.daily_visit': ['回访日报', '回訪日報', 'Daily visit report'],
  'kpi.todo.report': ['提交{report}（{period}）', '提交{report}（{period}）', 'Submit the {report} ({period})'],
  'kpi.todo.meeting': ['例会 {time}', '例會 {time}', 'Regular meeting at {time}'],
};
