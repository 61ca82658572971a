import type { TFunction } from 'i18next';
import type { CustomerEditable } from '../../api/contract/customers';

/**
 * The one place that names the customer fields: their i18n label, the archive section they belong to
 * and the kind of input. The form, the detail page, the "资料不完整" list and the change history all
 * read their labels from here.
 */
export type CustomerField = keyof CustomerEditable;

export type FieldKind = 'text' | 'textarea' | 'select' | 'tags' | 'integer' | 'amount' | 'masked';

/** Where a select takes its values from (GET /api/customer-options). */
export type OptionList = 'statuses' | 'sourceChannels' | 'industries' | 'companyNatures' | 'companySizes';

export interface FieldDef {
  key: CustomerField;
  kind: FieldKind;
  options?: OptionList;
  /** Form columns out of 24 on a wide screen (phones always use the full width). */
  span?: 8 | 12 | 16 | 24;
  max?: number;
}

export type SectionKey = 'basic' | 'business' | 'finance' | 'relationship';

export interface SectionDef {
  key: SectionKey;
  fields: FieldDef[];
}

/** Archive sections (docs/regulations.md §2, the seeds' 客户资料卡 / 客户关系管理表), in form order. */
export const SECTIONS: SectionDef[] = [
  {
    key: 'basic',
    fields: [
      { key: 'name', kind: 'text', span: 16, max: 100 },
      { key: 'status', kind: 'select', options: 'statuses', span: 8 },
      { key: 'creditCode', kind: 'text', max: 18 },
      { key: 'legalRepresentative', kind: 'text', max: 50 },
      { key: 'generalManager', kind: 'text', max: 50 },
      { key: 'address', kind: 'text', span: 16, max: 200 },
      { key: 'postcode', kind: 'text', max: 6 },
      { key: 'phone', kind: 'masked', max: 30 },
      { key: 'fixedPhone', kind: 'masked', max: 30 },
      { key: 'email', kind: 'text', max: 120 },
      { key: 'website', kind: 'text', max: 200 },
      { key: 'province', kind: 'text', max: 30 },
      { key: 'city', kind: 'text', max: 30 },
      { key: 'district', kind: 'text', max: 30 },
      { key: 'industry', kind: 'select', options: 'industries', max: 50 },
      { key: 'companyNature', kind: 'select', options: 'companyNatures', max: 30 },
      { key: 'companySize', kind: 'select', options: 'companySizes', max: 30 },
      { key: 'staffCount', kind: 'integer' },
      { key: 'tags', kind: 'tags', span: 16 },
    ],
  },
  {
    key: 'business',
    fields: [
      { key: 'businessScope', kind: 'textarea', span: 24, max: 2000 },
      { key: 'operatingStatus', kind: 'text', max: 100 },
      { key: 'positionInIndustry', kind: 'text', max: 100 },
      { key: 'priceLevel', kind: 'text', max: 50 },
      { key: 'mainProducts', kind: 'textarea', span: 24, max: 500 },
      { key: 'peakMonthAmount', kind: 'amount' },
      { key: 'lowMonthAmount', kind: 'amount' },
    ],
  },
  {
    key: 'finance',
    fields: [
      { key: 'bankName', kind: 'text', max: 100 },
      { key: 'bankAccount', kind: 'masked', max: 40 },
      { key: 'payingContact', kind: 'text', max: 50 },
      { key: 'paymentHabits', kind: 'textarea', span: 24, max: 200 },
    ],
  },
  {
    key: 'relationship',
    fields: [
      { key: 'sourceChannel', kind: 'select', options: 'sourceChannels' },
      { key: 'contactFrequency', kind: 'text', max: 50 },
      { key: 'relationshipPotential', kind: 'text', max: 100 },
      { key: 'cooperationIntention', kind: 'text', max: 100 },
      // YYYY-MM-DD; the cooperation-years class counts from it (docs/regulations.md §3)
      { key: 'cooperationSince', kind: 'text', max: 10 },
      { key: 'notes', kind: 'textarea', span: 24, max: 2000 },
    ],
  },
];

export const FIELD_DEFS: Record<CustomerField, FieldDef> = Object.fromEntries(SECTIONS.flatMap((s) => s.fields.map((f) => [f.key, f]))) as Record<
  CustomerField,
  FieldDef
>;

export const ALL_FIELDS: CustomerField[] = SECTIONS.flatMap((s) => s.fields.map((f) => f.key));

/** i18n key of a field label; also used for fields that are not editable (owner, team …). */
export const fieldLabelKey = (key: string) => `customers.fields.${key}`;

/** A field's label in the current language; an unknown key (a field added on the server later) shows as it is. */
export function fieldLabel(t: TFunction, key: string): string {
  return t(fieldLabelKey(key), { defaultValue: key });
}

export function sectionLabel(t: TFunction, key: SectionKey): string {
  return t(`customers.sections.${key}`);
}
