import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import { type AnswerInput, type StaffChannel, questionsOf } from './surveys.rules';
import { parseDefinition } from './surveys.core';
import type { SurveyService } from './surveys.service';

const DAY = 86_400_000;
const IMPROVE = ['希望售后响应再快一些，最好 24 小时内到场。', '发票和对账单能否按月汇总发送。', '', '技术人员培训可以更系统一些。', ''];
const PRODUCT = ['部分批次包装破损，建议加强运输包装。', '', '希望提供更多规格可选。', ''];

/**
 * Demo: last quarter's satisfaction survey (docs/regulations.md §11) on the seed's questionnaire, over the
 * formal customers of the customer-service team with the most of them: started by its supervisor, about
 * two thirds answered by phone, meeting or e-mail with mostly good scores, then closed, so the results
 * page shows an index and the distribution.
 */
export async function surveysDemo(s: SurveyService, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const end = clock.end.getTime();
  const template = (await s.listTemplates({ status: 'published' })).find((t) => t.row.name === '客户满意度调查表');
  // Customer-service teams: their people hold surveys.respond (sales do not).
  const teams = org.teams.filter((t) => t.supervisorId && org.users.some((u) => u.teamId === t.id && u.roles.includes('specialist')));
  const formalIn = (teamId: number) => demo.customers.filter((c) => c.status === 'formal' && c.teamId === teamId);
  const team = teams.sort((a, b) => formalIn(b.id).length - formalIn(a.id).length || a.id - b.id)[0];
  if (!template || !team || !formalIn(team.id).length) return;
  const supervisor = org.users.find((u) => u.id === team.supervisorId)!;

  clock.set(new Date(end - 80 * DAY));
  const start = shanghaiDate(new Date(end - 75 * DAY));
  const created = await s.createCampaign(supervisor.ctx, {
    title: `${start.slice(0, 4)} 年第${'一二三四'[Math.floor((Number(start.slice(5, 7)) - 1) / 3)]}季度${team.name}客户满意度调查`,
    description: '按 003 客户满意度调查表，对本组正式客户逐一电话或上门回访。',
    templateId: template.row.id,
    filter: { status: 'formal', teamId: team.id },
    startDate: start,
    endDate: shanghaiDate(new Date(end - 40 * DAY)),
  });
  clock.set(new Date(end - 75 * DAY));
  const id = created.campaign.id;
  await s.startCampaign(supervisor.ctx, id, created.campaign.version);

  const questions = questionsOf(parseDefinition(template.row.definition));
  const targets = (await s.targets(supervisor.ctx, id, {}, { page: 1, pageSize: 1000 })).items;
  let answered = 0;
  // Calls spread over the campaign's five weeks.
  const step = (33 * DAY) / Math.max(1, targets.length);
  let at = end - 74 * DAY;
  for (const { row: target } of targets) {
    at += Math.round(step * (0.5 + random.next()));
    if (!random.chance(0.68) || at > end - 41 * DAY) continue;
    clock.set(new Date(at));
    const owner = org.users.find((u) => u.id === target.owner_id && u.roles.some((r) => r === 'specialist' || r === 'supervisor')) ?? supervisor;
    const mood = random.weighted([[5, 4], [4, 5], [3, 2], [2, 1]] as const); // most customers are content
    const answers: AnswerInput[] = [];
    for (const q of questions) {
      if (q.type === 'scale') {
        if (!q.required && random.chance(0.6)) continue; // no complaint or repair to judge
        answers.push({ key: q.key, score: Math.max(1, Math.min(5, mood + random.pick([-1, 0, 0, 0, 1]))) });
      } else if (q.type === 'single') {
        const options = q.options ?? [];
        if (!q.required && random.chance(0.5)) continue;
        const choice = options[Math.min(options.length - 1, Math.max(0, mood >= 4 ? random.int(0, 1) : random.int(1, options.length - 1)))]!;
        answers.push(q.otherText && choice === options[options.length - 1] ? { key: q.key, choices: [choice], text: '展会现场了解' } : { key: q.key, choices: [choice] });
      } else if (q.type === 'text') {
        const text = q.key === 'improve_service' ? random.pick(IMPROVE) : q.key === 'improve_product' ? random.pick(PRODUCT) : q.key === 'product_bought' ? '常规采购产品' : '';
        if (text) answers.push({ key: q.key, text });
      }
    }
    const contact = demo.customers.find((c) => c.id === target.customer_id)?.contacts[0]?.name ?? null;
    const channel: StaffChannel = random.weighted([['phone', 6], ['meeting', 2], ['email', 1], ['paper', 1]] as const);
    await s.respond(owner.ctx, id, target.id, { channel, respondentName: contact, answers });
    answered++;
  }
  clock.set(new Date(end - 40 * DAY));
  await s.closeCampaign(supervisor.ctx, id, (await s.viewCampaign(supervisor.ctx, id)).campaign.version);
  clock.set(clock.end);
  demo.report(`满意度调查 1 次已结束 (${targets.length} 客户, ${answered} 份答卷)`);
}
