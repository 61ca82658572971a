import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Configuration is read and validated once at start-up; bad values stop the process with a clear message. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (leave it unset to use SQLite)')
    .optional(),
  GUANXI_ADMIN_PASSWORD: z.string().min(8, 'GUANXI_ADMIN_PASSWORD must have at least 8 characters').optional(),
  GUANXI_ADMIN_USERNAME: z.string().regex(/^[a-zA-Z0-9_.-]{3,32}$/).default('admin'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the app is reached over HTTPS (directly or behind a proxy) so cookies get the Secure flag. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * Balancer addresses (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For is believed. With this
   * or TRUST_PROXY the sign-in limit counts per client address; without, per account (a shared balancer
   * address would otherwise lock out a whole office).
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((a) => net.isIP(a.split('/')[0]) !== 0 && (!a.includes('/') || /^\d{1,3}$/.test(a.split('/')[1]))), 'TRUSTED_PROXIES must be IP addresses or CIDR ranges, comma-separated')
    .optional(),
  /** `hold` queues outgoing e-mail and robot messages without sending them (a restored copy, a drill) until an administrator releases them. */
  GUANXI_OUTBOX: z.enum(['send', 'hold'], { message: 'GUANXI_OUTBOX must be send or hold' }).default('send'),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  WEB_DIST_DIR: z.string().optional(),
  /** E-mail notifications (issue 4 §4): smtp(s)://user:password@host:port; unset = no e-mail. Kept out of the settings table, which managers can read. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().min(3).optional(),
  /** The OpenAPI document and its viewer (/api/docs) are for signed-in users unless this is 'true'. */
  PUBLIC_API_DOCS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolMax: number };
  adminUsername: string;
  adminPassword?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Addresses of the balancers whose forwarded client address is believed (empty: none). */
  trustedProxies?: string[];
  /** `hold`: outgoing messages are queued, not sent, until released on the held-messages page. */
  outbox?: 'send' | 'hold';
  /** GUANXI_* variables that may stand in for a setting (a credential kept out of the database); checked against the setting's schema at start-up. */
  settingEnv?: Record<string, string>;
  webDistDir: string;
  smtp?: { url: string; from: string } | null;
  publicApiDocs?: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (so `DATABASE_URL=` falls back to SQLite).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Most mail servers refuse a sender they do not know, so the address is never guessed.
  if (e.SMTP_URL && !e.SMTP_FROM) throw new ConfigError('Invalid configuration / 配置无效:\n  SMTP_FROM: required when SMTP_URL is set (e.g. "客户关系管理 <crm@example.com>")');
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.PG_POOL_MAX }
      : { kind: 'sqlite', file: path.join(dataDir, 'guanxi.db') },
    adminUsername: e.GUANXI_ADMIN_USERNAME,
    adminPassword: e.GUANXI_ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    trustedProxies: e.TRUSTED_PROXIES ?? [],
    outbox: e.GUANXI_OUTBOX,
    settingEnv: Object.fromEntries(Object.entries(cleaned).filter(([k]) => k.startsWith('GUANXI_')) as [string, string][]),
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? 'dist/web'),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM! } : null,
    publicApiDocs: e.PUBLIC_API_DOCS,
  };
}
