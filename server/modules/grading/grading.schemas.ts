import { z } from 'zod';
import { pagingQuery } from '../../platform/http/schemas';

export const boardQuery = z
  .object({
    teamId: z.coerce.number().int().positive().optional(),
    grade: z.string().trim().min(1).max(20).optional(),
    proposedGrade: z.string().trim().min(1).max(20).optional(),
    ...pagingQuery,
  })
  .strict();

const classes = {
  amountClass: z.string().nullable(),
  industryClass: z.string().nullable(),
  cooperationClass: z.string().nullable(),
  evaluationScore: z.number().nullable(),
};

export const boardItem = z.object({
  customerId: z.number(),
  name: z.string(),
  archiveNo: z.string(),
  ownerName: z.string().nullable(),
  teamName: z.string().nullable(),
  currentGrade: z.string().nullable(),
  proposedGrade: z.string(),
  ...classes,
  reason: z.string(),
  proposedAt: z.string(),
});

export const proposeBody = z.object({ customerIds: z.array(z.number().int().positive()).max(1000).optional() }).strict();

export const confirmBody = z
  .object({
    items: z
      .array(
        z
          .object({
            customerId: z.number().int().positive(),
            grade: z.string().trim().min(1).max(20).optional(),
            reason: z.string().trim().max(500).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export const customerGradeOut = z.object({
  current: z.string().nullable(),
  proposal: z.object({ grade: z.string(), reason: z.string(), ...classes, proposedAt: z.string() }).nullable(),
  history: z.array(
    z.object({ at: z.string(), oldGrade: z.string().nullable(), newGrade: z.string(), proposedGrade: z.string().nullable(), overridden: z.boolean(), reason: z.string(), actorName: z.string().nullable() }),
  ),
});
