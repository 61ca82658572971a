import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/schema';
import type { NotificationDeliveryTable } from './workflow.tables';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import type { NotificationInput, NotificationParams, NotificationService } from './workflow.types';
import { type Lang, LANGS, hasMessage, t } from '../../platform/http/i18n';
import { notificationQueries as q } from './workflow.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { maskPersonalData } from '../../platform/outgoing/masking';
import type { RequestContext } from '../../platform/permissions/actor';
import { absoluteLink, afterFailure, robotText } from './workflow.rules';
import { blocked, bucketShape, RATE_LIMIT_ERRCODES, RateLimitedError, take } from '../../platform/outgoing/pacing';
import { rateBucketQueries as buckets } from './workflow.queries';

/**
 * The outgoing channels, each with its own queue (rows of its channel), worker loop and rate bucket, so a
 * stuck channel delays only itself (issue 18 §3). A new channel (SMS) is one entry here and one sender.
 */
export const CHANNELS = {
  email: { perWindowSetting: null },
  wecom: { perWindowSetting: 'notifications.wecomPerWindow' },
  dingtalk: { perWindowSetting: 'notifications.dingtalkPerWindow' },
} as const satisfies Record<string, { perWindowSetting: string | null }>;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export type Delivery = Selectable<NotificationDeliveryTable>;

/** What a sender needs besides the delivery: the current settings (read when sending, so a changed URL applies at once). */
export interface SendContext {
  wecomWebhookUrl: string;
  dingtalkWebhookUrl: string;
  dingtalkSecret: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}
export type Sender = (delivery: Delivery, ctx: SendContext) => Promise<void>;

const BATCH = 50;

export interface SmtpOptions {
  url: string;
  from: string;
}

/**
 * Group robots answer HTTP 200 with { errcode, errmsg }; errcode 0 means delivered. The total timeout covers
 * connecting too, so a webhook that never answers holds its channel's worker for at most that long.
 */
async function postRobot(url: string, content: string, totalTimeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ msgtype: 'text', text: { content } }),
    signal: AbortSignal.timeout(totalTimeoutMs),
  });
  const text = await res.text();
  if (res.status === 429) throw new RateLimitedError('HTTP 429');
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  let body: { errcode?: number; errmsg?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // a proxy or test endpoint without a JSON body: the status decides
  }
  if (body.errcode !== undefined && body.errcode !== 0) {
    const msg = `errcode ${body.errcode}: ${body.errmsg ?? ''}`.trim();
    throw RATE_LIMIT_ERRCODES.has(body.errcode) ? new RateLimitedError(msg) : new Error(msg);
  }
}

