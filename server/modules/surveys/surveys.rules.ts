import type { FieldError } from '../../platform/http/errors';

/**
 * Pure rules of satisfaction surveys 满意度调查 (docs/regulations.md §11; seed 003 客户满意度调查表 and
 * 客户需求调查表): questionnaire structure, answer checking, scoring and the campaign results.
 *
 * Scoring (documented here once; docs/surveys.md repeats it for readers):
 * - The 5-level scale scores 满意 5 · 比较满意 4 · 一般 3 · 不满意 2 · 非常不满意 1.
 * - A scale answer maps to 0–100 as 25 × (score − 1): 满意 100, 比较满意 75, 一般 50, 不满意 25, 非常不满意 0.
 * - A response's satisfaction index is the mean of its scale answers mapped to 0–100 (questions left
 *   unanswered are left out); a response without any scale answer has no index.
 * - A campaign's (or a group's) satisfaction index is the mean of its responses' indices, so every
 *   answering customer weighs the same however many optional questions they skipped.
 * - A question's average is the mean score (1–5) of its answers; its index is 25 × (average − 1).
 * - Response rate = responses ÷ targets.
 * Single and multiple choice (e.g. 产品竞争力 强/一般/较弱) are shown as distributions and never enter the index.
 */

export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The seed's five levels, best first (003 客户满意度调查表). */
export const SCALE_LEVELS = [
  { score: 5, label: '满意' },
  { score: 4, label: '比较满意' },
  { score: 3, label: '一般' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
] as const;

export const TEMPLATE_STATUSES = ['draft', 'published'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** How staff obtained the answers (§11: phone, e-mail, fax, face to face, paper questionnaire). */
export const STAFF_CHANNELS = ['phone', 'fax', 'meeting', 'email', 'paper'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
export const CHANNELS = ['link', ...STAFF_CHANNELS] as const;
export const PLAN_STATUSES = ['draft', 'pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 2000;
const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;

export interface Question {
  /** Stable across versions: answers and comparisons between campaigns match questions by key. */
  key: string;
  type: QuestionType;
  text: string;
  required: boolean;
  /** Single / multiple choice only. */
  options?: string[];
  /** Choice questions whose last option is 其他，请说明: choosing it asks for a short text. */
  otherText?: boolean;
}
export interface Section {
  title: string;
  questions: Question[];
}
export interface Definition {
  sections: Section[];
}

export function questionsOf(def: Definition): (Question & { section: string })[] {
  return def.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s.title })));
}

/** What is wrong with a questionnaire's structure (field paths as the editor names them). */
export function definitionProblems(def: Definition): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  let count = 0;
  def.sections.forEach((s, si) => {
    if (!s.title.trim()) out.push({ field: `sections.${si}.title`, message: 'validation.required' });
    s.questions.forEach((q, qi) => {
      count++;
      const at = `sections.${si}.questions.${qi}`;
      if (!KEY_RE.test(q.key)) out.push({ field: `${at}.key`, message: 'survey.key_format' });
      else if (seen.has(q.key)) out.push({ field: `${at}.key`, message: 'survey.key_duplicate' });
      seen.add(q.key);
      if (!q.text.trim()) out.push({ field: `${at}.text`, message: 'validation.required' });
      const choice = q.type === 'single' || q.type === 'multiple';
      const options = q.options ?? [];
      if (choice) {
        const clean = options.map((o) => o.trim());
        if (clean.length < 2) out.push({ field: `${at}.options`, message: 'survey.options_min' });
        else if (clean.some((o) => !o)) out.push({ field: `${at}.options`, message: 'survey.option_empty' });
        else if (new Set(clean).size !== clean.length) out.push({ field: `${at}.options`, message: 'survey.option_duplicate' });
        else if (clean.length > MAX_OPTIONS) out.push({ field: `${at}.options`, message: 'survey.options_max' });
      } else {
        if (options.length) out.push({ field: `${at}.options`, message: 'survey.options_not_allowed' });
        if (q.otherText) out.push({ field: `${at}.otherText`, message: 'survey.options_not_allowed' });
      }
    });
  });
  if (count === 0) out.push({ field: 'sections', message: 'survey.no_questions' });
  if (count > MAX_QUESTIONS) out.push({ field: 'sections', message: 'survey.too_many_questions' });
  return out;
}

