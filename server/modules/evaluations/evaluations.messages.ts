import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the evaluations module in zh-CN / zh-TW / en, registered from its manifest. */
export const EVALUATION_MESSAGES: Catalogue = {
  'evaluation.weights_not_100': [
    '各项指标权重之和须为 100%（当前为 {sum}%）',
    '各項指標權重之和須為 100%（目前為 {sum}%）',
    'The indicator weights must add up to 100 % (now {sum} %)',
  ],
  'evaluation.indicator_names_unique': ['指标名称不能重复', '指標名稱不能重複', 'Each indicator needs its own name'],
  'evaluation.template_inactive': ['该评估模板已有新版本，请使用最新版本', '該評估範本已有新版本，請使用最新版本', 'This scorecard has a newer version; use that one'],
  'evaluation.template_not_found': ['评估模板不存在', '評估範本不存在', 'No such scorecard'],
  'evaluation.scores_mismatch': ['须为模板的每项指标各打一个分', '須為範本的每項指標各打一個分', 'Give exactly one score for each indicator of the scorecard'],
  'evaluation.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'evaluation.wrong_status': ['评估当前状态（{status}）不允许此操作', '評估目前狀態（{status}）不允許此操作', 'Not possible while the evaluation is {status}'],
  'evaluation.not_reviewer': ['只有该客户所在团队的主管（或经理、总监）才能确认评估', '只有該客戶所在團隊的主管（或經理、總監）才能確認評估', 'Only a supervisor of the customer’s team (or a manager or director) confirms an evaluation'],
  'evaluation.status.draft': ['草稿', '草稿', 'draft'],
  'evaluation.status.submitted': ['待主管确认', '待主管確認', 'awaiting the supervisor'],
  'evaluation.status.confirmed': ['已确认', '已確認', 'confirmed'],
  'evaluation.status.returned': ['已退回', '已退回', 'returned'],
  'evaluation.notify.submitted': ['客户关系评估待确认：{customer}', '客戶關係評估待確認：{customer}', 'Relationship evaluation to confirm: {customer}'],
  'evaluation.notify.submitted_body': ['总分 {total}，建议：{recommendation}。提交人：{who}。', '總分 {total}，建議：{recommendation}。提交人：{who}。', 'Total {total}, recommendation: {recommendation}. Submitted by {who}.'],
  'evaluation.recommendation.maintain': ['维持关系', '維持關係', 'maintain the relationship'],
  'evaluation.recommendation.improve': ['改进关系', '改進關係', 'improve the relationship'],
  'evaluation.recommendation.terminate': ['终止关系', '終止關係', 'end the relationship'],
  'settings.terminate_above_maintain': ['“终止关系”分数线不能高于“维持关系”分数线', '「終止關係」分數線不能高於「維持關係」分數線', 'The end-the-relationship line cannot be above the maintain line'],
};
