import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, login, type TestContext } from '../../../test/harness';
import { generateDemo } from '../../ops/demo';

// The proposals of `npm run demo` (docs/regulations.md §14), as the demo's director sees them.
const PASSWORD = 'Demo-Test-2026!';
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const at = ctx.clock.now();
  await generateDemo(ctx.db, { customers: 60, seed: 11, password: PASSWORD, clock: { now: () => at } });
}, 600_000);
afterAll(() => ctx.close());

describe('proposals in the demo', () => {
  it('shows proposals in every state, scored ones with their score, and one rewarded with its results report', async () => {
    const director = await login(ctx.app, 'zhou.min', PASSWORD);
    const items = json(await director.get('/api/proposals?pageSize=200')).items;
    expect(new Set(items.map((p: { status: string }) => p.status))).toEqual(new Set(['draft', 'submitted', 'under_review', 'approved', 'rejected', 'implementing', 'implemented', 'rewarded']));
    expect(items.filter((p: { status: string; score: string | null }) => p.status !== 'draft' && p.score === null)).toEqual([]);
    const rewarded = items.find((p: { status: string }) => p.status === 'rewarded');
    const detail = json(await director.get(`/api/proposals/${rewarded.id}`));
    expect(detail.report?.conclusion).toBeTruthy();
    expect(detail.reward).toMatchObject({ amountCents: 200000 });
    expect(detail.reviews.length).toBe(2);
    expect(items.some((p: { source: string }) => p.source === 'customer')).toBe(true);
  });
});