/** Trims texts and options; keeps only what a question type uses. */
export function cleanDefinition(def: Definition): Definition {
  return {
    sections: def.sections.map((s) => ({
      title: s.title.trim(),
      questions: s.questions.map((q) => {
        const base: Question = { key: q.key.trim(), type: q.type, text: q.text.trim(), required: !!q.required };
        if (q.type === 'single' || q.type === 'multiple') {
          base.options = (q.options ?? []).map((o) => o.trim());
          if (q.otherText) base.otherText = true;
        }
        return base;
      }),
    })),
  };
}

export interface AnswerInput {
  key: string;
  score?: number | null;
  choices?: string[] | null;
  text?: string | null;
}
export interface Answer {
  key: string;
  score: number | null;
  choices: string[] | null;
  text: string | null;
}

/**
 * Checks a filled-in questionnaire against the exact template version: every required question
 * answered, scale scores 1–5, choices among the options (one for single choice), texts within limits,
 * no unknown questions. Problems are named `answers.<key>`.
 */
export function checkAnswers(def: Definition, input: AnswerInput[]): { answers: Answer[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const byKey = new Map<string, AnswerInput>();
  for (const a of input) {
    if (byKey.has(a.key)) problems.push({ field: `answers.${a.key}`, message: 'survey.answer_duplicate' });
    byKey.set(a.key, a);
  }
  const questions = questionsOf(def);
  const known = new Set(questions.map((q) => q.key));
  for (const k of byKey.keys()) if (!known.has(k)) problems.push({ field: `answers.${k}`, message: 'survey.unknown_question' });
  const answers: Answer[] = [];
  for (const q of questions) {
    const a = byKey.get(q.key);
    const field = `answers.${q.key}`;
    const text = a?.text?.trim() ? a.text.trim() : null;
    const choices = (a?.choices ?? []).filter((c) => c !== '');
    const score = a?.score ?? null;
    const given = q.type === 'scale' ? score !== null : q.type === 'text' ? text !== null : choices.length > 0;
    if (!given) {
      if (q.required) problems.push({ field, message: 'survey.answer_required' });
      continue;
    }
    if (text !== null && text.length > MAX_TEXT_ANSWER) {
      problems.push({ field, message: 'survey.answer_too_long', params: { max: MAX_TEXT_ANSWER } });
      continue;
    }
    if (q.type === 'scale') {
      if (!Number.isInteger(score) || score! < 1 || score! > 5) problems.push({ field, message: 'survey.answer_scale' });
      else answers.push({ key: q.key, score, choices: null, text: null });
      continue;
    }
    if (q.type === 'text') {
      answers.push({ key: q.key, score: null, choices: null, text });
      continue;
    }
    const options = q.options ?? [];
    if (choices.some((c) => !options.includes(c)) || new Set(choices).size !== choices.length) {
      problems.push({ field, message: 'survey.answer_option' });
      continue;
    }
    if (q.type === 'single' && choices.length !== 1) {
      problems.push({ field, message: 'survey.answer_single' });
      continue;
    }
    // The explanation belongs to 其他 (the last option) only.
    const other = q.otherText && choices.includes(options[options.length - 1]) ? text : null;
    answers.push({ key: q.key, score: null, choices: [...choices].sort((x, y) => options.indexOf(x) - options.indexOf(y)), text: other });
  }
  return { answers, problems };
}

/** A scale score (1–5) on 0–100. */
export const scoreToIndex = (score: number) => 25 * (score - 1);

/** A response's satisfaction index: the mean of its scale answers on 0–100, or null without any. */
export function responseIndex(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((s, x) => s + scoreToIndex(x), 0) / scores.length;
}

export const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
/** Rounds half away from zero (binary fractions such as 1.005 included); never answers -0. */
export function round(x: number | null, digits: number): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  const r = (Math.sign(x) * Math.round((Math.abs(x) + Number.EPSILON) * f)) / f;
  return r === 0 ? 0 : r;
}
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export type LinkState = 'none' | 'active' | 'expired' | 'used';

