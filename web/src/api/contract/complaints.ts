/** Complaint answers and request bodies, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/complaints/complaints.schemas';

type Out<T extends z.ZodType> = z.output<T>;

export type ComplaintOptions = Out<typeof s.optionsOut>;
export type Severity = ComplaintOptions['severities'][number];
export type ComplaintStatus = ComplaintOptions['statuses'][number];
export type Channel = ComplaintOptions['channels'][number];
export type ToldMethod = ComplaintOptions['toldMethods'][number];

export type ComplaintSummary = Out<typeof s.summaryOut>;
export type Deadline = ComplaintSummary['firstContact'];
export type Complaint = Out<typeof s.detailOut>;
export type ComplaintAction = keyof Complaint['can'];
export type ComplaintEvent = Complaint['events'][number];
export type Opinion = Complaint['opinions'][number];
export type Extension = Complaint['extensions'][number];
export type Meeting = NonNullable<Complaint['meeting']>;
export type Rectification = Out<typeof s.rectificationOut>;
export type IntakeInput = z.input<typeof s.intakeBody>;

export type Analysis = Out<typeof s.analysisOut>;
export type AnalysisTable = (typeof s.ANALYSIS_TABLES)[number];

/** What the public page shows of one's own complaint. */
export type PublicComplaint = Out<typeof s.publicOut>;
