/** Customer archive, individual customers and import answers, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as c from '../../../../server/modules/customers/customers.schemas';
import type { attachmentOut, attachmentUploadQuery } from '../../../../server/modules/customers/attachments.schemas';
import type * as imp from '../../../../server/modules/customers/import/import.schemas';
import type * as ind from '../../../../server/modules/individuals/individuals.schemas';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

export type Customer = Out<typeof c.customerOut>;
export type CustomerStatus = NonNullable<In<typeof c.customerCreate>['status']>;
/** A list row: the same answer as the detail (the list also carries the contact a search matched). */
export type CustomerListItem = Customer;
/** What the form sends when it creates a customer; an edit sends the changed fields plus `version`. */
export type CustomerCreateInput = In<typeof c.customerCreate>;
export type CustomerUpdateInput = In<typeof c.customerUpdate>;
export type DuplicateHit = Out<typeof c.duplicateOut>;
export type DuplicateReason = DuplicateHit['reason'];
export type CustomerHistoryEntry = Out<typeof c.historyOut>['items'][number];
export type CustomerContact = Out<typeof c.contactOut>;
export type ContactInput = In<typeof c.contactCreate>;
export type CustomerOptions = Out<typeof c.optionsOut>;
export type CustomerAttachment = Out<typeof attachmentOut>;

export type IndividualCustomer = Out<typeof ind.individualOut>;
export type IndividualPage = Out<typeof ind.individualPageOut>;
export type InitialCount = IndividualPage['initials'][number];
export type Gender = NonNullable<IndividualCustomer['gender']>;
export type IndividualInput = In<typeof ind.individualCreate>;

export type ImportDuplicateMode = imp.DuplicateMode;
export type ImportPreview = Out<typeof imp.previewOut>;
export type ImportRowError = ImportPreview['errors'][number];
export type ImportResult = Out<typeof imp.resultOut>;
export type ImportStatus = Out<typeof imp.statusOut>;

/** The fields a person edits on the customer form (the create body without its switches). */
export type CustomerEditable = Omit<CustomerCreateInput, 'ownerId' | 'confirmDuplicate'>;
/** One entry of a value list of `GET /api/customer-options`: the server sends plain codes and texts. */
export type OptionValue = CustomerOptions[Exclude<keyof CustomerOptions, 'grades'>][number];
export type AttachmentKind = In<typeof attachmentUploadQuery>['kind'];
/** The editable fields of an individual customer (POST body; PUT sends the changed ones plus `version`). */
export type IndividualEditable = Partial<IndividualInput>;
