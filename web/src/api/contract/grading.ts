/** The grade 等级: the grading board and a customer's grade, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/grading/grading.schemas';

export type GradingBoardItem = z.output<typeof s.boardItem>;
export type CustomerGrade = z.output<typeof s.customerGradeOut>;
export type ConfirmInput = z.input<typeof s.confirmBody>;
