import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../server/modules';
import { installModules } from '../server/platform/modules/registry';
import { SETTINGS } from '../server/platform/settings/settings.registry';

const ROOT = path.resolve(__dirname, '..');

/**
 * Keys read by building their name at run time, so no source line spells them out. Each entry says where.
 * Keep it tiny: a key that can be spelled out should be.
 */
const READ_DYNAMICALLY = new Set<string>([]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'dist', 'migrations'].includes(e.name) ? [] : sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(test|e2e)\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The text of every server and web source, with each `*.settings.ts` declaration file left out. */
function readingSources(): { file: string; text: string }[] {
  return [...sources(path.join(ROOT, 'server')), ...sources(path.join(ROOT, 'web', 'src'))]
    .filter((f) => !f.endsWith('.settings.ts') && !f.endsWith(path.join('settings', 'settings.registry.ts')))
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

describe('every setting does something (issue 16 §2)', () => {
  it('each declared setting key is read by some server or web code outside its declaration', () => {
    installModules(MODULES);
    const files = readingSources();
    const unread = SETTINGS.map((s) => s.key).filter((key) => !READ_DYNAMICALLY.has(key) && !files.some((f) => f.text.includes(`'${key}'`) || f.text.includes(`"${key}"`) || f.text.includes(`\`${key}\``)));
    expect(unread).toEqual([]);
  });

  it('the allow-list names only declared keys', () => {
    installModules(MODULES);
    const declared = new Set(SETTINGS.map((s) => s.key));
    expect([...READ_DYNAMICALLY].filter((k) => !declared.has(k))).toEqual([]);
  });
});
