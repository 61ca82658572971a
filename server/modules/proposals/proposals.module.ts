import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import { createProposalAttachments } from './proposals.attachments';
import { proposalsDemo } from './proposals.demo';
import { PROPOSAL_MESSAGES } from './proposals.messages';
import { proposalRoutes } from './proposals.routes';
import { createProposalService } from './proposals.service';
import { PROPOSAL_SETTING_GROUPS, PROPOSAL_SETTINGS, proposalSettingsCheck } from './proposals.settings';
import { proposals20261210 } from './migrations/20261210_60_proposals';
import './proposals.tables';

function build(ctx: BuildContext) {
  const { approvals } = ctx.use<ApprovalServices>('approvals');
  return {
    proposals: createProposalService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, approvals }),
    proposalAttachments: createProposalAttachments({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, dataDir: ctx.dataDir }),
  };
}
export type ProposalServices = ReturnType<typeof build>;

/** Proposals 提案 (docs/regulations.md §14): 客户提案表, weighted 提案评定表, approval, implementation, 提案成果报告表, reward. */
export const proposalsModule = defineModule({
  name: 'proposals',
  dependsOn: ['customers', 'approvals'], // customers: the archive's scope and its attachment rules
  migrations: (kind) => [proposals20261210(kind)],
  resources: {
    // A customer's proposal follows that customer's owner / team / department, a staff proposal its proposer's (docs/regulations.md §1).
    proposal: { table: 'proposals', id: 'proposals.id', owner: 'proposals.owner_id', team: 'proposals.team_id', department: 'proposals.department_id' },
  },
  capabilities: {
    'proposals.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent', 'qa'],
    'proposals.write': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent', 'qa'], // record and submit a 客户提案表
    'proposals.review': ['director', 'manager', 'supervisor'], // fill in a 提案评定表 and send it to approval
    'proposals.implement': ['director', 'manager'], // hand to a department, record the 成果报告 and the reward
  },
  settingGroups: PROPOSAL_SETTING_GROUPS,
  settings: PROPOSAL_SETTINGS,
  settingsCheck: proposalSettingsCheck,
  messages: PROPOSAL_MESSAGES,
  build,
  demo: (s, ctx, demo) => proposalsDemo(s.proposals, ctx.use<ApprovalServices>('approvals').approvals, demo),
  routes: (app, s) => proposalRoutes(app, { proposals: s.proposals, attachments: s.proposalAttachments }),
  contributes: {
    approvalTypes: (s) => [s.proposals.handler],
    customerMerge: (s) => [{ columns: ['proposals.customer_id'], move: (db, fromId, toId) => s.proposals.moveCustomer(db, fromId, toId) }],
  },
});
