import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import { startTransactionJobs } from './transactions.jobs';
import { transactionsDemo } from './transactions.demo';
import { TRANSACTION_MESSAGES } from './transactions.messages';
import { transactionRoutes } from './transactions.routes';
import { createTransactionService } from './transactions.service';
import { TRANSACTION_SETTING_GROUPS, TRANSACTION_SETTINGS, transactionSettingsCheck } from './transactions.settings';
import { transactions20261207 } from './migrations/20261207_10_transactions';
import { classDimensions20261208 } from './migrations/20261208_11_class_dimensions';
import { transactionImports20261208 } from './migrations/20261208_55_transaction_imports';
import { transactionImportRoutes } from './import/import.routes';
import { transactionIndexes20261208 } from './migrations/20261208_60_transaction_indexes';
import './transactions.tables';

function build(ctx: BuildContext) {
  return { transactions: createTransactionService({ db: ctx.db, kind: ctx.kind, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings }) };
}
export type TransactionServices = ReturnType<typeof build>;

/** Transactions 交易记录, returns 退赔折价 and the customer's class by annual purchases (docs/regulations.md §2, §3). */
export const transactionsModule = defineModule({
  name: 'transactions',
  // A transaction may name a contract (its table is referenced); the services of neither are used.
  dependsOn: ['customers', 'contracts'],
  migrations: (kind) => [transactions20261207(kind), classDimensions20261208(kind), transactionImports20261208(kind), transactionIndexes20261208()],
  resources: {
    // Through a view joining the customer (docs/regulations.md §1): lists join customers the same way.
    transaction: { table: 'transaction_scope', id: 'transaction_scope.id', owner: 'transaction_scope.owner_id', team: 'transaction_scope.team_id', department: 'transaction_scope.department_id', widerFor: { finance: 'all' } },
  },
  capabilities: {
    'transactions.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // within the customer's scope; finance reads all
    'transactions.manage': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance'], // enter transactions and returns by hand or import them, within the scope
    'transactions.push': ['director', 'manager', 'finance'], // the ERP's account pushes batches
  },
  settingGroups: TRANSACTION_SETTING_GROUPS,
  settings: TRANSACTION_SETTINGS,
  settingsCheck: transactionSettingsCheck,
  messages: TRANSACTION_MESSAGES,
  build,
  routes: async (app, s, ctx) => {
    await transactionRoutes(app, s);
    await transactionImportRoutes(app, { db: ctx.database, clock: ctx.clock, audit: ctx.audit, transactions: s.transactions });
  },
  demo: (s, _ctx, demo) => transactionsDemo(s, demo),
  jobs: (s, ctx) => startTransactionJobs({ transactions: s.transactions, leases: ctx.leases }, ctx.log),
  contributes: {
    customerMerge: (s) => [
      {
        columns: ['transactions.customer_id', 'transaction_returns.customer_id', 'customer_classes.customer_id', 'customer_class_changes.customer_id', 'customer_dimension_classes.customer_id'],
        move: (db, fromId, toId) => s.transactions.moveCustomer(db, fromId, toId),
      },
    ],
    // A new industry or cooperation start date reclassifies the customer at once (docs/regulations.md §3).
    // The customer import's annual purchase amount (年采购额) becomes one summary per customer and year.
    customerImportLedger: (s) => [{ record: (trx, ctx, rows) => s.transactions.importAnnualSummaries(trx, ctx, rows) }],
    customerChanged: (s) => [{ fields: ['industry', 'cooperationSince'], onChange: (trx, ctx, ids) => s.transactions.reclassify(trx, ids, 'customer', ctx) }],
  },
});
