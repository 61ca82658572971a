import type { DemoContext } from '../../platform/modules/demo';
import type { createIndividualService } from './individuals.service';

const GUESTS: [string, 'male' | 'female', string, string][] = [
  ['陈志强', 'male', '中国', '常住商务客人，偏好高楼层无烟房，每月入住 2–3 晚。'],
  ['林美玲', 'female', '中国', '会员金卡，入住时需要加湿器，喜欢安静房间。'],
  ['王建华', 'male', '中国', '企业协议客户负责人，每季度组织团队入住。'],
  ['Michael Brown', 'male', '美国', '外籍长住客人，入住 30 晚，需英文早餐菜单。'],
  ['佐藤健', 'male', '日本', '年度入住 12 次，偏好和式早餐。'],
  ['赵雅琴', 'female', '中国', '婚宴客户，入住蜜月套房，纪念日在 10 月。'],
  ['周国平', 'male', '中国', '政府接待客人，需安排接机与行政酒廊。'],
  ['Anna Müller', 'female', '德国', '展会期间入住，需要提前确认会议室。'],
];

/** Demo: individual VIP guests (the hotel's 个人客户) with their stay preferences in the notes. */
export async function individualsDemo(s: ReturnType<typeof createIndividualService>, demo: DemoContext): Promise<void> {
  const { random, clock, org } = demo;
  const hosts = org.byRole('specialist');
  for (const [i, [name, gender, nationality, notes]] of GUESTS.entries()) {
    clock.set(new Date(clock.end.getTime() - random.int(10, 300) * 86_400_000));
    await s.create(hosts[i % hosts.length].ctx, {
      name,
      gender,
      nationality,
      birthday: `19${random.int(60, 95)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      mobile: nationality === '中国' ? `1${random.pick(['39', '86', '58'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
      notes,
    });
  }
  clock.set(clock.end);
  demo.report(`${GUESTS.length} 个人客户 (VIP)`);
}
