/** Transactions, returns and the class by amount, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as imp from '../../../../server/modules/transactions/import/import.schemas';
import type * as s from '../../../../server/modules/transactions/transactions.schemas';

export type Transaction = z.output<typeof s.transactionOut>;
export type TransactionReturn = z.output<typeof s.returnOut>;
export type ReturnKind = TransactionReturn['kind'];
export type TransactionSummary = z.output<typeof s.summaryOut>;
export type AmountClass = NonNullable<TransactionSummary['amountClass']>['amountClass'];
export type NewTransaction = z.input<typeof s.createBody>;
export type NewReturn = z.input<typeof s.returnBody>;
export type TransactionBatchResult = z.output<typeof s.batchOut>;

export type TransactionImportKind = imp.ImportKind;
export type TransactionImportPreview = z.output<typeof imp.previewOut>;
export type TransactionImportResult = z.output<typeof imp.resultOut>;
export type TransactionImportStatus = z.output<typeof imp.statusOut>;
