import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

let ctx: TestContext;
let owner: { id: number; client: Client };
let outsider: { id: number; client: Client };
let customerId: number;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]);

async function upload(client: Client, id: number, body: Buffer, query: string) {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  return ctx.app.inject({ method: 'POST', url: `/api/customers/${id}/attachments?${query}`, payload: body, headers });
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await createUser(ctx, { username: 'att.owner', displayName: '孙档案', roles: ['specialist'], teamId: await createTeam(ctx, '档案组', 1) });
  outsider = await createUser(ctx, { username: 'att.out', roles: ['specialist'], teamId: await createTeam(ctx, '外组', 2) });
  customerId = json(await owner.client.post('/api/customers', { name: '南京金陵制药有限公司' })).id;
});
afterAll(() => ctx.close());

describe('attachments (issue 3 §5)', () => {
  it('stores a contract under the data directory with a generated name and lists it by date', async () => {
    const res = await upload(owner.client, customerId, pdf, `kind=contract&filename=${encodeURIComponent('2026年供货合同.pdf')}`);
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ kind: 'contract', filename: '2026年供货合同.pdf', mime: 'application/pdf', size: pdf.length, uploadedByName: '孙档案' });
    const stored = fs.readdirSync(path.join(ctx.config.dataDir, 'attachments'), { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('供货合同');
    const list = json(await owner.client.get(`/api/customers/${customerId}/attachments`)).items;
    expect(list.map((a: any) => a.filename)).toEqual(['2026年供货合同.pdf']);
  });

  it('judges the type by content: an executable named .pdf is refused with 415, and nothing is stored', async () => {
    const res = await upload(owner.client, customerId, Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'kind=letter&filename=invoice.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.fields[0].field).toBe('file');
    expect(json(await owner.client.get(`/api/customers/${customerId}/attachments`)).items).toHaveLength(1);
  });

  it('refuses a file above the size limit setting with 413', async () => {
    await ctx.admin.put('/api/settings/archive.attachmentMaxMb', { value: 1, version: 0 });
    const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]);
    const res = await upload(owner.client, customerId, big, 'kind=fax&filename=fax.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('1 MB');
  });

  it('downloads with the permission check and logs every download', async () => {
    const [a] = json(await owner.client.get(`/api/customers/${customerId}/attachments`)).items;
    const res = await owner.client.get(`/api/customers/${customerId}/attachments/${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年供货合同.pdf'));
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect((await outsider.client.get(`/api/customers/${customerId}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await upload(outsider.client, customerId, pdf, 'kind=letter&filename=x.pdf')).statusCode).toBe(404);
    const log = json(await ctx.admin.get(`/api/audit?action=attachment.download&entityId=${customerId}`));
    expect(log.total).toBe(1);
  });
});

describe('attachments checked beyond their first bytes (docs/regulations.md §2)', () => {
  it('keeps a PDF cut off before its %%EOF, and a picture that does not decode, as opaque downloads', async () => {
    const target = json(await owner.client.post('/api/customers', { name: '苏州工业园区晶华光电有限公司' })).id;
    const truncated = pdf.subarray(0, 1000);
    const res = await upload(owner.client, target, truncated, `kind=letter&filename=${encodeURIComponent('残缺合同.pdf')}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ filename: '残缺合同.bin', mime: 'application/octet-stream', size: 1000 });
    const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')]);
    const png = json(await upload(owner.client, target, fakePng, 'kind=fax&filename=fax.png'));
    expect(png).toMatchObject({ filename: 'fax.bin', mime: 'application/octet-stream' });
    const download = await owner.client.get(`/api/customers/${target}/attachments/${png.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(fakePng)).toBe(true);
  });
});

describe('merge (issue 3 §7)', () => {
  it('moves every contact and attachment to the survivor, fills its empty fields, keeps history, and removes the duplicate', async () => {
    const survivor = json(await ctx.admin.post('/api/customers', { name: '成都天府软件有限公司', phone: '02888886666' }));
    const dup = json(await ctx.admin.post('/api/customers', { name: '成都天府软件股份有限公司', legalRepresentative: '周天府', confirmDuplicate: true }));
    await ctx.admin.post(`/api/customers/${survivor.id}/contacts`, { name: '陈立' });
    await ctx.admin.post(`/api/customers/${dup.id}/contacts`, { name: '郑华', mobile: '13711112222' });
    await ctx.admin.post(`/api/customers/${dup.id}/contacts`, { name: '冯敏' });
    expect((await upload(ctx.admin, dup.id, pdf, 'kind=fax&filename=传真.pdf')).statusCode).toBe(201);
    await ctx.admin.put(`/api/customers/${dup.id}`, { address: '成都市高新区天府大道', version: dup.version });

    const specialist = await createUser(ctx, { username: 'merge.spec', roles: ['specialist'] });
    expect((await specialist.client.post(`/api/customers/${survivor.id}/merge`, { mergedId: dup.id, reason: '重复录入' })).statusCode).toBe(404);

    const res = await ctx.admin.post(`/api/customers/${survivor.id}/merge`, { mergedId: dup.id, reason: '同一客户重复录入' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ legalRepresentative: '周天府', address: '成都市高新区天府大道', phone: '028****6666' });
    const contacts = json(await ctx.admin.get(`/api/customers/${survivor.id}/contacts`)).items.map((c: any) => c.name).sort();
    expect(contacts).toEqual(['冯敏', '郑华', '陈立'].sort());
    expect(json(await ctx.admin.get(`/api/customers/${survivor.id}/attachments`)).items.map((a: any) => a.filename)).toEqual(['传真.pdf']);
    expect((await ctx.admin.get(`/api/customers/${dup.id}`)).statusCode).toBe(404);
    // The moved contact is searchable under the survivor; the duplicate is gone from search.
    expect(json(await ctx.admin.get('/api/customers?q=zhenghua')).items.map((c: any) => c.id)).toEqual([survivor.id]);
    expect(json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('天府软件')}`)).total).toBe(1);
    const history = json(await ctx.admin.get(`/api/customers/${survivor.id}/history`)).items;
    const merges = history.filter((h: any) => h.action === 'merge');
    expect(Object.fromEntries(merges.map((h: any) => [h.field, h.newValue]))).toEqual({
      mergedArchiveNo: dup.archiveNo,
      mergedName: '成都天府软件股份有限公司',
      reason: '同一客户重复录入',
      movedContacts: 2,
      movedAttachments: 1,
    });
    expect(history.some((h: any) => h.field === 'address' && h.newValue === '成都市高新区天府大道')).toBe(true); // the merged record's own history
    expect((await ctx.admin.post(`/api/customers/${survivor.id}/merge`, { mergedId: survivor.id, reason: '自身' })).statusCode).toBe(422);
  });
});
