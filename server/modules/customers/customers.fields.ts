/** API field name (camelCase) ↔ column (snake_case) for the editable customer fields. */
export const TEXT_FIELDS = {
  name: 'name',
  status: 'status',
  creditCode: 'credit_code',
  legalRepresentative: 'legal_representative',
  generalManager: 'general_manager',
  address: 'address',
  postcode: 'postcode',
  phone: 'phone',
  fixedPhone: 'fixed_phone', // 固定电话
  email: 'email',
  website: 'website',
  province: 'province',
  city: 'city',
  district: 'district',
  industry: 'industry',
  companyNature: 'company_nature',
  companySize: 'company_size',
  businessScope: 'business_scope',
  operatingStatus: 'operating_status',
  positionInIndustry: 'position_in_industry',
  priceLevel: 'price_level',
  mainProducts: 'main_products',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  paymentHabits: 'payment_habits',
  payingContact: 'paying_contact',
  sourceChannel: 'source_channel',
  contactFrequency: 'contact_frequency',
  relationshipPotential: 'relationship_potential',
  cooperationIntention: 'cooperation_intention',
  cooperationSince: 'cooperation_since', // YYYY-MM-DD
  notes: 'notes', // 备注
} as const;

export const NUMBER_FIELDS = {
  staffCount: 'staff_count',
  peakMonthAmount: 'peak_month_amount',
  lowMonthAmount: 'low_month_amount',
} as const;

export type TextField = keyof typeof TEXT_FIELDS;
export type NumberField = keyof typeof NUMBER_FIELDS;
export type EditableField = TextField | NumberField | 'tags';

export const EDITABLE_COLUMNS: Record<EditableField, string> = { ...TEXT_FIELDS, ...NUMBER_FIELDS, tags: 'tags' };

/** Values masked wherever they leave the detail page unrevealed: lists, history, audit log. */
export const MASKED_FIELDS = new Set<EditableField>(['phone', 'fixedPhone', 'bankAccount']);

export const STATUSES = ['potential', 'formal', 'dormant', 'lost'] as const; // 潜在 / 正式 / 休眠 / 流失
export const SOURCE_CHANNELS = ['online', 'trade_fair', 'telemarketing', 'referral', 'word_of_mouth', 'other'] as const; // docs/regulations.md §6
export const COMPANY_NATURES = ['国有企业', '民营企业', '外资企业', '合资企业', '集体企业', '事业单位', '政府机关', '个体工商户', '其他'];
export const COMPANY_SIZES = ['微型', '小型', '中型', '大型'];
// Industry classes after docs/regulations.md §3 (A: manufacturing, finance; B: services, retail; C: others).
export const INDUSTRIES = ['制造业', '金融业', '批发和零售业', '信息技术服务', '建筑业', '交通运输和物流', '住宿和餐饮业', '房地产业', '教育', '医疗卫生', '能源化工', '农林牧渔', '文化传媒', '政府及公共事业', '其他'];
