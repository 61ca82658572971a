import type { MembershipMessages } from './zh-CN';

/** Membership — English. */
const en: MembershipMessages = {
  membership: {
    nav: 'Members',
    title: 'Members',
    searchLabel: 'Search members',
    searchPlaceholder: 'Customer name, member no., archive no.',
    empty: 'No members yet',
    noMatch: 'No member matches these filters',
    notFound: 'This member does not exist, or you may not see it.',
    back: 'Back to the members',
    enrol: 'Enrol',
    enrolTitle: 'Enrol a member',
    holderKind: 'Member type',
    holderKinds: { customer: 'Company customer', individual: 'Individual guest (VIP)' },
    allHolders: 'All types',
    customer: 'Customer',
    individual: 'Individual guest',
    individualPlaceholder: 'Type a name to search',
    joinedOn: 'Joined on',
    joinedOnHint: 'Transactions from this day earn points',
    fields: {
      memberNo: 'Member no.',
      holder: 'Member',
      tier: 'Tier',
      balance: 'Points balance',
      accumulated: 'Accumulated points',
      nextTier: 'Next tier',
      joinedOn: 'Joined on',
    },
    allTiers: 'All tiers',
    points: '{{points}} points',
    nextTierValue: '{{tier}}, {{missing}} points to go',
    topTier: 'Top tier',
    distribution: {
      title: 'Members per tier',
      chart: 'Bar chart of members per tier',
      count: 'Members',
    },
    ledger: {
      title: 'Points ledger',
      kind: 'Kind',
      points: 'Points',
      date: 'Date',
      detail: 'Details',
      by: 'By',
      at: 'Recorded',
      kinds: { earned: 'Earned', returned: 'Taken back (return)', redeemed: 'Gift redeemed', expired: 'Expired', adjusted: 'Adjusted' },
      transaction: 'Transaction #{{id}}, amount ¥{{amount}}',
      return: 'Return #{{id}}, amount ¥{{amount}}',
      gift: '{{gift}} × {{quantity}}',
      empty: 'No points yet',
    },
    tierHistory: {
      title: 'Tier history',
      change: 'Change',
      reason: 'Reason',
      empty: 'No tier changes yet',
    },
    process: 'Earn points now',
    processed: '{{count}} ledger entries added',
    adjust: {
      button: 'Adjust points',
      title: 'Adjust points',
      points: 'Points (negative to deduct)',
      reason: 'Reason',
      done: 'Points adjusted',
    },
    redeem: {
      button: 'Redeem a gift',
      title: 'Year-end gift redemption',
      gift: 'Gift',
      giftOption: '{{gift}} ({{points}} points)',
      quantity: 'Quantity',
      done: 'Redeemed',
    },
    value: {
      title: 'Membership',
      notMember: 'Not a member',
    },
  },
  customers: {
    history: {
      actions: {
        membership_tier: 'Membership tier',
        membership_enrol: 'Joined membership',
      },
    },
  },
};

export default en;
