import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { FieldError } from '../http/errors';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

// scrypt N=2^15, r=8, p=1 (~32 MiB, ~100 ms here): the OWASP minimum for interactive logins.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, keyB64] = stored.split('$');
  if (alg !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return crypto.timingSafeEqual(key, expected);
}

/** A hash to verify against when the user does not exist, so response time does not reveal usernames. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(12).toString('hex'));
  return dummyHash;
}

// The most common passwords of public breach lists, plus ones typical for Chinese users.
const COMMON = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 abc123 password1 1q2w3e4r
  000000 iloveyou 1qaz2wsx qwertyuiop 123321 654321 666666 888888 88888888 11111111 00000000 12341234 aa123456
  a123456 a12345678 abcd1234 abc12345 123456a 123456aa 5201314 52013145201314 woaini1314 woaini 1314520 147258369
  zxcvbnm asdfghjkl 1qaz2wsx3edc qazwsxedc password123 admin admin123 admin1234 administrator root123 welcome
  welcome1 letmein sunshine monkey dragon football baseball superman trustno1 passw0rd p@ssw0rd p@ssword
  changeme guanxi guanxi123 guanxicrm crm12345 test1234 test12345 12345qwert 1q2w3e4r5t 987654321 147258369
  159357 112233 121212 7758521 7758258 wang1234 zhang123 li123456 abcdefg abcdefgh 11223344 qq123456 q1w2e3r4
  iloveyou1 woaiwojia 1234qwer qwer1234 asdf1234 zxcv1234 a1b2c3d4 aaaaaaaa 12344321 123qwe 123qweasd`
    .split(/\s+/)
    .filter(Boolean),
);

/** Password rules (issue 2 §4): minimum length, not a common password, not built from the username. */
export function checkPasswordPolicy(raw: string, username: string, minLength: number): FieldError[] {
  // The rules judge what is hashed: ｐａｓｓｗｏｒｄ (full-width) is password once NFKC-folded.
  const password = raw.normalize('NFKC');
  const errs: FieldError[] = [];
  if ([...password].length < minLength) errs.push({ field: 'password', message: 'password.too_short', params: { min: minLength } });
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|9876543210|abcdefghij)/.test(lower)) {
    errs.push({ field: 'password', message: 'password.too_common' });
  }
  if (username.length >= 3 && lower.includes(username.toLowerCase())) {
    errs.push({ field: 'password', message: 'password.contains_username' });
  }
  return errs;
}