/** Where a target's personal link stands (an answered target's link is used, however it was answered). */
export function linkState(t: { status: string; link_hash: string | null; link_expires_at: string | null }, now: string): LinkState {
  if (t.status === 'answered') return t.link_hash ? 'used' : 'none';
  if (!t.link_hash) return 'none';
  return t.link_expires_at !== null && t.link_expires_at <= now ? 'expired' : 'active';
}

/** Why a personal link cannot be answered any more, or null when it can. */
export function publicLinkProblem(
  t: { status: string; link_expires_at: string | null },
  campaign: { status: string },
  now: string,
): 'used' | 'expired' | 'closed' | null {
  if (t.status === 'answered') return 'used';
  if (campaign.status !== 'active') return 'closed';
  if (t.link_expires_at !== null && t.link_expires_at <= now) return 'expired';
  return null;
}

/** The instant a link issued at `issuedAt` stops working (the expiry setting, in days). */
export function linkExpiry(issuedAt: Date, days: number): string {
  return new Date(issuedAt.getTime() + days * 86400_000).toISOString();
}

export interface TargetFacts {
  id: number;
  ownerId: number;
  ownerName: string;
  province: string | null;
  customerStatus: string | null;
}
export interface ResponseFacts {
  targetId: number;
  answers: Answer[];
}

export interface Distribution {
  option: string;
  score: number | null;
  count: number;
  /** Share of this question's answers (multiple choice: of the respondents who answered it), in %. */
  percent: number | null;
}
export interface QuestionResult {
  key: string;
  section: string;
  text: string;
  type: QuestionType;
  answered: number;
  distribution: Distribution[];
  /** Scale: mean score 1–5 (2 decimals). */
  average: number | null;
  /** Scale: the average on 0–100 (1 decimal). */
  index: number | null;
  /** Text questions, and the 其他 explanations of choice questions: every text given. */
  texts: string[];
}
export interface GroupResult {
  key: string;
  label: string;
  targets: number;
  responses: number;
  /** % with 1 decimal. */
  responseRate: number | null;
  index: number | null;
}
export interface CampaignResults {
  targets: number;
  responses: number;
  responseRate: number | null;
  index: number | null;
  questions: QuestionResult[];
  byRegion: GroupResult[];
  byStatus: GroupResult[];
  byOwner: GroupResult[];
}

/** Responses' indices keyed by target. */
function indices(responses: ResponseFacts[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const r of responses) out.set(r.targetId, responseIndex(r.answers.filter((a) => a.score !== null).map((a) => a.score!)));
  return out;
}

function groupIndex(ids: number[], idx: Map<number, number | null>): number | null {
  return mean(ids.map((id) => idx.get(id)).filter((x): x is number => x !== null && x !== undefined));
}

function groups(targets: TargetFacts[], idx: Map<number, number | null>, keyOf: (t: TargetFacts) => { key: string; label: string }): GroupResult[] {
  const map = new Map<string, { label: string; ids: number[] }>();
  for (const t of targets) {
    const { key, label } = keyOf(t);
    const g = map.get(key) ?? { label, ids: [] };
    g.ids.push(t.id);
    map.set(key, g);
  }
  return [...map.entries()]
    .map(([key, g]) => {
      const answered = g.ids.filter((id) => idx.has(id));
      return {
        key,
        label: g.label,
        targets: g.ids.length,
        responses: answered.length,
        responseRate: round(ratio(answered.length * 100, g.ids.length), 1),
        index: round(groupIndex(answered, idx), 1),
      };
    })
    .sort((a, b) => b.targets - a.targets || a.label.localeCompare(b.label, 'zh-CN'));
}

/**
 * Everything the campaign summary shows, from the template version, the snapshotted targets and the
 * responses. `ownerVisible` limits the per-owner breakdown to the targets whose responsible person at the
 * time the caller may see.
 */
