/**
 * The platform's answers (session, users and organisation, settings, audit, calendar), inferred from the
 * server's zod schemas: a field the server stops sending fails the web's type check (docs/decisions/0006).
 * Type-only imports: nothing of the server reaches the bundle.
 */
import type { z } from 'zod';
import type { page } from '../../../../server/platform/http/schemas';
import type { meResponse, meSchema } from '../../../../server/platform/auth/auth.schemas';
import type { rolesOut } from '../../../../server/platform/http/system.schemas';
import type { auditEntryOut } from '../../../../server/platform/audit/audit.schemas';
import type { referenceLabelsOut } from '../../../../server/platform/reference/reference.schemas';
import type { settingGroupsOut, settingOut } from '../../../../server/platform/settings/settings.schemas';
import type { calendarStatusOut, companyDayBody, companyDayOut, dayInfoOut, officialYearBody, officialYearOut } from '../../../../server/platform/calendar/calendar.schemas';
import type { departmentCreate, departmentOut, departmentUpdate, teamCreate, teamOut, teamUpdate, userCreate, userOut, userUpdate } from '../../../../server/modules/org/org.schemas';

type Out<T extends z.ZodType> = z.output<T>;

/** A page of a list answer: `{ items, total, page, pageSize }` (platform/http/schemas.ts `page()`). */
export type Page<T> = Omit<Out<ReturnType<typeof page>>, 'items'> & { items: T[] };

export type Lang = 'zh-CN' | 'zh-TW' | 'en';
export type SessionUser = Out<typeof meSchema>;
export type SessionAnswer = Out<typeof meResponse>;
export type RoleId = SessionUser['roles'][number];
export type Capability = SessionUser['capabilities'][number];
export type RoleInfo = Out<typeof rolesOut>['items'][number];

export type UserRecord = Out<typeof userOut>;
export type Department = Out<typeof departmentOut>;
export type Team = Out<typeof teamOut>;

export type SettingItem = Out<typeof settingOut>;
export type SettingGroup = Out<typeof settingGroupsOut>['groups'][number];

export type AuditEntry = Out<typeof auditEntryOut>;
export type ReferenceLabels = Out<typeof referenceLabelsOut>;

export type CalendarDay = Out<typeof dayInfoOut>;
export type DayReason = CalendarDay['reason'];
export type CalendarStatus = Out<typeof calendarStatusOut>;
export type CompanyDay = Out<typeof companyDayOut>;
export type OfficialYear = Out<typeof officialYearOut>;
export type NewCompanyDay = z.input<typeof companyDayBody>;
export type OfficialSchedule = z.input<typeof officialYearBody>;

export type NewUser = z.input<typeof userCreate>;
export type UserUpdate = z.input<typeof userUpdate>;
/** The department and team forms: the create body, plus `active`, which only an edit sends. */
export type DepartmentInput = z.input<typeof departmentCreate> & Pick<z.input<typeof departmentUpdate>, 'active'>;
export type TeamInput = z.input<typeof teamCreate> & Pick<z.input<typeof teamUpdate>, 'active'>;
