import { z } from 'zod';
import { INTERVAL_UNITS } from './cadence.rules';

const status = z.enum(['in_time', 'due', 'overdue']);
const interval = z.object({ every: z.number().int(), unit: z.enum(INTERVAL_UNITS) });
const counts = { inTime: z.number().int(), due: z.number().int(), overdue: z.number().int(), total: z.number().int(), maxOverdueDays: z.number().int() };

export const complianceQuery = z
  .object({
    ownerId: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
    grade: z.string().trim().min(1).max(20).optional(),
  })
  .strict();

export const cadenceCustomerOut = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  archiveNo: z.string().nullable(),
  grade: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  lastContact: z.string().nullable(),
  dueDate: z.string(),
  overdueDays: z.number().int(),
  status,
  interval,
  capped: z.boolean(),
  /** Which rule set the due date: the grade's interval, the membership tier's, or the one-month cap. */
  rule: z.enum(['grade', 'tier', 'cap']),
  tier: z.string().nullable(),
  exempt: z.boolean(),
});

/** An individual member (a guest, not an archive customer) owed contact by its membership tier. */
export const cadenceMemberOut = z.object({
  individualId: z.number().int(),
  name: z.string(),
  memberNo: z.string(),
  tier: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  lastContact: z.string().nullable(),
  dueDate: z.string(),
  overdueDays: z.number().int(),
  status,
  interval,
});

export const complianceOut = z.object({
  today: z.string(),
  capMonths: z.number().int(),
  totals: z.object(counts),
  byPerson: z.array(z.object({ ownerId: z.number().int().nullable(), ownerName: z.string().nullable(), teamId: z.number().int().nullable(), ...counts })),
  byTeam: z.array(z.object({ teamId: z.number().int().nullable(), ...counts })),
  byGrade: z.array(z.object({ grade: z.string(), label: z.string(), interval, ...counts })),
  customers: z.array(cadenceCustomerOut),
  members: z.array(cadenceMemberOut),
  memberTotals: z.object(counts),
});

export const customerCadenceOut = z.object({
  cadence: cadenceCustomerOut.nullable(),
  capMonths: z.number().int(),
  exemption: z.object({ reason: z.string(), createdAt: z.string() }).nullable(),
});

export const exemptionBody = z.object({ reason: z.string().max(500) }).strict();

export const runOut = z.object({ created: z.number().int(), closed: z.number().int(), escalated: z.number().int() });
