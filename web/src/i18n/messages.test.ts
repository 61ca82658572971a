import { describe, expect, it } from 'vitest';
import type { Lang } from '../api/contract/platform';
import type { MessageTree, WebModule } from '../app/module';
import { WEB_MODULES } from '../modules';
import { LANGS, SHELL_MESSAGES, messageResources } from './resources';

/** Every text of a catalogue as `a.b.c` → text. */
function leaves(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const catalogues: [string, Record<Lang, MessageTree>][] = [
  ['shell', SHELL_MESSAGES],
  ...WEB_MODULES.map((m): [string, Record<Lang, MessageTree>] => [m.id, m.messages]),
];

describe('message catalogues', () => {
  it.each(catalogues)('%s: every key exists in all three languages, with a non-empty text and the same {{placeholders}}', (_id, messages) => {
    const byLang = Object.fromEntries(LANGS.map((l) => [l, leaves(messages[l])])) as Record<Lang, Map<string, string>>;
    const all = new Set(LANGS.flatMap((l) => [...byLang[l].keys()]));
    expect(all.size).toBeGreaterThan(0);
    const missing: string[] = [];
    const empty: string[] = [];
    const mismatched: string[] = [];
    for (const key of all) {
      for (const l of LANGS) {
        const text = byLang[l].get(key);
        if (text === undefined) missing.push(`${l}: ${key}`);
        else if (text === '') empty.push(`${l}: ${key}`);
      }
      const zh = byLang['zh-CN'].get(key);
      for (const l of ['zh-TW', 'en'] as const) {
        const other = byLang[l].get(key);
        if (zh !== undefined && other !== undefined && placeholders(zh).join() !== placeholders(other).join()) {
          mismatched.push(`${l}: ${key} has {{${placeholders(other).join(', ')}}}, zh-CN {{${placeholders(zh).join(', ')}}}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(empty).toEqual([]);
    expect(mismatched).toEqual([]);
  });

  it('no module defines a key of the shell or of another module', () => {
    expect(() => messageResources(WEB_MODULES)).not.toThrow();
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, messages] of catalogues) {
      for (const key of leaves(messages['zh-CN']).keys()) {
        const other = owners.get(key);
        if (other) clashes.push(`${key}: ${other} and ${id}`);
        owners.set(key, id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('refuses a module that redefines a key another one owns, naming the key and both owners', () => {
    const texts = { 'zh-CN': { nav: { customers: '客户' } }, 'zh-TW': { nav: { customers: '客戶' } }, en: { nav: { customers: 'Clients' } } };
    const intruder: WebModule = { id: 'intruder', routes: [], messages: texts };
    expect(() => messageResources([...WEB_MODULES, intruder])).toThrow(/nav\.customers of module intruder is already defined by module customers/);
  });

  it('the assembled catalogues hold the shell words and every module words in each language', () => {
    const resources = messageResources(WEB_MODULES);
    for (const lang of LANGS) {
      const all = leaves(resources[lang].translation as MessageTree);
      for (const [, messages] of catalogues) {
        for (const [key, text] of leaves(messages[lang])) expect(all.get(key), `${lang} ${key}`).toBe(text);
      }
    }
  });
});
