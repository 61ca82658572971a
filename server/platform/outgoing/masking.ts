import { maskPhone } from '../http/schemas';

/**
 * The one masking function for every outgoing channel (e-mail, WeCom, DingTalk, and any later one):
 * personal data typed into a text never leaves the system in clear.
 * Order matters: ID numbers and bank accounts are longer digit runs that contain phone-like parts.
 */

// Resident ID numbers: 17 digits and a check digit or X (spaces allowed after the 6th and 14th).
const ID_NUMBER = /(?<![\dA-Za-z])\d{6} ?\d{8} ?\d{3}[\dXx](?![\dA-Za-z])/g;
// Bank card and account numbers: 12–19 digits, optionally grouped by 4 with spaces or dashes.
const BANK_ACCOUNT = /(?<![\dA-Za-z-])(?:\d{4}[ -]){2,4}\d{1,7}(?![\dA-Za-z])|(?<![\dA-Za-z-])\d{12,19}(?![\dA-Za-z])/g;
// Mobile numbers (1[3-9]x, 11 digits, optionally spaced/dashed 3-4-4) and landlines with an area code.
const PHONE = /(?<!\d)(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** 1101**********123X — the region's first four and the last four stay, enough to tell two apart. */
export function maskIdNumber(id: string): string {
  const s = id.replace(/\s/g, '');
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/** **** 1234, as customer bank accounts are shown in lists. */
export function maskBankAccount(account: string): string {
  return `**** ${account.replace(/[\s-]/g, '').slice(-4)}`;
}

/** l***@example.cn: the domain stays (it says which company), the mailbox does not. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export function maskPersonalData(text: string): string;
export function maskPersonalData(text: string | null | undefined): string | null;
export function maskPersonalData(text: string | null | undefined): string | null {
  if (text == null) return null;
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(BANK_ACCOUNT, (m) => maskBankAccount(m))
    .replace(PHONE, (m) => maskPhone(m.replace(/[ -]/g, '')) ?? m)
    .replace(EMAIL, (m) => maskEmail(m));
}

/** UTF-8 size, which is what the robots' limits count. */
export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Each channel's size limit, in UTF-8 bytes. WeCom's group robot documents text 2,048 and markdown 4,096.
 * DingTalk's custom robot documents a rate (20 messages a minute) but no size we could rely on, so it is
 * held to the same budget. Group messages are built from short structured parts to stay under these.
 */
export const CHANNEL_LIMITS = {
  wecom: { text: 2048, markdown: 4096 },
  dingtalk: { text: 2048, markdown: 4096 },
} as const;
