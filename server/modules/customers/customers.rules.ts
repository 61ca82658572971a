/**
 * Pure rules of the customer archive (docs/regulations.md §2): validation of Chinese identifiers, the search
 * tokens that make "many-way retrieval" work on both databases, duplicate-name normalisation,
 * archive completeness and major changes. No I/O.
 */
import { maskBankAccount } from '../../platform/outgoing/masking';
import { foldChinese, preferredReading, readingTokens, type NameKind } from '../../platform/search/chinese.rules';

// ── Identifiers ───────────────────────────────────────────────────────────────
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
export const POSTCODE_RE = /^\d{6}$/;

/** Mainland mobile or landline with area code (optional extension). */
export function isPhone(value: string): boolean {
  const v = value.replace(/[\s]/g, '');
  return MOBILE_RE.test(v) || LANDLINE_RE.test(v);
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character over the first 17. */
export function isCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(code[i]) * CREDIT_CODE_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[check] === code[17];
}

export function digitsOf(value: string | null | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

/** 138****1234 (issue 3 §9): one masking rule for the whole product, defined with the HTTP schemas. */
export { maskPhone } from '../../platform/http/schemas';

/** **** 1234 for bank accounts: the same mask as every outgoing channel uses. */
export function maskAccount(value: string | null): string | null {
  return value ? maskBankAccount(value) : value;
}

// ── Duplicate check (查重) ─────────────────────────────────────────────────────
const LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '公司', '集团'];

/** 北京 华远 科技（有限公司） ≈ 北京华远科技: full/half width, spaces, punctuation and legal-form suffixes ignored. */
export function normalizeCompanyName(name: string): string {
  let n = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  for (const s of LEGAL_SUFFIXES) {
    if (n.endsWith(s) && n.length > s.length) {
      n = n.slice(0, -s.length);
      break;
    }
  }
  return n;
}

// ── Search tokens ─────────────────────────────────────────────────────────────
const HAN = /\p{Script=Han}/u;

/** Letters and digits of a text, NFKC-normalised, traditional folded to simplified, lower-cased. */
function compact(text: string): string {
  return foldChinese(text).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every single character and every pair of neighbours: 北京华远 → 北 京 华 远 北京 京华 华远 (長沙 is indexed as 长沙). */
function charTokens(text: string): string[] {
  const chars = [...compact(text)];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    if (HAN.test(chars[i])) out.add(chars[i]);
    if (i + 1 < chars.length && (HAN.test(chars[i]) || HAN.test(chars[i + 1]))) out.add(chars[i] + chars[i + 1]);
  }
  // Latin words and numbers inside names (ABC科技) stay whole words as well.
  for (const w of text.normalize('NFKC').toLowerCase().match(/[a-z0-9]+/g) ?? []) out.add(w);
  return [...out];
}

/**
 * Full pinyin and initials of every reading from every syllable on: 华远 is found by huayuan, yuan…, hy, y…;
 * 单县 by danxian and shanxian, a person 曾晓明 by zeng only (docs/regulations.md §2).
 */
function pinyinTokens(text: string, kind: NameKind): string[] {
  return readingTokens(text, kind);
}

/** Every suffix of at least 4 digits, so a prefix query finds any run of 4+ digits inside the number. */
function phoneTokens(phone: string | null | undefined): string[] {
  const d = digitsOf(phone);
  if (d.length < 4) return d ? [d] : [];
  const out: string[] = [];
  for (let i = 0; i + 4 <= d.length; i++) out.push(d.slice(i));
  return out;
}

export interface SearchableCustomer {
  name: string;
  archiveNo: string;
  creditCode?: string | null;
  phone?: string | null;
  contacts?: { name: string; mobile?: string | null; phone?: string | null }[];
}

/** The space-separated token document indexed by FTS5 (unicode61) and by to_tsvector('simple'). */
export function searchDocument(c: SearchableCustomer, opts: { pinyin?: boolean } = {}): string {
  // Pinyin is the costly part; a caller that only matches Chinese or digits may leave it out.
  const py = opts.pinyin === false ? () => [] : pinyinTokens;
  const tokens = new Set<string>([...charTokens(c.name), ...py(c.name, 'company'), ...phoneTokens(c.phone), compact(c.archiveNo)]);
  if (c.creditCode) tokens.add(c.creditCode.toLowerCase());
  for (const ct of c.contacts ?? []) {
    for (const t of [...charTokens(ct.name), ...py(ct.name, 'person'), ...phoneTokens(ct.mobile), ...phoneTokens(ct.phone)]) tokens.add(t);
  }
  return [...tokens].join(' ');
}

export interface QueryTerm {
  token: string;
  prefix: boolean;
}

