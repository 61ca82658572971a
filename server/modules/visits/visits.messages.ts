import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the visits module in zh-CN / zh-TW / en, registered from its manifest. */
export const VISIT_MESSAGES: Catalogue = {
  'visits.customer_not_found': ['客户不存在或您无权查看', '客戶不存在或您無權查看', 'No such customer, or it is outside your data scope'],
  'visits.in_future': ['回访时间不能晚于现在', '回訪時間不能晚於現在', 'The visit cannot be later than now'],
  'visits.next_step_required': ['填写了下一步日期，请同时填写下一步工作', '填寫了下一步日期，請同時填寫下一步工作', 'A next-step date needs the next step itself'],
  'visits.next_date_past': ['下一步日期不能早于今天', '下一步日期不能早於今天', 'The next-step date cannot be before today'],
  'visits.call_is_phone': ['电话回访记录的方式只能是电话', '電話回訪記錄的方式只能是電話', 'A phone call record is made by phone'],
  'visits.coordinates_pair': ['纬度和经度须同时填写', '緯度和經度須同時填寫', 'Give latitude and longitude together'],
  'visits.no_coordinates': ['签到没有定位坐标，不能保存为客户位置', '簽到沒有定位座標，不能儲存為客戶位置', 'The check-in has no coordinates to keep as the customer’s location'],
  'visits.checkin_on_site': ['只有上门拜访才能签到', '只有上門拜訪才能簽到', 'Only an on-site visit has a check-in'],
  'visits.task_not_yours': ['只能关联分配给您本人的维护任务', '只能關聯分配給您本人的維護任務', 'Link only a maintenance task assigned to you'],
  'visits.signature_type': ['签名须为 PNG 图片或签字表照片（JPEG）', '簽名須為 PNG 圖片或簽字表照片（JPEG）', 'The signature must be a PNG image or a photo (JPEG) of the signed form'],
  'visits.already_complaint': ['该回访记录已转为投诉', '該回訪記錄已轉為投訴', 'This visit has already been turned into a complaint'],
  'visits.already_task': ['该回访记录已转为任务', '該回訪記錄已轉為任務', 'This visit has already been turned into a task'],
  'visits.report_visit_mismatch': ['所选回访记录不属于该客户', '所選回訪記錄不屬於該客戶', 'The chosen visit is not of this customer'],
  'visits.owner_inactive': ['负责人须为在职用户', '負責人須為在職使用者', 'The owner must be an active user'],
  'visits.territory_name_taken': ['已有同名区域', '已有同名區域', 'A territory of that name exists'],
  'visits.not_in_territory': ['该客户不在此区域内', '該客戶不在此區域內', 'The customer is not inside this territory'],
  'visits.no_location': ['该客户还没有坐标', '該客戶還沒有座標', 'This customer has no coordinates yet'],
  'visits.start_required': ['请给出路线起点（当前位置、某个客户，或在设置中填写默认起点）', '請給出路線起點（目前位置、某個客戶，或在設定中填寫預設起點）', 'Give a start (your position, a customer, or the default start in the settings)'],
  'visits.osrm_unreachable': ['道路距离服务无法连接，已按直线距离规划', '道路距離服務無法連線，已按直線距離規劃', 'The road distance service did not answer; the route uses straight-line distances'],
  'visits.start_invalid': ['请按“纬度,经度”填写（如 39.9042,116.4074），或留空', '請按「緯度,經度」填寫（如 39.9042,116.4074），或留空', 'Write "latitude,longitude" (such as 39.9042,116.4074), or leave it empty'],
  'visits.url_invalid': ['请填写以 http:// 或 https:// 开头的地址，或留空', '請填寫以 http:// 或 https:// 開頭的位址，或留空', 'Give an address starting with http:// or https://, or leave it empty'],
  'visits.task.follow_up_title': ['回访跟进：{customer} — {step}', '回訪跟進：{customer} — {step}', 'Visit follow-up: {customer} — {step}'],
  'visits.signature_description': ['客户回访记录签名（{date}）', '客戶回訪記錄簽名（{date}）', 'Signature on the visit record ({date})'],
  'visits.report_signature_description': ['走访客户报告单签章（{date}）', '走訪客戶報告單簽章（{date}）', 'Stamp / signature on the visit report ({date})'],
};