/** Runs `work` but gives up after `ms`, calling `onTimeout` to drop the connection it may still hold. */
async function within<T>(ms: number, what: string, work: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          onTimeout();
          reject(new Error(`${what} timed out after ${ms} ms`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** DingTalk's optional signing: timestamp and HMAC-SHA256 of "timestamp\nsecret" appended to the URL. */
export function signDingtalkUrl(url: string, secret: string, now: number): string {
  if (!secret) return url;
  const sign = crypto.createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(now));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Messages never carry the webhook's access token, and stay short in the table. */
function errorText(err: unknown): string {
  const msg = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return msg.replace(/(access_token|key|sign)=[^&\s]+/gi, '$1=***').slice(0, 500);
}

/** What a notification row keeps of its message: keys and masked parameters, or plain text for a caller without keys. */
export interface StoredMessage {
  title: string;
  body: string | null;
  title_key: string | null;
  body_key: string | null;
  params: string | null;
}

function storedMessage(input: NotificationInput): StoredMessage {
  const params: NotificationParams = {};
  for (const [k, v] of Object.entries(input.params ?? {})) params[k] = typeof v === 'string' ? maskPersonalData(v) : v;
  return {
    title: maskPersonalData(input.title ?? '').slice(0, 300),
    body: maskPersonalData(input.body ?? null),
    title_key: input.titleKey ?? null,
    body_key: input.bodyKey ?? null,
    params: input.titleKey || input.bodyKey ? JSON.stringify(params) : null,
  };
}

export const langOf = (locale: string | null | undefined): Lang => ((LANGS as string[]).includes(locale ?? '') ? (locale as Lang) : 'zh-CN');

/**
 * A notification's title and body in one language: from its keys when it has them (an unknown key falls back
 * to the stored text), else the stored text of a row written before keys existed.
 */
export function renderNotification(row: StoredMessage, lang: Lang): { title: string; body: string | null } {
  let params: NotificationParams = {};
  try {
    params = row.params ? (JSON.parse(row.params) as NotificationParams) : {};
  } catch {
    // a damaged parameter list renders with the placeholders left in
  }
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'object' && v ? t(lang, v.key, v.params ?? {}) : v;
  const render = (key: string | null, fallback: string | null) => (key && hasMessage(key) ? t(lang, key, flat) : fallback);
  return { title: (render(row.title_key, row.title) ?? '').slice(0, 300), body: render(row.body_key, row.body) };
}

export function createNotificationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  smtp?: SmtpOptions | null;
  /** Tests replace a channel's sender; the real ones post to the robots and send through SMTP. */
  senders?: Partial<Record<Channel, Sender>>;
  holder?: string;
  /** `hold` (GUANXI_OUTBOX=hold): deliveries are queued as held and nothing is sent until released. */
  outbox?: 'send' | 'hold';
  audit?: AuditService;
}) {
  const { db, clock, settings } = deps;
  const hold = deps.outbox === 'hold';
  // A restored copy holds what the backup had queued too, once, before its first send round.
  let heldQueued = false;
  const holder = deps.holder ?? `${process.pid}-${crypto.randomUUID()}`;

  const defaultSenders: Record<Channel, Sender> = {
    async email(d, ctx) {
      const smtp = deps.smtp;
      if (!smtp) throw new Error('SMTP is not configured');
      // One connection per message with nodemailer's own timeouts; the total timeout bounds a server that
      // answers, but too slowly (the app set none before: a tar-pit held each mail for its OS timeout).
      const transport: Transporter = nodemailer.createTransport({
        url: smtp.url,
        connectionTimeout: ctx.connectTimeoutMs,
        greetingTimeout: ctx.connectTimeoutMs,
        socketTimeout: ctx.totalTimeoutMs,
      } as Parameters<typeof nodemailer.createTransport>[0]);
      try {
        await within(ctx.totalTimeoutMs, 'SMTP', transport.sendMail({ from: smtp.from, to: d.recipient!, subject: d.subject, text: d.body }), () => transport.close());
      } finally {
        transport.close();
      }
    },
    async wecom(d, ctx) {
      if (!ctx.wecomWebhookUrl) throw new Error('WeCom webhook is not configured');
      await postRobot(ctx.wecomWebhookUrl, d.body, ctx.totalTimeoutMs);
    },
    async dingtalk(d, ctx) {
      if (!ctx.dingtalkWebhookUrl) throw new Error('DingTalk webhook is not configured');
      await postRobot(signDingtalkUrl(ctx.dingtalkWebhookUrl, ctx.dingtalkSecret, clock.now().getTime()), d.body, ctx.totalTimeoutMs);
    },
  };

  /**
   * One token from the channel's bucket in the database, so that all instances together keep to the
   * provider's limit: 0 when taken, else the milliseconds until one is there. A compare-and-set on the
   * bucket's version; losing the race to another instance means reading it again.
   */
  /** The channel's bucket as the settings shape it now (null: the channel is not paced). */
  async function shapeOf(channel: Channel) {
    const setting = CHANNELS[channel].perWindowSetting;
    const [limit, windowSeconds] = await Promise.all([setting ? settings.number(setting) : 1, settings.number('notifications.rateWindowSeconds')]);
    return { paced: !!setting, windowMs: windowSeconds * 1000, shape: bucketShape(limit, windowSeconds * 1000) };
  }

  async function takeToken(channel: Channel, nowMs: number): Promise<number> {
    const { paced, shape } = await shapeOf(channel);
    if (!paced) return 0;
    for (let i = 0; i < 20; i++) {
      const row = await buckets.get(db, channel);
      const t = take(row ? { tokens: row.tokens, refilledMs: row.refilled_ms } : undefined, shape, nowMs);
      if (!t.ok) return t.waitMs;
      if (!row) {
        await buckets.create(db, { key: channel, tokens: shape.capacity, refilled_ms: nowMs });
        continue;
      }
      if (await buckets.put(db, channel, row.version, { tokens: t.next.tokens, refilled_ms: t.next.refilledMs })) return 0;
    }
    return 50; // heavy contention: try again shortly
  }

  /** A token taken for a delivery another process claimed first goes back (once; losing that race costs only pace). */
  async function returnToken(channel: Channel): Promise<void> {
    const { paced, shape } = await shapeOf(channel);
    if (!paced) return;
    const row = await buckets.get(db, channel);
    if (!row) return;
    const tokens = Math.min(shape.capacity, row.tokens + 1);
    await buckets.put(db, channel, row.version, { tokens, refilled_ms: row.refilled_ms });
  }

  /** The provider said "too many": nobody sends on this channel for a whole window. */
  async function blockChannel(channel: Channel, nowMs: number): Promise<number> {
    const { windowMs, shape } = await shapeOf(channel);
    const next = blocked(shape, nowMs);
    for (let i = 0; i < 20; i++) {
      const row = await buckets.get(db, channel);
      if (!row) {
        await buckets.create(db, { key: channel, tokens: next.tokens, refilled_ms: next.refilledMs });
        continue;
      }
      if (await buckets.put(db, channel, row.version, { tokens: next.tokens, refilled_ms: next.refilledMs })) break;
    }
    return windowMs;
  }
  const senders: Record<Channel, Sender> = { ...defaultSenders, ...deps.senders };

  const service = {
    holder,

    /**
     * The in-app rows and the outbox rows, in the caller's transaction: if the caller rolls back, nobody is
     * told about something that did not happen. Nothing is sent here, so no channel can fail the request.
     */
    async notify(trx: Kysely<Database>, input: NotificationInput): Promise<void> {
      const users = await q.activeUsers(trx, [...new Set(input.userIds)]);
      if (users.length === 0) return;
      const now = clock.now().toISOString();
      const stored = storedMessage(input);
      // The stored text is the zh-CN rendering: the fallback, and what the outbox and robots use.
      const { title, body } = renderNotification(stored, 'zh-CN');
      const link = input.link ?? null;
      await q.insertInbox(
        trx,
        users.map((u) => ({
          user_id: u.id,
          kind: input.kind,
          title,
          body,
          title_key: stored.title_key,
          body_key: stored.body_key,
          params: stored.params,
          subject_type: input.subject?.type ?? null,
          subject_id: input.subject?.id ?? null,
          link_type: link?.type ?? null,
          link_id: link?.id ?? null,
          link_path: link?.path ?? null,
          read_at: null,
          created_at: now,
        })),
      );
      const [wecom, dingtalk, publicUrl] = await Promise.all([
        settings.value<string>('notifications.wecomWebhookUrl', trx),
        settings.value<string>('notifications.dingtalkWebhookUrl', trx),
        settings.value<string>('notifications.publicUrl', trx),
      ]);
      const pending = { kind: input.kind, status: hold ? 'held' : 'pending', attempts: 0, next_attempt_at: now, created_at: now };
      const rows = [];
      if (deps.smtp) {
        const linkLine = link?.path && publicUrl ? `\n\n${absoluteLink(publicUrl, link.path)}` : '';
        for (const u of users) {
          // Mail is written in the recipient's language setting (zh-CN when none is set).
          const mail = renderNotification(stored, langOf(u.locale));
          if (u.email) rows.push({ ...pending, channel: 'email', recipient: u.email, subject: mail.title, body: `${mail.body ?? mail.title}${linkLine}` });
        }
      }
      // Group chats get the event, the record and the people, never the typed title, note or comment.
      const text = robotText({ kind: input.kind, link, recipients: users.map((u) => u.display_name), publicUrl });
      if (wecom) rows.push({ ...pending, channel: 'wecom', recipient: null, subject: title, body: text });
      if (dingtalk) rows.push({ ...pending, channel: 'dingtalk', recipient: null, subject: title, body: text });
      await q.insertDeliveries(trx, rows);
    },

    async markDone(trx: Kysely<Database>, subject: { type: 'approval' | 'task'; id: number }): Promise<void> {
      await q.markDone(trx, subject, clock.now().toISOString());
    },

    list: (userId: number, f: { unread?: boolean }, p: { page: number; pageSize: number }) => q.inbox(db, userId, f, p),
    unreadCount: (userId: number) => q.unreadCount(db, userId),
    markRead: (userId: number, ids: number[]) => q.markRead(db, userId, ids, clock.now().toISOString()),
    markAllRead: (userId: number) => q.markRead(db, userId, 'all', clock.now().toISOString()),
    deliveries: (f: { status?: string }, p: { page: number; pageSize: number }) => q.deliveries(db, f, p),

    /** Whether this process holds outgoing messages, and how many wait for an administrator. */
    async outboxState(): Promise<{ mode: 'send' | 'hold'; held: number }> {
      return { mode: hold ? 'hold' : 'send', held: await q.countHeld(db) };
    },

    /**
     * Held messages go out (queued again as pending, due now) or are discarded for good: one, several or
     * all; audited, since a restored copy's queue may reach real people.
     */
    async settleHeld(ctx: RequestContext, action: 'release' | 'discard', ids: number[] | 'all'): Promise<number> {
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const count = await q.settleHeld(trx, ids, action === 'release' ? { status: 'pending', next_attempt_at: now } : { status: 'discarded' });
        await deps.audit?.record(trx, actorInfo(ctx), {
          action: action === 'release' ? 'outbox.release' : 'outbox.discard',
          entityType: 'notification_delivery',
          entityId: ids === 'all' || ids.length !== 1 ? null : ids[0],
          summary: `${count} ${ids === 'all' ? '(all held)' : `(ids ${ids.join(',').slice(0, 200)})`}`,
        });
        return count;
      });
    },

    /**
     * Failed deliveries are queued again, due now, with their attempts counted afresh: one, several or all;
     * audited, since an administrator decides to reach people again.
     */
    async resendFailed(ctx: RequestContext, ids: number[] | 'all'): Promise<number> {
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const count = await q.resendFailed(trx, ids, now);
        await deps.audit?.record(trx, actorInfo(ctx), {
          action: 'outbox.resend',
          entityType: 'notification_delivery',
          entityId: ids === 'all' || ids.length !== 1 ? null : ids[0],
          summary: `${count} ${ids === 'all' ? '(all failed)' : `(ids ${ids.join(',').slice(0, 200)})`}`,
        });
        return count;
      });
    },

    /**
     * One round of one channel's worker: claims each due delivery of that channel atomically (so two
     * processes never send the same one), takes a token from the channel's shared bucket, sends it outside
     * any transaction and records the outcome. A failure is retried with exponential backoff until
     * `notifications.maxAttempts`, then marked failed; the provider's "too many" re-queues it after the
     * window without counting the attempt. `waitMs` says when the bucket has the next token (0: no wait).
     */
    async runChannel(channel: Channel, now?: Date): Promise<{ sent: number; retrying: number; failed: number; paced: number; waitMs: number; full: boolean }> {
      const stamp = (now ?? clock.now()).toISOString();
      const out = { sent: 0, retrying: 0, failed: 0, paced: 0, waitMs: 0, full: false };
      if (hold && !heldQueued) {
        await q.holdQueued(db);
        heldQueued = true;
      }
      const ids = await q.dueDeliveryIds(db, channel, stamp, BATCH);
      if (ids.length === 0) return out;
      out.full = ids.length === BATCH;
      const [maxAttempts, baseSeconds, wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, connectSeconds, totalSeconds] = await Promise.all([
        settings.number('notifications.maxAttempts'),
        settings.number('notifications.retryBaseSeconds'),
        settings.value<string>('notifications.wecomWebhookUrl'),
        settings.value<string>('notifications.dingtalkWebhookUrl'),
        settings.value<string>('notifications.dingtalkSecret'),
        settings.number('notifications.connectTimeoutSeconds'),
        settings.number('notifications.sendTimeoutSeconds'),
      ]);
      const ctx: SendContext = { wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, connectTimeoutMs: connectSeconds * 1000, totalTimeoutMs: totalSeconds * 1000 };
      // A claim outlives the longest send, so a slow send is not taken up again by another process meanwhile.
      const claimMs = ctx.totalTimeoutMs + 60_000;
      const send = senders[channel];
      for (const id of ids) {
        // The current time when the caller gave none of its own: a round may span many paced sends.
        const at = now ?? clock.now();
        const wait = await takeToken(channel, at.getTime());
        if (wait > 0) {
          out.paced = ids.length - (out.sent + out.retrying + out.failed);
          out.waitMs = wait;
          out.full = true;
          break;
        }
        const d = await q.claimDelivery(db, id, holder, at.toISOString(), new Date(at.getTime() + claimMs).toISOString());
        if (!d) {
          await returnToken(channel); // another process has it
          continue;
        }
        try {
          if (!send) throw new Error(`unknown channel ${d.channel}`);
          await send(d, ctx);
          await q.settleDelivery(db, id, holder, { status: 'sent', sent_at: clock.now().toISOString(), last_error: null });
          out.sent++;
        } catch (err) {
          if (err instanceof RateLimitedError) {
            const windowMs = await blockChannel(channel, at.getTime());
            await q.settleDelivery(db, id, holder, {
              status: 'pending',
              next_attempt_at: new Date(at.getTime() + windowMs).toISOString(),
              last_error: errorText(err),
              refundAttempt: true,
            });
            out.retrying++;
            out.waitMs = windowMs;
            break;
          }
          const next = afterFailure(d.attempts, maxAttempts, baseSeconds, at);
          await q.settleDelivery(db, id, holder, {
            status: next.status,
            ...(next.status === 'pending' ? { next_attempt_at: next.nextAttemptAt } : {}),
            last_error: errorText(err),
          });
          if (next.status === 'pending') out.retrying++;
          else out.failed++;
        }
      }
      return out;
    },

    /** One round of every channel, one after the other (tests and tools; the app runs each channel on its own loop). */
    async runOnce(now?: Date): Promise<{ sent: number; retrying: number; failed: number }> {
      const out = { sent: 0, retrying: 0, failed: 0 };
      for (const channel of CHANNEL_NAMES) {
        const r = await service.runChannel(channel, now);
        out.sent += r.sent;
        out.retrying += r.retrying;
        out.failed += r.failed;
      }
      return out;
    },
  };
  return service satisfies NotificationService;
}
export type NotificationsService = ReturnType<typeof createNotificationService>;
