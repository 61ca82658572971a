import type { DemoContext } from '../../platform/modules/demo';
import type { PoolService } from './pool.service';

const DAY = 86_400_000;

/**
 * Demo (docs/regulations.md §8): the nightly pool run over the last eight weeks, a week apart, so owners
 * were reminded and customers without contact moved to their department's pool with the reason; then a
 * few people of those departments claim from the pool within the caps.
 */
export async function poolDemo(pool: PoolService, demo: DemoContext): Promise<void> {
  const { clock, org, random } = demo;
  const end = clock.end.getTime();
  let moved = 0;
  for (let week = 8; week >= 0; week--) {
    clock.set(new Date(end - week * 7 * DAY));
    moved += await pool.runAll();
  }
  clock.set(clock.end);
  let claimed = 0;
  const claimers = [...org.byRole('sales'), ...org.byRole('specialist')];
  for (const p of claimers) {
    if (claimed >= 4) break;
    for (const visible of await pool.listPools(p.ctx)) {
      const { rows } = await pool.entries(visible.id, {}, { page: 1, pageSize: 20 });
      const free = rows.filter((r) => r.previous_owner_id !== p.id);
      if (!free.length) continue;
      clock.set(new Date(end - random.int(1, 3) * 3_600_000));
      await pool.claim(p.ctx, visible.id, random.pick(free).customer_id);
      claimed++;
      break;
    }
  }
  clock.set(clock.end);
  demo.report(`公海：${moved} 位客户移入公海，${claimed} 位被认领`);
}