/**
 * A search box text → terms that must all match. Traditional characters fold to simplified; within a
 * word, each run of Chinese characters and each run of 4+ letters/digits is a term of its own, so
 * 跨实例探针公司452852519 looks for the name and the number. Chinese runs become their character pairs
 * (one character alone is a term of its own); digits and latin text match as prefixes of tokens.
 * Returns [] when nothing searchable is left.
 */
export function queryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of q.normalize('NFKC').toLowerCase().split(/[\s,，;；]+/)) {
    const w = compact(word);
    if (!w) continue;
    if (!HAN.test(w)) {
      terms.push({ token: w, prefix: true });
      continue;
    }
    // A long run of letters or digits (a phone tail, an archive number) stands on its own, so a name
    // followed by a phone tail matches both; a short one stays glued to its characters (导入测试42号 is not 420号).
    for (const seg of w.split(/([^\p{Script=Han}]{4,})/u)) {
      if (!seg) continue;
      if (!HAN.test(seg)) {
        terms.push({ token: seg, prefix: true });
        continue;
      }
      const chars = [...seg];
      if (chars.length === 1) terms.push({ token: seg, prefix: false });
      for (let i = 0; i + 1 < chars.length; i++) {
        if (HAN.test(chars[i]) || HAN.test(chars[i + 1])) terms.push({ token: chars[i] + chars[i + 1], prefix: false });
      }
      // A run between characters is a whole word of the name (42 in 42号, not 420); at an end it may go on.
      for (const m of seg.matchAll(/[^\p{Script=Han}]+/gu)) {
        const enclosed = m.index > 0 && m.index + m[0].length < seg.length;
        terms.push({ token: m[0], prefix: !enclosed });
      }
    }
  }
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(`${t.token}|${t.prefix}`) && seen.add(`${t.token}|${t.prefix}`));
}

/** Whether a token document satisfies every term: the same rule as the databases' full-text match. */
/** Whether a customer (or one contact) itself matches the terms, without indexing it. */
export function customerMatches(c: SearchableCustomer, terms: QueryTerm[]): boolean {
  return documentMatches(searchDocument(c, { pinyin: terms.some((t) => /[a-z]/.test(t.token)) }), terms);
}

export function documentMatches(document: string, terms: QueryTerm[]): boolean {
  const tokens = document.split(' ');
  return terms.every((t) => tokens.some((tok) => (t.prefix ? tok.startsWith(t.token) : tok === t.token)));
}

/** FTS5 MATCH expression (tokens are letters/digits only, so quoting is safe). */
export function fts5Query(terms: QueryTerm[]): string {
  return terms.map((t) => `"${t.token}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** PostgreSQL to_tsquery('simple', …) expression. */
export function tsQuery(terms: QueryTerm[]): string {
  return terms.map((t) => `'${t.token}'${t.prefix ? ':*' : ''}`).join(' & ');
}

/**
 * Sort key: names ordered by pinyin (docs/regulations.md §2: VIP guests listed by initial letter). A company
 * by the reading its words give (单县 dan), a person by the surname's reading (曾 zeng, 单 shan); 曾氏 reads zeng.
 */
export function pinyinSortKey(name: string, kind: NameKind = 'company'): string {
  return preferredReading(name, kind).join(' ');
}

// ── Completeness and major changes ────────────────────────────────────────────
/** The fields each archive section needs to count as complete (issue 3 §12; 003 goals: completeness 100 %). */
export const REQUIRED_FIELDS = {
  basic: ['name', 'address', 'phone', 'legalRepresentative', 'industry', 'province', 'city'],
  business: ['businessScope', 'companyNature', 'companySize', 'mainProducts'],
  finance: ['bankName', 'bankAccount', 'paymentHabits'],
  relationship: ['sourceChannel', 'contactFrequency', 'cooperationIntention'],
} as const;
const ALL_REQUIRED = Object.values(REQUIRED_FIELDS).flat();

export function completeness(c: Record<string, unknown>): { percent: number; missing: string[] } {
  const missing = ALL_REQUIRED.filter((f) => {
    const v = c[f];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  });
  return { percent: Math.round(((ALL_REQUIRED.length - missing.length) / ALL_REQUIRED.length) * 100), missing };
}

/** docs/regulations.md §2: changes of name, legal representative or business scope are major changes. */
export const MAJOR_CHANGE_FIELDS = new Set(['name', 'legalRepresentative', 'businessScope']);

/**
 * A list's or search's total is counted up to this many customers and shown as "10,000+" beyond
 * (docs/performance.md): neither a pair found in a tenth of the archive nor a team of 200,000 customers is
 * counted to the end on every page; an export still counts exactly. Tests lower it.
 */
export const listLimits = { countCap: 10_000 };
