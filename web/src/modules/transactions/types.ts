/** Answers of the transactions API, inferred from the server's zod schemas so the two cannot drift apart. */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/transactions/transactions.schemas';

export type Transaction = z.output<typeof s.transactionOut>;
export type TransactionReturn = z.output<typeof s.returnOut>;
export type ReturnKind = TransactionReturn['kind'];
export type TransactionSummary = z.output<typeof s.summaryOut>;
export type AmountClass = NonNullable<TransactionSummary['amountClass']>['amountClass'];
export type NewTransaction = z.input<typeof s.createBody>;
export type NewReturn = z.input<typeof s.returnBody>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
