import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../server/modules';
import { installModules } from '../server/platform/modules/registry';
import { SETTING_GROUPS, SETTINGS_BY_KEY } from '../server/platform/settings/settings.registry';

// The settings registry is filled from the module manifests, as at start-up.
installModules(MODULES);

/**
 * The product stands on its own: its code and documents cite its own compliance map (docs/regulations.md),
 * never material outside the repository, and the map's sections, settings, modules and tests exist.
 */
const root = path.resolve(import.meta.dirname, '..');
const MAP = 'docs/regulations.md';

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--', 'server', 'web/src', 'e2e', 'test', 'bench', 'scripts', 'docs', 'README.md'], { cwd: root, encoding: 'utf8' });
  // The upgrade fixture is data written by an earlier version of the product and is kept as it was made.
  return out
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(root, f)) && !/\.(png|jpe?g|gif|ico|xlsx|pdf|zip|db|sqlite|woff2?)$/i.test(f) && !f.startsWith('test/fixtures/upgrade/'));
}

const files = trackedFiles().map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
const map = fs.readFileSync(path.join(root, MAP), 'utf8');

/** Every `file:line` where a line matches. */
function where(pattern: RegExp, only = files): string[] {
  const hits: string[] = [];
  for (const { file, text } of only) {
    text.split('\n').forEach((line, i) => {
      pattern.lastIndex = 0;
      if (pattern.test(line)) hits.push(`${file}:${i + 1}`);
    });
  }
  return hits;
}

describe('the product stands on its own', () => {
  it('has no tracked source or document that points at the shared folder or the rulebook outside the repository', () => {
    expect(files.length).toBeGreaterThan(100);
    // Spelled in pieces so that this file does not match itself.
    const outside = new RegExp(['\\.\\./' + 'shared', 'domain' + '\\.md'].join('|'));
    expect(where(outside)).toEqual([]);
  });

  it('cites only sections that docs/regulations.md has', () => {
    const sections = new Set([...map.matchAll(/^## §(\d+) /gm)].map((m) => m[1]));
    expect(sections.size).toBeGreaterThanOrEqual(20);
    const cited = files.filter((f) => f.file !== MAP).flatMap(({ file, text }) => [...text.matchAll(/docs\/regulations\.md §(\d+)/g)].map((m) => ({ file, section: m[1] })));
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter((c) => !sections.has(c.section))).toEqual([]);
  });

  it('names in docs/regulations.md only test files and tests that exist', () => {
    const refs = [...map.matchAll(/`([\w./-]+\.(?:test|e2e)\.ts)`(?: › “([^”]+)”)?/g)].map((m) => ({ file: m[1], test: m[2] ?? null }));
    expect(refs.length).toBeGreaterThan(30);
    const missing = refs.filter(({ file, test }) => {
      const p = path.join(root, file);
      return !fs.existsSync(p) || (test !== null && !fs.readFileSync(p, 'utf8').includes(test));
    });
    expect(missing).toEqual([]);
  });

  it('names in docs/regulations.md only settings and server folders that exist', () => {
    const groups = SETTING_GROUPS.map((g) => g.key).join('|');
    const keys = [...map.matchAll(new RegExp('`((?:' + groups + ')\\.[\\w.]+)`', 'g'))].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !SETTINGS_BY_KEY.has(k))).toEqual([]);
    const folders = [...map.matchAll(/`(server\/[\w./-]+)`/g)].map((m) => m[1]);
    expect(folders.filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
  });
});
