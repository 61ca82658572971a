import type { AuditRecordType, Labels } from '../../platform/audit/audit.labels';

/**
 * How the customer archive's audit entries read (issue 16 part 3): the field labels and coded values as the
 * archive pages show them, owners by name, the industry in the reader's language, phone and bank account masked.
 */
const L = (zhCN: string, zhTW: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const STATUS_LABELS: Record<string, Labels> = {
  potential: L('潜在', '潛在', 'Potential'),
  formal: L('正式', '正式', 'Active'),
  dormant: L('休眠', '休眠', 'Dormant'),
  lost: L('流失', '流失', 'Lost'),
};

const SOURCE_LABELS: Record<string, Labels> = {
  online: L('网络营销', '網路行銷', 'Online marketing'),
  trade_fair: L('展会', '展覽會', 'Trade fair'),
  telemarketing: L('电话营销', '電話行銷', 'Telemarketing'),
  referral: L('合作伙伴推荐', '合作夥伴推薦', 'Partner referral'),
  word_of_mouth: L('口碑', '口碑', 'Word of mouth'),
  other: L('其他', '其他', 'Other'),
};

export const customerAuditTypes: Record<string, AuditRecordType> = {
  customer: {
    label: L('客户档案', '客戶檔案', 'Customer'),
    fields: {
    name: { label: L('客户名称', '客戶名稱', 'Customer name') },
    status: { label: L('状态', '狀態', 'Status'), value: { options: STATUS_LABELS } },
    creditCode: { label: L('统一社会信用代码', '統一社會信用代碼', 'Unified social credit code') },
    legalRepresentative: { label: L('法定代表人', '法定代表人', 'Legal representative') },
    generalManager: { label: L('总经理', '總經理', 'General manager') },
    address: { label: L('地址', '地址', 'Address') },
    postcode: { label: L('邮政编码', '郵遞區號', 'Postcode') },
    phone: { label: L('联系电话', '聯絡電話', 'Phone'), value: 'masked' },
    fixedPhone: { label: L('固定电话', '固定電話', 'Fixed-line phone'), value: 'masked' },
    email: { label: L('电子邮箱', '電子郵件', 'Email') },
    website: { label: L('网址', '網址', 'Website') },
    province: { label: L('省份', '省份', 'Province') },
    city: { label: L('城市', '城市', 'City') },
    district: { label: L('区县', '區縣', 'District') },
    industry: { label: L('所属行业', '所屬行業', 'Industry'), value: { reference: 'industries' } },
    companyNature: { label: L('公司性质', '公司性質', 'Company type') },
    companySize: { label: L('公司规模', '公司規模', 'Company size') },
    staffCount: { label: L('员工人数', '員工人數', 'Staff') },
    tags: { label: L('标签', '標籤', 'Tags') },
    businessScope: { label: L('经营范围', '經營範圍', 'Business scope') },
    operatingStatus: { label: L('经营状况', '經營狀況', 'Operating status') },
    positionInIndustry: { label: L('同行业中所处地位', '同業中所處地位', 'Position in its industry') },
    priceLevel: { label: L('价格水平', '價格水準', 'Price level') },
    mainProducts: { label: L('主要采购产品', '主要採購產品', 'Main products bought') },
    peakMonthAmount: { label: L('旺季月采购额（万元）', '旺季月採購額（萬元）', 'Peak-season monthly amount (10k CNY)') },
    lowMonthAmount: { label: L('淡季月采购额（万元）', '淡季月採購額（萬元）', 'Low-season monthly amount (10k CNY)') },
    bankName: { label: L('开户银行', '往來銀行', 'Bank') },
    bankAccount: { label: L('银行账号', '銀行帳號', 'Bank account'), value: 'masked' },
    paymentHabits: { label: L('付款习惯', '付款習慣', 'Payment habits') },
    payingContact: { label: L('承办付款人', '承辦付款人', 'Paying contact') },
    sourceChannel: { label: L('来源渠道', '來源管道', 'Source channel'), value: { options: SOURCE_LABELS } },
    contactFrequency: { label: L('沟通频率', '溝通頻率', 'Contact frequency') },
    relationshipPotential: { label: L('关系发展潜力', '關係發展潛力', 'Relationship potential') },
    cooperationIntention: { label: L('合作意向', '合作意向', 'Cooperation intention') },
    cooperationSince: { label: L('合作起始日期', '合作起始日期', 'Cooperating since') },
    notes: { label: L('备注', '備註', 'Notes') },
    grade: { label: L('客户等级', '客戶等級', 'Grade') },
    ownerId: { label: L('负责人', '負責人', 'Owner'), value: 'user' },
    ownerName: { label: L('负责人', '負責人', 'Owner') },
    teamId: { label: L('团队', '團隊', 'Team') },
    teamName: { label: L('团队', '團隊', 'Team') },
    departmentId: { label: L('部门', '部門', 'Department') },
    archiveNo: { label: L('档案编号', '檔案編號', 'Archive no.') },
    contact: { label: L('联系人', '聯絡人', 'Contact') },
      creditRating: { label: L('信用等级', '信用等級', 'Credit rating') },
    },
  },
};

export const INDUSTRY_LIST_LABEL = L('所属行业', '所屬行業', 'Industry');
