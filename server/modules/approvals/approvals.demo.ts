import type { DemoContext } from '../../platform/modules/demo';
import type { createApprovalService } from './approvals.service';

/**
 * Demo: the 经理办公会 (group management_meeting) gets its members — the directors and the managers who
 * head a department — so a development plan reaches it without an administrator's repair (docs/regulations.md §18).
 */
export async function approvalsDemo(s: { approvals: ReturnType<typeof createApprovalService> }, demo: DemoContext): Promise<void> {
  const heads = new Set(demo.org.departments.map((d) => d.headId));
  const members = demo.org.users.filter((u) => u.roles.includes('director') || (u.roles.includes('manager') && heads.has(u.id)));
  const group = (await s.approvals.listGroups()).find((g) => g.key === 'management_meeting');
  if (!group || group.members.length) return;
  await s.approvals.updateGroup(demo.org.admin.ctx, group.id, { memberIds: members.map((m) => m.id), version: group.version });
  demo.report(`经理办公会 ${members.map((m) => m.displayName).join('、')}`);
}
