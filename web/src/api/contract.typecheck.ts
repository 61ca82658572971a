/**
 * Type-check guard for the shared API contract (docs/decisions/0006): never imported by the app, only
 * compiled by `npm run typecheck`. Each `@ts-expect-error` reads a field the server does not send; if the
 * contract types ever degrade to `any`, the directive is unused and the check fails. The plain reads
 * alongside fail if they degrade to `never`.
 */
import { api } from './client';
import type { Complaint } from './contract/complaints';
import type { CustomerListItem } from './contract/customers';

export function customerListItem(item: CustomerListItem): string {
  // @ts-expect-error a list row carries no contacts (they come from /api/customers/:id/contacts)
  void item.contacts;
  // @ts-expect-error the phone leaves the server masked as `phone`; there is no `mobile` on a company customer
  void item.mobile;
  return item.archiveNo;
}

export function complaintDetail(c: Complaint): number {
  // @ts-expect-error the complaint answer has no attachments list
  void c.attachments;
  // @ts-expect-error the complainant's phone is `complainantPhone`
  void c.phone;
  // @ts-expect-error `can` names only the actions the server checks
  void c.can.delete;
  return c.firstContact.msLeft ?? c.extensionDaysLeft;
}

export async function routesAreTyped(id: number): Promise<string> {
  const customer = await api.get(`/api/customers/${id}`);
  // @ts-expect-error GET /api/customers/:id answers with the customer, not a page
  void customer.items;
  const contacts = await api.get(`/api/customers/${id}/contacts`);
  // @ts-expect-error a contact has no `customerId`
  void contacts.items[0].customerId;
  const board = await api.get('/api/prospects/board');
  // @ts-expect-error a board column is keyed by `stage`
  void board.columns[0].status;
  // @ts-expect-error no such route
  await api.get('/api/customer');
  // @ts-expect-error ids are numbers
  await api.get(`/api/customers/${String(id)}x`);
  return `${customer.name} ${contacts.items.length} ${board.columns[0].stage}`;
}
