import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the reception module in zh-CN / zh-TW / en. */
export const RECEPTION_MESSAGES: Catalogue = {
  'reception.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'reception.organisation_required': ['请选择客户或填写来访单位', '請選擇客戶或填寫來訪單位', 'Choose a customer or enter the organisation'],
  'reception.receiver_unknown': ['接待人员不存在或已停用', '接待人員不存在或已停用', 'No such active staff member'],
  'reception.departure_before_arrival': ['离开时间不能早于到达时间', '離開時間不能早於到達時間', 'Departure cannot be before arrival'],
  'reception.promise_days_required': ['承诺解决须填写天数', '承諾解決須填寫天數', 'A promise needs the number of days'],
  'reception.reason_required': ['无法解决时必须填写原因', '無法解決時必須填寫原因', 'Say why it cannot be solved'],
  'reception.tour_notice_days': [
    '{type}参观须提前 {days} 天通知，{date} {time} 已不足 {days} 天',
    '{type}參觀須提前 {days} 天通知，{date} {time} 已不足 {days} 天',
    'A {type} tour needs {days} days’ notice; {date} {time} is less than {days} days away',
  ],
  'reception.tour_notice_hours': [
    '{type}参观须提前 {hours} 小时通知，{date} {time} 已不足 {hours} 小时',
    '{type}參觀須提前 {hours} 小時通知，{date} {time} 已不足 {hours} 小時',
    'A {type} tour needs {hours} hours’ notice; {date} {time} is less than {hours} hours away',
  ],
  'reception.tour_type.key': ['重点客户', '重點客戶', 'key-customer'],
  'reception.tour_type.group': ['团体客户', '團體客戶', 'group'],
  'reception.tour_type.ordinary': ['一般客户', '一般客戶', 'ordinary'],
  'reception.tour_type.adhoc': ['临时', '臨時', 'ad-hoc'],
  'reception.tour_not_approved': ['参观未经总经理批准，不能安排或开始', '參觀未經總經理批准，不能安排或開始', 'The tour is not approved by the general manager and cannot be scheduled or started'],
  'reception.tour_not_started': ['参观尚未开始', '參觀尚未開始', 'The tour has not started'],
  'reception.not_applicant': ['只有申请人可以进行此操作', '只有申請人可以進行此操作', 'Only the applicant may do this'],
  'reception.not_resubmittable': ['当前状态不能重新提交', '當前狀態不能重新提交', 'It cannot be resubmitted in its current state'],
  'reception.emergency_reason_required': ['紧急宴请须说明紧急原因', '緊急宴請須說明緊急原因', 'An emergency banquet needs the reason'],
  'reception.banquet_not_approved': ['宴请须先经总监批准（紧急情况除外）', '宴請須先經總監批准（緊急情況除外）', 'A banquet needs the director’s approval first (except in an emergency)'],
  'reception.banquet_held': ['该宴请已登记为已举行', '該宴請已登記為已舉行', 'This banquet is already recorded as held'],
  'reception.task.promise_title': ['兑现接待承诺：{organisation}', '兌現接待承諾：{organisation}', 'Keep the reception promise: {organisation}'],
  'reception.task.promise_body': ['{date} 接待 {visitor}，承诺在 {days} 天内解决：{requests}', '{date} 接待 {visitor}，承諾在 {days} 天內解決：{requests}', 'Received {visitor} on {date}; promised within {days} days: {requests}'],
};

/** Column headings of the visitor log export. */
export const EXPORT_MESSAGES: Catalogue = {
  'reception.export.sheet': ['客户来访登记表', '客戶來訪登記表', 'Visitor log'],
  'reception.export.visitorName': ['来访人', '來訪人', 'Visitor'],
  'reception.export.organisation': ['来访单位', '來訪單位', 'Organisation'],
  'reception.export.archiveNo': ['档案编号', '檔案編號', 'Archive no.'],
  'reception.export.phone': ['联系电话', '聯繫電話', 'Phone'],
  'reception.export.idNumber': ['身份证号', '身分證號', 'ID number'],
  'reception.export.receiver': ['接待人员', '接待人員', 'Received by'],
  'reception.export.arrivedAt': ['到达时间', '到達時間', 'Arrived'],
  'reception.export.departedAt': ['离开时间', '離開時間', 'Left'],
  'reception.export.note': ['备注', '備註', 'Note'],
};