export function campaignResults(
  def: Definition,
  targets: TargetFacts[],
  responses: ResponseFacts[],
  opts: { ownerVisible?: (t: TargetFacts) => boolean; noRegion?: string; noStatus?: string } = {},
): CampaignResults {
  const idx = indices(responses);
  const questions: QuestionResult[] = questionsOf(def).map((q) => {
    const given = responses.flatMap((r) => r.answers.filter((a) => a.key === q.key));
    const answered = given.length;
    const texts = given.map((a) => a.text).filter((x): x is string => !!x);
    if (q.type === 'scale') {
      const scores = given.map((a) => a.score!).filter((s) => s !== null);
      const avg = mean(scores);
      return {
        key: q.key,
        section: q.section,
        text: q.text,
        type: q.type,
        answered,
        distribution: SCALE_LEVELS.map((l) => {
          const count = scores.filter((s) => s === l.score).length;
          return { option: l.label, score: l.score, count, percent: round(ratio(count * 100, answered), 1) };
        }),
        average: round(avg, 2),
        index: round(avg === null ? null : scoreToIndex(avg), 1),
        texts: [],
      };
    }
    const distribution = (q.options ?? []).map((o) => {
      const count = given.filter((a) => a.choices?.includes(o)).length;
      return { option: o, score: null, count, percent: round(ratio(count * 100, answered), 1) };
    });
    return { key: q.key, section: q.section, text: q.text, type: q.type, answered, distribution, average: null, index: null, texts };
  });
  const visible = opts.ownerVisible ?? (() => true);
  return {
    targets: targets.length,
    responses: responses.length,
    responseRate: round(ratio(responses.length * 100, targets.length), 1),
    index: round(groupIndex([...idx.keys()], idx), 1),
    questions,
    byRegion: groups(targets, idx, (t) => ({ key: t.province ?? '', label: t.province ?? opts.noRegion ?? '' })),
    byStatus: groups(targets, idx, (t) => ({ key: t.customerStatus ?? '', label: t.customerStatus ?? opts.noStatus ?? '' })),
    byOwner: groups(
      targets.filter((t) => visible(t)),
      idx,
      (t) => ({ key: String(t.ownerId), label: t.ownerName }),
    ),
  };
}

export interface Comparison {
  campaignId: number;
  title: string;
  startedAt: string | null;
  responseRate: number | null;
  index: number | null;
  /** This campaign minus the previous one (null when either side has no value). */
  responseRateDelta: number | null;
  indexDelta: number | null;
  /** Scale questions present in both (matched by key). */
  questions: { key: string; previousAverage: number | null; average: number | null; delta: number | null }[];
}

const delta = (a: number | null, b: number | null, digits: number) => (a === null || b === null ? null : round(a - b, digits));

/** This campaign against the previous campaign of the same questionnaire family. */
export function compareResults(current: CampaignResults, previous: CampaignResults, meta: { campaignId: number; title: string; startedAt: string | null }): Comparison {
  const prevByKey = new Map(previous.questions.filter((q) => q.type === 'scale').map((q) => [q.key, q]));
  return {
    ...meta,
    responseRate: previous.responseRate,
    index: previous.index,
    responseRateDelta: delta(current.responseRate, previous.responseRate, 1),
    indexDelta: delta(current.index, previous.index, 1),
    questions: current.questions
      .filter((q) => q.type === 'scale' && prevByKey.has(q.key))
      .map((q) => {
        const p = prevByKey.get(q.key)!;
        return { key: q.key, previousAverage: p.average, average: q.average, delta: delta(q.average, p.average, 2) };
      }),
  };
}

/** §11 "at least once a year": how many campaigns were started this year against the setting. */
export function yearlyFrequency(startedThisYear: number, required: number): { started: number; required: number; missing: number } {
  return { started: startedThisYear, required, missing: Math.max(0, required - startedThisYear) };
}

/** Improvement plans: revised and (re)submitted as a draft, after a return or withdrawal, or anew after a rejection. */
export const planEditable = (s: string) => s === 'draft' || s === 'returned' || s === 'withdrawn' || s === 'rejected';
