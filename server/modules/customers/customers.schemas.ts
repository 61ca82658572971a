import { z } from 'zod';
import { dateString, pagingQuery, sortQuery, version } from '../../platform/http/schemas';
import type { CustomerSortField } from './customers.queries';
import { SOURCE_CHANNELS, STATUSES } from './customers.fields';
import { POSTCODE_RE, isCreditCode, isPhone } from './customers.rules';

/**
 * The sortable list fields, written out so this file (which the web reads for its types) loads no query
 * code; the two checks below fail to compile when they and customers.queries' CUSTOMER_SORT drift apart.
 */
export const CUSTOMER_SORT_FIELDS = ['name', 'archiveNo', 'createdAt', 'updatedAt', 'status', 'completeness'] as const;
type SortFieldsHere = (typeof CUSTOMER_SORT_FIELDS)[number];
const sortFieldsCovered: [CustomerSortField] extends [SortFieldsHere] ? ([SortFieldsHere] extends [CustomerSortField] ? true : false) : false = true;
void sortFieldsCovered;

const text = (max: number) => z.string().trim().max(max).nullable().optional();
// Full-width digits and letters (１３８…, Ａ) are the same characters typed in a Chinese input mode: NFKC folds them (docs/regulations.md §2).
const phone = z.string().normalize('NFKC').trim().max(40).refine(isPhone, 'validation.phone').nullable().optional();
const amount = z.number().min(0).max(1e9).nullable().optional();

/** The editable fields of a company customer (docs/regulations.md §2), grouped as the seeds group them. */
export const customerFields = {
  // 基本资料
  name: z.string().trim().min(1, 'validation.required').max(100),
  status: z.enum(STATUSES).optional(),
  creditCode: z
    .string()
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .refine(isCreditCode, 'validation.credit_code')
    .nullable()
    .optional(),
  legalRepresentative: text(50),
  generalManager: text(50),
  address: text(200),
  postcode: z.string().normalize('NFKC').trim().regex(POSTCODE_RE, 'validation.postcode').nullable().optional(),
  phone,
  fixedPhone: phone, // 固定电话: the same phone rule and NFKC folding as the main phone
  email: z.string().trim().max(120).pipe(z.email({ error: 'validation.email' })).nullable().optional(),
  website: text(200),
  province: text(30),
  city: text(30),
  district: text(30),
  industry: text(50),
  companyNature: text(30),
  companySize: text(30),
  staffCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  // 经营情况
  businessScope: text(2000),
  operatingStatus: text(100),
  positionInIndustry: text(100),
  priceLevel: text(50),
  mainProducts: text(500),
  peakMonthAmount: amount,
  lowMonthAmount: amount,
  // 财务与付款
  bankName: text(100),
  bankAccount: z.string().normalize('NFKC').trim().regex(/^[\d\s-]{6,40}$/, 'validation.bank_account').nullable().optional(),
  paymentHabits: text(200),
  payingContact: text(50),
  // 客户关系
  sourceChannel: z.enum(SOURCE_CHANNELS).nullable().optional(),
  contactFrequency: text(50),
  relationshipPotential: text(100),
  cooperationIntention: text(100),
  // 合作起始日期: the cooperation-years class counts from it or the first transaction (docs/regulations.md §3)
  cooperationSince: dateString.nullable().optional(),
  notes: text(2000), // 备注
};

export const customerCreate = z
  .object({ ...customerFields, ownerId: z.number().int().positive().optional(), confirmDuplicate: z.boolean().optional() })
  .strict();
export const customerUpdate = z
  .object({ ...customerFields, name: customerFields.name.optional(), version })
  .strict();

