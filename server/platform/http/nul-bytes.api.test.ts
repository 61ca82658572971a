import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../../../test/harness';
import { nulBytePath } from './nul-bytes';

// NUL characters in text fields (issue 14 point 7), refused in one place for every JSON body.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('NUL characters in JSON bodies', () => {
  it('names the path of the first text holding one', () => {
    expect(nulBytePath({ name: 'ok', contacts: [{ name: 'a' }, { name: 'b\u0000c' }] })).toBe('contacts.1.name');
    expect(nulBytePath({ tags: ['a', '\u0000'] })).toBe('tags.1');
    expect(nulBytePath({ name: '曾氏贸易', n: 1, ok: true, none: null })).toBeNull();
  });

  it('refuses them with 400 naming the field on customer create, update and contacts, and stores nothing', async () => {
    const created = await ctx.admin.post('/api/customers', { name: '厦门\u0000鹭江贸易有限公司' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields).toEqual([{ field: 'name', message: expect.stringContaining('\\u0000') }]);
    const tags = await ctx.admin.post('/api/customers', { name: '厦门鹭江贸易有限公司', tags: ['重点', 'x\u0000'] });
    expect(tags.statusCode).toBe(400);
    expect(tags.json().error.fields[0].field).toBe('tags.1');
    expect(json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('鹭江')}`)).total).toBe(0);

    const c = json(await ctx.admin.post('/api/customers', { name: '厦门鹭江贸易有限公司' }));
    const update = await ctx.admin.put(`/api/customers/${c.id}`, { address: '厦门市思明区\u0000', version: c.version });
    expect(update.statusCode).toBe(400);
    expect(update.json().error.fields[0].field).toBe('address');
    const contact = await ctx.admin.post(`/api/customers/${c.id}/contacts`, { name: '林\u0000经理' });
    expect(contact.statusCode).toBe(400);
    expect(contact.json().error.fields[0].field).toBe('name');
    expect(json(await ctx.admin.get(`/api/customers/${c.id}/contacts`)).items).toHaveLength(0);
    expect(json(await ctx.admin.get(`/api/customers/${c.id}`)).address).toBeNull();
    // Text without NUL, including other control-free Unicode, still passes.
    expect((await ctx.admin.put(`/api/customers/${c.id}`, { address: '厦门市思明区鹭江道１号', version: c.version })).statusCode).toBe(200);
  });
});
