/** Archive lending 档案借阅, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/archives/archives.schemas';

export type ArchiveLevels = z.output<typeof s.levelsOut>;
export type ArchiveMaterial = z.output<typeof s.materialOut>;
export type Correspondence = z.output<typeof s.correspondenceOut>;
export type ArchiveLoan = z.output<typeof s.loanOut>;
export type DownloadRequest = z.output<typeof s.downloadRequestOut>;
