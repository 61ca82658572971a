import { describe, expect, it } from 'vitest';
import {
  type Definition,
  type ResponseFacts,
  type TargetFacts,
  campaignResults,
  checkAnswers,
  compareResults,
  definitionProblems,
  linkExpiry,
  linkState,
  publicLinkProblem,
  responseIndex,
  round,
  scoreToIndex,
  yearlyFrequency,
} from './surveys.rules';

/** Scoring, answer checking and campaign results of satisfaction surveys (docs/regulations.md §11). */

const DEF: Definition = {
  sections: [
    {
      title: '产品',
      questions: [
        { key: 's1', type: 'scale', text: '产品质量', required: true },
        { key: 's2', type: 'scale', text: '维修质量', required: false },
        { key: 'c1', type: 'single', text: '产品竞争力', required: true, options: ['强', '一般', '较弱'] },
        { key: 'm1', type: 'multiple', text: '希望的联系方式', required: false, options: ['上门拜访', 'E-mail', '传真'] },
        { key: 'o1', type: 'single', text: '了解产品的渠道', required: false, options: ['广告', '朋友介绍', '其他，请说明'], otherText: true },
        { key: 't1', type: 'text', text: '需要改进的方面', required: false },
      ],
    },
  ],
};

describe('survey scoring (满意 5 … 非常不满意 1 → 0–100)', () => {
  it('maps the five levels to 100, 75, 50, 25 and 0', () => {
    expect([5, 4, 3, 2, 1].map(scoreToIndex)).toEqual([100, 75, 50, 25, 0]);
  });

  it('takes a response’s index as the mean of its scale answers, and none without any', () => {
    expect(responseIndex([5, 4])).toBe(87.5);
    expect(responseIndex([3])).toBe(50);
    expect(responseIndex([5, 3, 2])).toBeCloseTo(58.333, 3);
    expect(responseIndex([])).toBeNull();
  });

  it('rounds halves away from zero, binary fractions included', () => {
    expect(round(68.75, 1)).toBe(68.8);
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-0.25, 1)).toBe(-0.3);
    expect(round(-0.01, 1)).toBe(0);
    expect(round(null, 1)).toBeNull();
  });
});

describe('questionnaire structure', () => {
  it('accepts the example questionnaire', () => {
    expect(definitionProblems(DEF)).toEqual([]);
  });

  it('names duplicate keys, choice questions with fewer than two options and options on a scale question', () => {
    const bad: Definition = {
      sections: [
        {
          title: '服务',
          questions: [
            { key: 'q1', type: 'scale', text: '工作态度', required: true, options: ['好'] },
            { key: 'q1', type: 'single', text: '服务效率', required: true, options: ['快'] },
            { key: 'Q 3', type: 'multiple', text: '方式', required: false, options: ['电话', '电话'] },
          ],
        },
      ],
    };
    expect(definitionProblems(bad)).toEqual([
      { field: 'sections.0.questions.0.options', message: 'survey.options_not_allowed' },
      { field: 'sections.0.questions.1.key', message: 'survey.key_duplicate' },
      { field: 'sections.0.questions.1.options', message: 'survey.options_min' },
      { field: 'sections.0.questions.2.key', message: 'survey.key_format' },
      { field: 'sections.0.questions.2.options', message: 'survey.option_duplicate' },
    ]);
  });

  it('refuses a questionnaire without questions', () => {
    expect(definitionProblems({ sections: [{ title: '空', questions: [] }] })).toEqual([{ field: 'sections', message: 'survey.no_questions' }]);
  });
});

