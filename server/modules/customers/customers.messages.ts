import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of the customers module in zh-CN / zh-TW / en, registered from its manifest. */
export const CUSTOMER_MESSAGES: Catalogue = {
  'customer.duplicate': ['可能与已有客户重复，请核对后再保存', '可能與既有客戶重複，請核對後再儲存', 'This may duplicate an existing customer; check before saving'],
  'customer.owner_out_of_scope': ['只能交给您所管理范围内的人员', '只能交給您所管理範圍內的人員', 'You can hand customers only to people within your scope'],
  'customer.owner_inactive': ['新负责人账号不存在或已停用', '新負責人帳號不存在或已停用', 'The new owner does not exist or is deactivated'],
  'customer.contact_not_found': ['联系人不存在', '聯絡人不存在', 'No such contact'],
  'customer.merge_self': ['不能与自身合并', '不能與自身合併', 'A customer cannot be merged with itself'],
  'attachment.empty': ['文件为空', '檔案為空', 'The file is empty'],
  'attachment.too_large': ['文件超过 {mb} MB 上限', '檔案超過 {mb} MB 上限', 'The file exceeds the {mb} MB limit'],
  'attachment.type_refused': ['只接受 PDF、图片（PNG/JPEG/GIF/TIFF 传真）、Word 和 Excel 文件（按文件内容判断）', '只接受 PDF、圖片（PNG/JPEG/GIF/TIFF 傳真）、Word 和 Excel 檔案（依檔案內容判斷）', 'Only PDF, images (PNG/JPEG/GIF/TIFF faxes), Word and Excel files are accepted (judged by content)'],
  'import.name_not_mapped': ['请指定哪一列是“客户名称”', '請指定哪一欄是「客戶名稱」', 'Choose the column that holds the customer name'],
  'import.not_an_integer': ['应为整数', '應為整數', 'Must be a whole number'],
  'import.number_range': ['数值应在 {min} 到 {max} 之间', '數值應在 {min} 到 {max} 之間', 'Must be between {min} and {max}'],
  'import.too_many_tags': ['标签不能超过 {max} 个，每个不超过 20 个字', '標籤不能超過 {max} 個，每個不超過 20 個字', 'At most {max} tags of up to 20 characters each'],
  'import.invalid_status': ['状态应为：潜在、正式、休眠、流失', '狀態應為：潛在、正式、休眠、流失', 'Status must be one of: potential, formal, dormant, lost'],
  'import.invalid_source_channel': [
    '来源渠道应为：网络营销、展会、电话营销、合作伙伴推荐、口碑、其他',
    '來源管道應為：網路行銷、展會、電話行銷、合作夥伴推薦、口碑、其他',
    'Source channel must be one of: online, trade fair, telemarketing, referral, word of mouth, other',
  ],
  'import.duplicate_ambiguous': [
    '与多个已有客户重复（信用代码、电话或名称分别对应不同客户），无法确定要更新哪一个',
    '與多個既有客戶重複（信用代碼、電話或名稱分別對應不同客戶），無法確定要更新哪一個',
    'Matches several existing customers (credit code, phone or name point to different ones); cannot tell which to update',
  ],
  'import.duplicate_hidden': ['与您无权查看的客户重复，未更新', '與您無權查看的客戶重複，未更新', 'Duplicates a customer you may not see; not updated'],
  'export.too_many_rows': ['符合条件的客户有 {count} 个，超过单次导出上限 {max} 个，请缩小筛选范围', '符合條件的客戶有 {count} 個，超過單次匯出上限 {max} 個，請縮小篩選範圍', '{count} customers match, more than the export limit of {max}: narrow the filter'],
  'export.unknown_field': ['不能导出的字段：{field}', '不能匯出的欄位：{field}', 'Not an exportable field: {field}'],
  'settings.grade_codes_distinct': ['等级代码不能重复', '等級代碼不能重複', 'Grade codes must be distinct'],
};
