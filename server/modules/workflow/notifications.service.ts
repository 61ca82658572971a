import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/schema';
import type { NotificationDeliveryTable } from './workflow.tables';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { Clock } from '../../platform/time';
import type { NotificationInput, NotificationService } from './workflow.types';
import { notificationQueries as q } from './workflow.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { maskPersonalData } from '../../platform/outgoing/masking';
import type { RequestContext } from '../../platform/permissions/actor';
import { absoluteLink, afterFailure, robotText } from './workflow.rules';

export type Channel = 'email' | 'wecom' | 'dingtalk';
export type Delivery = Selectable<NotificationDeliveryTable>;

/** What a sender needs besides the delivery: the current settings (read when sending, so a changed URL applies at once). */
export interface SendContext {
  wecomWebhookUrl: string;
  dingtalkWebhookUrl: string;
  dingtalkSecret: string;
}
export type Sender = (delivery: Delivery, ctx: SendContext) => Promise<void>;

/** A claimed delivery that has not been settled within this time is taken up again (the sender crashed). */
const CLAIM_MS = 2 * 60_000;
const BATCH = 50;
const SEND_TIMEOUT_MS = 10_000;

export interface SmtpOptions {
  url: string;
  from: string;
}

/** Group robots answer HTTP 200 with { errcode, errmsg }; errcode 0 means delivered. */
async function postRobot(url: string, content: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ msgtype: 'text', text: { content } }),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  let body: { errcode?: number; errmsg?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // a proxy or test endpoint without a JSON body: the status decides
  }
  if (body.errcode !== undefined && body.errcode !== 0) throw new Error(`errcode ${body.errcode}: ${body.errmsg ?? ''}`.trim());
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
  let transport: Transporter | null = null;

  const defaultSenders: Record<Channel, Sender> = {
    async email(d) {
      if (!deps.smtp) throw new Error('SMTP is not configured');
      transport ??= nodemailer.createTransport(deps.smtp.url);
      await transport.sendMail({ from: deps.smtp.from, to: d.recipient!, subject: d.subject, text: d.body });
    },
    async wecom(d, ctx) {
      if (!ctx.wecomWebhookUrl) throw new Error('WeCom webhook is not configured');
      await postRobot(ctx.wecomWebhookUrl, d.body);
    },
    async dingtalk(d, ctx) {
      if (!ctx.dingtalkWebhookUrl) throw new Error('DingTalk webhook is not configured');
      await postRobot(signDingtalkUrl(ctx.dingtalkWebhookUrl, ctx.dingtalkSecret, clock.now().getTime()), d.body);
    },
  };
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
      const title = maskPersonalData(input.title).slice(0, 300);
      const body = maskPersonalData(input.body ?? null);
      const link = input.link ?? null;
      await q.insertInbox(
        trx,
        users.map((u) => ({
          user_id: u.id,
          kind: input.kind,
          title,
          body,
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
          if (u.email) rows.push({ ...pending, channel: 'email', recipient: u.email, subject: title, body: `${body ?? title}${linkLine}` });
        }
      }
      // Group chats get the event, the record and the people, never the typed title, note or comment.
      const text = robotText({ kind: input.kind, link, recipients: users.map((u) => u.display_name), publicUrl });
      if (wecom) rows.push({ ...pending, channel: 'wecom', recipient: null, subject: title, body: text });
      if (dingtalk) rows.push({ ...pending, channel: 'dingtalk', recipient: null, subject: title, body: text });
      await q.insertDeliveries(trx, rows);
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
     * The background sender: claims each due delivery atomically (so two processes never send the same
     * one), sends it outside any transaction and records the outcome; a failure is retried with
     * exponential backoff until `notifications.maxAttempts`, then the delivery is marked failed.
     */
    async runOnce(now: Date = clock.now()): Promise<{ sent: number; retrying: number; failed: number }> {
      const stamp = now.toISOString();
      const out = { sent: 0, retrying: 0, failed: 0 };
      if (hold && !heldQueued) {
        await q.holdQueued(db);
        heldQueued = true;
      }
      const ids = await q.dueDeliveryIds(db, stamp, BATCH);
      if (ids.length === 0) return out;
      const [maxAttempts, baseSeconds, wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret] = await Promise.all([
        settings.number('notifications.maxAttempts'),
        settings.number('notifications.retryBaseSeconds'),
        settings.value<string>('notifications.wecomWebhookUrl'),
        settings.value<string>('notifications.dingtalkWebhookUrl'),
        settings.value<string>('notifications.dingtalkSecret'),
      ]);
      const ctx: SendContext = { wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret };
      for (const id of ids) {
        const d = await q.claimDelivery(db, id, holder, stamp, new Date(now.getTime() + CLAIM_MS).toISOString());
        if (!d) continue; // another process has it
        const send = senders[d.channel as Channel];
        try {
          if (!send) throw new Error(`unknown channel ${d.channel}`);
          await send(d, ctx);
          await q.settleDelivery(db, id, holder, { status: 'sent', sent_at: clock.now().toISOString(), last_error: null });
          out.sent++;
        } catch (err) {
          const next = afterFailure(d.attempts, maxAttempts, baseSeconds, now);
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
  };
  return service satisfies NotificationService;
}
export type NotificationsService = ReturnType<typeof createNotificationService>;