describe('checking a filled-in questionnaire', () => {
  it('names each missing required answer, a score outside 1–5, two choices on single choice, an unknown option and an unknown question', () => {
    const { problems } = checkAnswers(DEF, [
      { key: 's2', score: 6 },
      { key: 'm1', choices: ['微信'] },
      { key: 'c1', choices: ['强', '一般'] },
      { key: 'zz', text: '多余' },
    ]);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['answers.zz', 'survey.unknown_question'],
      ['answers.s1', 'survey.answer_required'],
      ['answers.s2', 'survey.answer_scale'],
      ['answers.c1', 'survey.answer_single'],
      ['answers.m1', 'survey.answer_option'],
    ]);
  });

  it('keeps choices in the questionnaire’s order, trims texts, and keeps an explanation only with 其他', () => {
    const { answers, problems } = checkAnswers(DEF, [
      { key: 's1', score: 4 },
      { key: 'c1', choices: ['一般'], text: '不该保留' },
      { key: 'm1', choices: ['传真', '上门拜访'] },
      { key: 'o1', choices: ['其他，请说明'], text: '  行业展会 ' },
      { key: 't1', text: '  ' },
    ]);
    expect(problems).toEqual([]);
    expect(answers).toEqual([
      { key: 's1', score: 4, choices: null, text: null },
      { key: 'c1', score: null, choices: ['一般'], text: null },
      { key: 'm1', score: null, choices: ['上门拜访', '传真'], text: null },
      { key: 'o1', score: null, choices: ['其他，请说明'], text: '行业展会' },
    ]);
  });
});

describe('campaign results on a small set', () => {
  const targets: TargetFacts[] = [
    { id: 1, ownerId: 10, ownerName: '吴专员', province: '北京', customerStatus: 'formal' },
    { id: 2, ownerId: 10, ownerName: '吴专员', province: '北京', customerStatus: 'formal' },
    { id: 3, ownerId: 11, ownerName: '郑专员', province: '上海', customerStatus: 'potential' },
    { id: 4, ownerId: 11, ownerName: '郑专员', province: null, customerStatus: 'formal' },
  ];
  const a = (key: string, v: { score?: number; choices?: string[]; text?: string }) => ({ key, score: v.score ?? null, choices: v.choices ?? null, text: v.text ?? null });
  const responses: ResponseFacts[] = [
    { targetId: 1, answers: [a('s1', { score: 5 }), a('s2', { score: 4 }), a('c1', { choices: ['强'] }), a('m1', { choices: ['上门拜访', 'E-mail'] }), a('t1', { text: '好' })] },
    { targetId: 2, answers: [a('s1', { score: 3 }), a('c1', { choices: ['一般'] }), a('m1', { choices: ['上门拜访'] })] },
    { targetId: 3, answers: [a('s1', { score: 4 }), a('s2', { score: 2 }), a('c1', { choices: ['强'] }), a('m1', { choices: ['传真'] }), a('t1', { text: '响应慢' })] },
  ];
  const r = campaignResults(DEF, targets, responses);

  it('gives the response rate and the index as the mean of the responses’ indices ((87.5 + 50 + 50) / 3)', () => {
    expect(r).toMatchObject({ targets: 4, responses: 3, responseRate: 75, index: 62.5 });
  });

  it('gives each scale question its distribution over the five levels, its average and its index', () => {
    const [s1, s2] = r.questions;
    expect(s1).toMatchObject({ answered: 3, average: 4, index: 75 });
    expect(s1.distribution.map((d) => [d.option, d.count, d.percent])).toEqual([
      ['满意', 1, 33.3],
      ['比较满意', 1, 33.3],
      ['一般', 1, 33.3],
      ['不满意', 0, 0],
      ['非常不满意', 0, 0],
    ]);
    expect(s2).toMatchObject({ answered: 2, average: 3, index: 50 });
    expect(s2.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 0]);
  });

  it('counts choices (multiple choice as shares of those who answered) and lists the texts', () => {
    const byKey = new Map(r.questions.map((q) => [q.key, q]));
    expect(byKey.get('c1')!.distribution.map((d) => [d.option, d.count, d.percent])).toEqual([
      ['强', 2, 66.7],
      ['一般', 1, 33.3],
      ['较弱', 0, 0],
    ]);
    expect(byKey.get('c1')!.average).toBeNull();
    expect(byKey.get('m1')!.distribution.map((d) => [d.count, d.percent])).toEqual([
      [2, 66.7],
      [1, 33.3],
      [1, 33.3],
    ]);
    expect(byKey.get('t1')!.texts).toEqual(['好', '响应慢']);
  });

  it('breaks the figures down by region, status and owner at the time', () => {
    expect(r.byRegion).toEqual([
      { key: '北京', label: '北京', targets: 2, responses: 2, responseRate: 100, index: 68.8 },
      { key: '', label: '', targets: 1, responses: 0, responseRate: 0, index: null },
      { key: '上海', label: '上海', targets: 1, responses: 1, responseRate: 100, index: 50 },
    ]);
    expect(r.byStatus.map((g) => [g.key, g.targets, g.responses, g.index])).toEqual([
      ['formal', 3, 2, 68.8],
      ['potential', 1, 1, 50],
    ]);
    expect(r.byOwner.map((g) => [g.label, g.responses, g.targets, g.responseRate, g.index])).toEqual([
      ['吴专员', 2, 2, 100, 68.8],
      ['郑专员', 1, 2, 50, 50],
    ]);
  });

  it('lists only the owners the caller may see when asked to', () => {
    const mine = campaignResults(DEF, targets, responses, { ownerVisible: (t) => t.ownerId === 10 });
    expect(mine.byOwner.map((g) => g.label)).toEqual(['吴专员']);
    expect(mine.index).toBe(62.5);
  });

  it('compares with the previous campaign question by question', () => {
    const before = campaignResults(DEF, targets.slice(0, 2), [{ targetId: 1, answers: [a('s1', { score: 3 }), a('s2', { score: 3 })] }]);
    const c = compareResults(r, before, { campaignId: 7, title: '2025 年度', startedAt: '2025-03-01T00:00:00.000Z' });
    expect(c).toMatchObject({ responseRate: 50, index: 50, responseRateDelta: 25, indexDelta: 12.5 });
    expect(c.questions).toEqual([
      { key: 's1', previousAverage: 3, average: 4, delta: 1 },
      { key: 's2', previousAverage: 3, average: 3, delta: 0 },
    ]);
  });

  it('has no rate or index without targets or answers', () => {
    expect(campaignResults(DEF, [], [])).toMatchObject({ responseRate: null, index: null });
  });
});

