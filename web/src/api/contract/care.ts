/** Care 客户关怀: the calendar, greeting templates, care actions and events, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/care/care.schemas';

export type CareCalendar = z.output<typeof s.calendarOut>;
export type CareOccasion = z.output<typeof s.occasionOut>;
export type CareTemplate = z.output<typeof s.templateOut>;
export type CareTemplateInput = z.input<typeof s.templateBody>;
export type CareRendered = z.output<typeof s.renderOut>;
export type CareAction = z.output<typeof s.actionOut>;
export type CareActionInput = z.input<typeof s.actionBody>;
export type CareEvent = z.output<typeof s.eventOut>;
export type CareEventDetail = z.output<typeof s.eventDetailOut>;
export type CareEventInput = z.input<typeof s.eventBody>;
