import { createOwnership } from '../ownership';

/** Server-side messages in the three interface languages. Keys are stable codes; the web app has its own catalogue. */
export type Lang = 'zh-CN' | 'zh-TW' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'zh-TW', 'en'];

/** key → the message in zh-CN, zh-TW and en; `{name}` marks a parameter. */
export type Catalogue = Record<string, [zhCN: string, zhTW: string, en: string]>;

/** The platform's own messages; each module registers its catalogue from its manifest (registerMessages). */
const messages: Catalogue = {
  'error.validation': ['输入有误，请检查标出的字段', '輸入有誤，請檢查標出的欄位', 'Some fields are invalid'],
  'error.unauthenticated': ['请先登录', '請先登入', 'Please sign in'],
  'error.session_expired': ['登录已过期，请重新登录', '登入已過期，請重新登入', 'Your session has expired, please sign in again'],
  'error.forbidden': ['您没有执行此操作的权限', '您沒有執行此操作的權限', 'You are not allowed to do this'],
  'error.not_found': ['记录不存在或您无权查看', '記錄不存在或您無權查看', 'Not found'],
  'error.route_not_found': ['接口不存在', '介面不存在', 'No such API route'],
  'error.conflict_version': [
    '该记录已被他人修改，请刷新后重试',
    '該記錄已被他人修改，請重新整理後重試',
    'This record was changed by someone else; reload and try again',
  ],
  'error.conflict': ['与现有数据冲突', '與現有資料衝突', 'Conflicts with existing data'],
  'error.password_change_required': ['请先修改初始密码', '請先修改初始密碼', 'Change your initial password first'],
  'error.csrf': ['安全校验失败，请刷新页面后重试', '安全校驗失敗，請重新整理頁面後重試', 'Security check failed; reload the page and try again'],
  'error.rate_limited': ['请求过于频繁，请稍后再试', '請求過於頻繁，請稍後再試', 'Too many requests; try again later'],
  'error.internal': ['服务器内部错误，请联系管理员并提供请求编号', '伺服器內部錯誤，請聯絡管理員並提供請求編號', 'Internal error; contact your administrator with the request id'],
  'error.payload_too_large': ['提交的内容过大', '提交的內容過大', 'The request is too large'],
  'auth.invalid_credentials': ['用户名或密码错误', '使用者名稱或密碼錯誤', 'Wrong username or password'],
  'auth.locked': ['登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试', '登入失敗次數過多，帳號已鎖定，請於 {minutes} 分鐘後再試', 'Too many failed sign-ins; the account is locked for {minutes} more minutes'],
  'auth.inactive': ['账号已停用', '帳號已停用', 'This account is deactivated'],
  'settings.from_env': ['此项由环境变量 {name} 提供，请在服务器上修改', '此項由環境變數 {name} 提供，請在伺服器上修改', 'This value comes from the environment variable {name}; change it on the server'],
  'auth.wrong_current_password': ['当前密码不正确', '目前密碼不正確', 'The current password is wrong'],
  'password.too_short': ['密码至少需要 {min} 个字符', '密碼至少需要 {min} 個字元', 'The password needs at least {min} characters'],
  'password.too_common': ['密码过于常见，请换一个', '密碼過於常見，請換一個', 'This password is too common; choose another'],
  'password.contains_username': ['密码不能包含用户名', '密碼不能包含使用者名稱', 'The password must not contain the username'],
  'password.same_as_old': ['新密码不能与当前密码相同', '新密碼不能與目前密碼相同', 'The new password must differ from the current one'],
  'user.username_taken': ['用户名已存在', '使用者名稱已存在', 'This username is taken'],
  'user.cannot_deactivate_self': ['不能停用自己的账号', '不能停用自己的帳號', 'You cannot deactivate your own account'],
  'user.cannot_grant_role': ['您不能授予该角色', '您不能授予該角色', 'You cannot grant this role'],
  'user.last_admin': ['至少需要保留一名启用的管理员', '至少需要保留一名啟用的管理員', 'At least one active administrator must remain'],
  'org.department_name_taken': ['部门名称已存在', '部門名稱已存在', 'A department with this name exists'],
  'org.team_name_taken': ['该部门下已有同名团队', '該部門下已有同名團隊', 'This department already has a team with this name'],
  'org.team_wrong_department': ['团队不属于所选部门', '團隊不屬於所選部門', 'The team does not belong to the chosen department'],
  'org.department_in_use': ['部门下仍有团队或用户，不能删除', '部門下仍有團隊或使用者，不能刪除', 'The department still has teams or users'],
  'settings.unknown': ['没有这个设置项', '沒有這個設定項', 'No such setting'],
  'calendar.day_exists': ['该日期已有公司安排', '該日期已有公司安排', 'This date already has a company entry'],
  'calendar.year_has_builtin_data': ['该年份已内置官方节假日数据', '該年份已內建官方假日資料', 'This year already has built-in official data'],
  'calendar.date_outside_year': ['日期不在所导入的年份内', '日期不在所匯入的年份內', 'The date is outside the year being imported'],
  'calendar.range_too_long': ['日期范围不能超过 {years} 年', '日期範圍不能超過 {years} 年', 'The range may not exceed {years} years'],
  'calendar.range_reversed': ['结束日期早于开始日期', '結束日期早於開始日期', 'The end date is before the start date'],
  'validation.required': ['必填', '必填', 'Required'],
  'validation.min': ['不能小于 {min}', '不能小於 {min}', 'Must be at least {min}'],
  'validation.above': ['必须大于 {min}', '必須大於 {min}', 'Must be more than {min}'],
  'validation.max': ['不能大于 {max}', '不能大於 {max}', 'Must be at most {max}'],
  'validation.below': ['必须小于 {max}', '必須小於 {max}', 'Must be less than {max}'],
  'validation.min_length': ['至少 {min} 个字符', '至少 {min} 個字元', 'At least {min} characters'],
  'validation.max_length': ['最多 {max} 个字符', '最多 {max} 個字元', 'At most {max} characters'],
  'validation.min_items': ['至少选择 {min} 项', '至少選擇 {min} 項', 'Choose at least {min}'],
  'validation.max_items': ['最多 {max} 项', '最多 {max} 項', 'At most {max} items'],
  'validation.choice': ['请从可选项中选择', '請從可選項中選擇', 'Choose one of the options'],
  'validation.number': ['请输入数字', '請輸入數字', 'Enter a number'],
  'validation.unknown_field': ['不支持的字段', '不支援的欄位', 'Unknown field'],
  'validation.invalid': ['内容不正确', '內容不正確', 'Not valid'],
  'validation.nul_byte': ['含有不允许的空字符（\\u0000）', '含有不允許的空字元（\\u0000）', 'Contains a NUL character (\\u0000), which is not allowed'],
  'validation.date': ['日期格式应为 YYYY-MM-DD', '日期格式應為 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'],
  'validation.username': ['用户名为 3–32 位字母、数字、点、下划线或连字符', '使用者名稱為 3–32 位字母、數字、點、底線或連字號', 'Usernames have 3–32 letters, digits, dots, underscores or hyphens'],
  'validation.email': ['邮箱格式不正确', '電子郵件格式不正確', 'Not a valid e-mail address'],
  'validation.mobile': ['手机号格式不正确', '手機號碼格式不正確', 'Not a valid mobile number'],
  'validation.phone': ['电话号码格式不正确（手机 11 位，或区号-座机号）', '電話號碼格式不正確（手機 11 位，或區號-市話）', 'Not a valid phone number (11-digit mobile or area code + landline)'],
  'validation.credit_code': ['统一社会信用代码不正确（18 位，末位校验码）', '統一社會信用代碼不正確（18 位，末位校驗碼）', 'Not a valid unified social credit code (18 characters with check character)'],
  'validation.postcode': ['邮政编码应为 6 位数字', '郵遞區號應為 6 位數字', 'A postcode has 6 digits'],
  'validation.bank_account': ['银行账号格式不正确', '銀行帳號格式不正確', 'Not a valid bank account number'],
  'validation.id_number': ['身份证号码不正确（18 位，出生日期与末位校验码）', '身分證號碼不正確（18 位，出生日期與末位校驗碼）', 'Not a valid resident ID number (18 characters, date of birth and check digit)'],
  'validation.version': ['缺少版本号', '缺少版本號', 'The record version is missing'],
  // Spreadsheet imports of every module (server/platform/import).
  'import.too_large': ['文件过大：上限为 {mb} MB', '檔案過大：上限為 {mb} MB', 'The file is too large: the limit is {mb} MB'],
  'import.unsupported_type': [
    '无法识别的文件类型：请上传 Excel 工作簿（.xlsx）或 CSV 文本文件（UTF-8 或 GBK 编码）',
    '無法識別的檔案類型：請上傳 Excel 活頁簿（.xlsx）或 CSV 文字檔（UTF-8 或 GBK 編碼）',
    'Unrecognised file type: upload an Excel workbook (.xlsx) or a CSV text file (UTF-8 or GBK)',
  ],
  'import.legacy_xls': [
    '不支持旧版 Excel 97-2003（.xls）格式或设有打开密码的工作簿：请在 Excel 中取消密码并“另存为” .xlsx 后再上传',
    '不支援舊版 Excel 97-2003（.xls）格式或設有開啟密碼的活頁簿：請在 Excel 中取消密碼並「另存新檔」為 .xlsx 後再上傳',
    'Old Excel 97-2003 (.xls) files and password-protected workbooks are not supported: remove the password and save as .xlsx in Excel, then upload again',
  ],
  'import.zip_bomb': [
    '文件解压后的体积异常（超过 {mb} MB 或压缩比超过 {ratio} 倍），疑似压缩炸弹，已拒绝',
    '檔案解壓縮後的大小異常（超過 {mb} MB 或壓縮比超過 {ratio} 倍），疑似壓縮炸彈，已拒絕',
    'The file would unpack to an abnormal size (over {mb} MB or a ratio above {ratio}); refused as a possible zip bomb',
  ],
  'import.corrupt_xlsx': ['无法读取该 Excel 文件，文件可能已损坏', '無法讀取該 Excel 檔案，檔案可能已損毀', 'The Excel file cannot be read; it may be damaged'],
  'import.empty': ['文件中没有表头或数据行', '檔案中沒有表頭或資料列', 'The file has no header row or no data rows'],
  'import.too_many_rows': ['数据行超过上限 {max} 行，请拆分文件后分批导入', '資料列超過上限 {max} 列，請拆分檔案後分批匯入', 'More than {max} data rows: split the file and import it in parts'],
  'import.too_many_columns': ['列数超过上限 {max} 列', '欄數超過上限 {max} 欄', 'More than {max} columns'],
  'import.mapping_length': ['列对应关系的数量与文件的列数不一致', '欄位對應的數量與檔案的欄數不一致', 'The mapping must name one field (or none) for each column of the file'],
  'import.field_mapped_twice': ['同一字段不能对应多列', '同一欄位不能對應多欄', 'A field can be mapped to one column only'],
  'import.already_committed': ['该导入已经执行，不能再修改', '該匯入已經執行，不能再修改', 'This import has already been carried out and cannot be changed'],
  'import.in_progress': ['该导入正在执行中，请稍候', '該匯入正在執行中，請稍候', 'This import is running; please wait'],
  'import.not_a_number': ['应为数字', '應為數字', 'Must be a number'],
  'import.too_long': ['不能超过 {max} 个字符', '不能超過 {max} 個字元', 'At most {max} characters'],
  'import.invalid_value': ['值无效', '值無效', 'Invalid value'],
  'import.number_precision': [
    '数字超过 15 位，已被 Excel 截断：请把该列设为“文本”格式后重新填写',
    '數字超過 15 位，已被 Excel 截斷：請把該欄設為「文字」格式後重新填寫',
    'A number of more than 15 digits was rounded by Excel: format the column as Text and enter it again',
  ],
  'import.report_sheet': ['错误报告', '錯誤報告', 'Errors'],
  'import.report_row': ['原行号', '原列號', 'Row'],
  'import.report_errors': ['错误原因', '錯誤原因', 'Problems'],
  'audit.yes': ['是', '是', 'Yes'],
  'audit.no': ['否', '否', 'No'],
  'role.admin': ['系统管理员', '系統管理員', 'Administrator'],
  'role.director': ['客户服务总监', '客戶服務總監', 'Director'],
  'role.manager': ['客户服务经理', '客戶服務經理', 'Manager'],
  'role.supervisor': ['主管', '主管', 'Supervisor'],
  'role.specialist': ['专员', '專員', 'Specialist'],
  'role.sales': ['销售', '銷售', 'Sales'],
  'role.finance': ['财务', '財務', 'Finance'],
  'role.agent': ['座席员', '座席員', 'Agent'],
  'role.qa': ['质检员', '質檢員', 'QA'],
  'role.callcentre_manager': ['呼叫中心经理', '呼叫中心經理', 'Call-centre manager'],
  'role.team_lead': ['座席班长', '座席班長', 'Agent team lead'],
};

const keyOwners = createOwnership('Message', Object.keys(messages));

/** Adds a module's messages; a key already declared by another owner stops the start-up. */
export function registerMessages(owner: string, catalogue: Catalogue): void {
  for (const [key, entry] of Object.entries(catalogue)) {
    keyOwners.claim(key, owner);
    messages[key] = entry;
  }
}

export function hasMessage(key: string): boolean {
  return Object.hasOwn(messages, key);
}

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const entry = messages[key];
  if (!entry) return key;
  const text = entry[LANGS.indexOf(lang)] ?? entry[0];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isMessageKey(key: string): boolean {
  return Object.hasOwn(messages, key);
}

/** Language of a request: explicit cookie, then Accept-Language; Simplified Chinese by default. */
export function pickLang(cookieLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookieLang && (LANGS as string[]).includes(cookieLang)) return cookieLang as Lang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh-tw') || first.startsWith('zh-hk') || first.startsWith('zh-hant')) return 'zh-TW';
  return 'zh-CN';
}
