/** Cooperation projects, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/projects/projects.schemas';

export type ProjectSummary = z.output<typeof s.projectSummaryOut>;
export type Project = z.output<typeof s.projectOut>;
export type Milestone = Project['milestones'][number];
export type ProjectChangeCreated = { changeId: number; project: Project };