describe('personal links', () => {
  const issued = new Date('2026-11-24T02:00:00.000Z');
  const expires = linkExpiry(issued, 30);

  it('expires after the configured number of days', () => {
    expect(expires).toBe('2026-12-24T02:00:00.000Z');
  });

  it('works until the expiry instant, then answers expired; once answered it is used, whatever the date', () => {
    const t = { status: 'pending', link_hash: 'h', link_expires_at: expires };
    expect(linkState(t, '2026-12-24T01:59:59.999Z')).toBe('active');
    expect(linkState(t, expires)).toBe('expired');
    expect(linkState({ ...t, status: 'answered' }, '2026-11-25T00:00:00.000Z')).toBe('used');
    expect(linkState({ ...t, link_hash: null }, '2026-11-25T00:00:00.000Z')).toBe('none');
    expect(publicLinkProblem(t, { status: 'active' }, '2026-11-25T00:00:00.000Z')).toBeNull();
    expect(publicLinkProblem(t, { status: 'active' }, expires)).toBe('expired');
    expect(publicLinkProblem({ ...t, status: 'answered' }, { status: 'active' }, '2026-11-25T00:00:00.000Z')).toBe('used');
    expect(publicLinkProblem(t, { status: 'closed' }, '2026-11-25T00:00:00.000Z')).toBe('closed');
  });
});

describe('yearly frequency (§11: at least once a year)', () => {
  it('counts the campaigns still missing this year', () => {
    expect(yearlyFrequency(0, 1)).toEqual({ started: 0, required: 1, missing: 1 });
    expect(yearlyFrequency(2, 1)).toEqual({ started: 2, required: 1, missing: 0 });
  });
});
