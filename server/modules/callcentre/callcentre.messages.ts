import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the call centre in zh-CN / zh-TW / en. */
export const CALLCENTRE_MESSAGES: Catalogue = {
  'callcentre.weights_total': ['评分项权重合计须为 100%', '評分項權重合計須為 100%', 'The item weights must total 100 %'],
  'callcentre.keys_repeated': ['评分项代码不能重复', '評分項代碼不能重複', 'Item keys must be distinct'],
  'callcentre.bad_signature': ['签名无效', '簽名無效', 'Invalid signature'],
  'callcentre.agent_unknown': ['找不到该座席', '找不到該座席', 'No such agent'],
  'callcentre.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'callcentre.no_customer': ['该通话未匹配客户', '該通話未匹配客戶', 'This call is not matched to a customer'],
  'callcentre.already_complaint': ['该通话已转为投诉', '該通話已轉為投訴', 'This call has already been turned into a complaint'],
  'callcentre.already_task': ['该通话已生成任务', '該通話已生成任務', 'This call already has a task'],
  'callcentre.already_visit': ['该通话已生成回访记录', '該通話已生成回訪記錄', 'This call already has a visit record'],
  'callcentre.already_scored': ['该通话已评分', '該通話已評分', 'This call has already been scored'],
  'callcentre.score_item_missing': ['请为每个评分项打分', '請為每個評分項打分', 'Score every item of the template'],
  'callcentre.not_your_score': ['只能对自己的质检结果提出申诉', '只能對自己的質檢結果提出申訴', 'You can only dispute your own QA score'],
  'callcentre.dispute_not_open': ['没有待处理的申诉', '沒有待處理的申訴', 'There is no open dispute'],
  'callcentre.dispute_exists': ['已提出过申诉', '已提出過申訴', 'A dispute has already been raised'],
  'callcentre.not_an_agent': ['只能分配给座席员', '只能分配給座席員', 'Only agents can be assigned'],
  'callcentre.in_future': ['通话时间不能晚于现在', '通話時間不能晚於現在', 'The call cannot start in the future'],
  'callcentre.content_required': ['请填写通话摘要', '請填寫通話摘要', 'Fill in the call summary first'],
  'callcentre.task_title': ['来电跟进：{customer}', '來電跟進：{customer}', 'Call follow-up: {customer}'],
  'callcentre.list_name': ['{week} 周电话回访清单', '{week} 週電話回訪清單', 'Phone visits due, week of {week}'],
};
