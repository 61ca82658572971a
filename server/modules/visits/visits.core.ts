import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditService } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/permissions/actor';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import type { ApprovalService } from '../approvals/approvals.types';
import type { ComplaintService } from '../complaints/complaints.service';
import type { AttachmentService } from '../customers/attachments.service';
import type { TasksService } from '../workflow/tasks.service';
import { visitQueries as q } from './visits.queries';

/** Task texts and file descriptions are stored once, in the interface's default language. */
export const LANG = 'zh-CN' as const;

export interface VisitDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  tasks: Pick<TasksService, 'createTask' | 'create' | 'get'>;
  complaints: Pick<ComplaintService, 'create'>;
  attachments: Pick<AttachmentService, 'upload' | 'open' | 'remove'>;
  /** Visit plans go to the supervisor through the approval engine (docs/regulations.md §8). */
  approvals: Pick<ApprovalService, 'submit'>;
  /** Road distances (OSRM); a test passes its own. */
  fetch?: typeof fetch;
}

/** What the use cases share: the dependencies and the customer check. */
export function createVisitCore(deps: VisitDeps) {
  const { db } = deps;
  return {
    ...deps,
    now: () => deps.clock.now(),

    /** A customer outside the caller's scope reads as unknown, named on the field that pointed at it. */
    async visibleCustomer(ctx: RequestContext, customerId: number, field = 'customerId') {
      const c = await q.customerVisible(db, ctx.actor, customerId);
      if (!c) throw errors.field(field, 'visits.customer_not_found');
      return c;
    },

    /** A drawn signature (PNG) or a photo of the signed form (JPEG): judged by content, not by name. */
    assertImage(body: Buffer) {
      const png = body.length > 8 && body[0] === 0x89 && body[1] === 0x50 && body[2] === 0x4e && body[3] === 0x47;
      const jpeg = body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff;
      if (!png && !jpeg) throw new AppError('validation', 'visits.signature_type', [{ field: 'file', message: 'visits.signature_type' }], {}, 415);
    },
  };
}
export type VisitCore = ReturnType<typeof createVisitCore>;
