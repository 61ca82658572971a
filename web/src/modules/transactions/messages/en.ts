import type { TransactionsMessages } from './zh-CN';

/** Transactions — English. */
const en: TransactionsMessages = {
  transactions: {
    value: { title: 'Purchases class', class: 'Class by purchases', reason: 'Why', noPurchases: 'No transactions yet', netOfYear: 'Net purchases {{year}}' },
    nav: 'Transactions',
    title: 'Transactions',
    tab: 'Transactions',
    create: 'New transaction',
    createTitle: 'New transaction',
    created: 'Transaction saved',
    searchPlaceholder: 'Customer, product, model or document no.',
    dateRange: 'Date',
    empty: 'No transactions match',
    emptyForCustomer: 'No transactions for this customer yet',
    customerPlaceholder: 'Search by name, pinyin or archive number',
    noCustomer: 'No customer found',
    amountHint: 'Leave empty for quantity × unit price',
    fields: {
      date: 'Date',
      customer: 'Customer',
      product: 'Product',
      model: 'Model',
      quantity: 'Quantity',
      unitPrice: 'Unit price (CNY)',
      amount: 'Amount (CNY)',
      salesperson: 'Salesperson',
      contract: 'Contract',
      sourceDocNo: 'Source document no.',
      source: 'Source',
    },
    manual: 'Entered by hand',
    returns: {
      title: 'Returns, refunds and discounts',
      create: 'Record a return or discount',
      created: 'Return recorded',
      empty: 'No returns, refunds or discounts',
      transactionPlaceholder: 'No single transaction (the customer)',
      fields: {
        kind: 'Kind',
        date: 'Date',
        amount: 'Amount (CNY)',
        reason: 'Reason',
        responsibleParty: 'Responsible party',
        transaction: 'Transaction',
        createdBy: 'Recorded by',
      },
      kinds: { return: 'Return', refund: 'Refund', discount: 'Discount' },
    },
    class: {
      label: 'Class by purchases',
      none: 'Unclassified (no purchases yet)',
      large: 'Large',
      medium: 'Medium',
      small: 'Small',
      at: 'When',
      change: '{{from}} → {{to}}',
      by: 'By',
      history: 'Class changes',
      causes: { transaction: 'Transactions changed', return: 'Return or discount', nightly: 'Nightly run', merge: 'Customer merge' },
      system: 'System',
    },
    years: {
      title: 'Purchases by year',
      year: 'Year',
      gross: 'Purchases',
      returned: 'Returns and discounts',
      net: 'Net purchases',
      chart: 'Bar chart of net purchases by year',
      yearLabel: '{{year}}',
    },
  },
  customers: {
    history: {
      actions: {
        classify: 'Class',
      },
    },
  },
};

export default en;
