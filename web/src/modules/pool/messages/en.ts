import type { Messages } from './zh-CN';

/** Public pool — English */
const en: Messages = {
  pool: {
    nav: 'Public pool',
    title: 'Public pool',
    pool: 'Pool',
    poolOption: '{{name}} ({{count}} customers)',
    noPools: 'No pool yet: your department’s pool appears here once the rules move customers into it',
    empty: 'No customers in the pool',
    search: 'Customer name or archive no.',
    customer: 'Customer',
    grade: 'Grade',
    industry: 'Industry',
    reason: 'Reason',
    allReasons: 'All reasons',
    previousOwner: 'Previous owner',
    releasedAt: 'Moved on',
    actions: 'Actions',
    claim: 'Claim',
    claimed: 'Claimed: {{name}}',
    cooldownUntil: 'You may claim it again from {{date}}',
    status: 'Claimed today {{claimed}} / {{cap}}, holding {{holding}} / {{holdingCap}}',
    rules: { no_contact: 'No contact', no_deal: 'No deal', contract_ended: 'Contract ended' },
  },
};
export default en;
