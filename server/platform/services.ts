import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Db, DialectKind } from '../db/database';
import type { Database } from '../db/schema';
import { createAuditService } from './audit/audit.service';
import { createAuthService } from './auth/auth.service';
import { createRateLimiter } from './auth/rate-limit';
import { createCalendarService } from './calendar/calendar.service';
import { createLeases } from './jobs/leases';
import { createReferenceService } from './reference/reference.service';
import { createSettingsService } from './settings/settings.service';
import type { Clock } from './time';

/** What every module stands on: built once per app, before any module. */
export function createPlatformServices(db: Db, clock: Clock, opts: { dataDir: string; smtp?: Config['smtp']; settingEnv?: Record<string, string>; outbox?: Config['outbox'] }) {
  const k: Kysely<Database> = db.kysely;
  const audit = createAuditService(clock);
  const settings = createSettingsService({ db: k, audit, clock, env: opts.settingEnv });
  const rateLimiter = createRateLimiter(k, clock);
  const auth = createAuthService({ db: k, audit, settings, rateLimiter, clock });
  const calendar = createCalendarService({ db: k, audit, settings, clock });
  const leases = createLeases(k, clock);
  const reference = createReferenceService({ db: k, audit, clock });
  return {
    /** The connection (SQLite or PostgreSQL) behind `db`, for the few places that need the dialect's handle. */
    database: db,
    db: k,
    kind: db.kind as DialectKind,
    clock,
    dataDir: opts.dataDir,
    smtp: opts.smtp ?? null,
    /** `hold`: the outbox queues and does not send until an administrator releases (GUANXI_OUTBOX). */
    outbox: opts.outbox ?? 'send',
    audit,
    settings,
    rateLimiter,
    auth,
    calendar,
    leases,
    /** zh-TW / en labels of the shipped reference lists (industries, complaint categories …). */
    reference,
  };
}
export type PlatformServices = ReturnType<typeof createPlatformServices>;
