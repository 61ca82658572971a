import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../server/modules';
import { contributions } from '../server/platform/modules/registry';
import { createTestContext, type TestContext } from './harness';
import { customerForeignKeys } from './schema-introspection';

/**
 * A merge deletes the merged customer, so a table pointing at customers whose module declared no merge
 * behaviour would lose or silently detach its rows. Read the schema, not a list kept by hand.
 */
describe('customer merges cannot forget a table', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  const uncovered = async (declaredBy: typeof ctx.built) => {
    const declared = new Set(contributions(declaredBy, 'customerMerge').flatMap((b) => b.columns));
    return (await customerForeignKeys(ctx.db)).filter((c) => !declared.has(c));
  };

  it('finds a merge behaviour for every column that points at customers', async () => {
    const columns = await customerForeignKeys(ctx.db);
    expect(columns).toEqual(expect.arrayContaining(['contracts.customer_id', 'complaints.customer_id', 'survey_responses.customer_id', 'prospects.customer_id']));
    expect(await uncovered(ctx.built)).toEqual([]);
  });

  it('fails when a module’s mover is removed', async () => {
    const withoutContracts = MODULES.map((m) => (m.name === 'contracts' ? { ...m, contributes: { ...m.contributes, customerMerge: undefined } } : m));
    const other = await createTestContext({ modules: withoutContracts });
    try {
      expect((await uncovered(other.built)).sort()).toEqual(['contract_bookings.customer_id', 'contracts.customer_id']);
    } finally {
      await other.close();
    }
  });
});