const nullableString = z.string().nullable();
export const customerOut = z.object({
  id: z.number(),
  archiveNo: z.string(),
  name: z.string(),
  status: z.string(),
  creditCode: nullableString,
  legalRepresentative: nullableString,
  generalManager: nullableString,
  address: nullableString,
  postcode: nullableString,
  phone: nullableString,
  fixedPhone: nullableString,
  email: nullableString,
  website: nullableString,
  province: nullableString,
  city: nullableString,
  district: nullableString,
  industry: nullableString,
  companyNature: nullableString,
  companySize: nullableString,
  staffCount: z.number().nullable(),
  businessScope: nullableString,
  operatingStatus: nullableString,
  positionInIndustry: nullableString,
  priceLevel: nullableString,
  mainProducts: nullableString,
  peakMonthAmount: z.number().nullable(),
  lowMonthAmount: z.number().nullable(),
  bankName: nullableString,
  bankAccount: nullableString,
  paymentHabits: nullableString,
  payingContact: nullableString,
  sourceChannel: nullableString,
  contactFrequency: nullableString,
  relationshipPotential: nullableString,
  cooperationIntention: nullableString,
  cooperationSince: nullableString,
  notes: nullableString,
  grade: nullableString,
  tags: z.array(z.string()),
  ownerId: z.number(),
  ownerName: nullableString,
  teamId: z.number().nullable(),
  teamName: nullableString,
  departmentId: z.number().nullable(),
  completeness: z.number(),
  missingFields: z.array(z.string()),
  createdByName: nullableString.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  matchedContact: nullableString.optional(),
});

export const customerListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(STATUSES).optional(),
    ownerId: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
    province: z.string().trim().max(30).optional(),
    city: z.string().trim().max(30).optional(),
    industry: z.string().trim().max(50).optional(),
    grade: z.string().trim().min(1).max(20).optional(),
    incomplete: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    createdFrom: dateString.optional(),
    createdTo: dateString.optional(),
    updatedFrom: dateString.optional(),
    updatedTo: dateString.optional(),
    sort: sortQuery(CUSTOMER_SORT_FIELDS),
    ...pagingQuery,
  })
  .strict();

export const duplicateOut = z.object({
  reason: z.enum(['credit_code', 'phone', 'name']),
  visible: z.boolean(),
  id: z.number().nullable(),
  archiveNo: z.string().nullable(),
  name: z.string().nullable(),
});
export const duplicateCheck = z
  .object({ name: z.string().trim().max(100).optional(), creditCode: z.string().normalize('NFKC').trim().max(18).optional(), phone: z.string().normalize('NFKC').trim().max(40).optional() })
  .strict();

export const contactFields = {
  name: z.string().trim().min(1, 'validation.required').max(50),
  position: text(50),
  department: text(50),
  mobile: phone,
  phone,
  email: z.string().trim().max(120).pipe(z.email({ error: 'validation.email' })).nullable().optional(),
  birthday: dateString.nullable().optional(),
  birthdayCalendar: z.enum(['solar', 'lunar']).optional(),
  notes: text(1000),
  isKey: z.boolean().optional(),
};
export const contactCreate = z.object(contactFields).strict();
export const contactUpdate = z.object({ ...contactFields, name: contactFields.name.optional(), version }).strict();
export const contactOut = z.object({
  id: z.number(),
  name: z.string(),
  position: nullableString,
  department: nullableString,
  mobile: nullableString,
  phone: nullableString,
  email: nullableString,
  birthday: nullableString,
  birthdayCalendar: z.enum(['solar', 'lunar']),
  notes: nullableString,
  isKey: z.boolean(),
  version: z.number(),
});

export const revealBody = z
  .object({ field: z.enum(['phone', 'fixedPhone', 'bankAccount', 'contactPhone', 'contactMobile']), contactId: z.number().int().positive().optional() })
  .strict();
export const transferBody = z
  .object({ customerIds: z.array(z.number().int().positive()).min(1).max(1000), ownerId: z.number().int().positive(), reason: z.string().trim().min(2, 'validation.required').max(500) })
  .strict();
export const historyOut = z.object({
  items: z.array(z.object({ at: z.string(), actorName: nullableString, action: z.string(), field: z.string(), oldValue: z.unknown(), newValue: z.unknown(), major: z.boolean(), summary: nullableString })),
});

/** `GET /api/customer-options`: the fixed code lists and the value lists of the archive. */
export const optionsOut = z.object({
  statuses: z.array(z.enum(STATUSES)).readonly(),
  sourceChannels: z.array(z.enum(SOURCE_CHANNELS)).readonly(),
  industries: z.array(z.string()),
  companyNatures: z.array(z.string()),
  companySizes: z.array(z.string()),
  grades: z.array(z.object({ code: z.string(), label: z.string() })),
});
