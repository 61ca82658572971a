import type { Resource } from 'i18next';
import type { Lang } from '../api/contract/platform';
import type { MessageTree, WebModule } from '../app/module';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import zhTW from './locales/zh-TW';

export const LANGS: Lang[] = ['zh-CN', 'zh-TW', 'en'];

/** The shell's own words (frame, common buttons, errors, roles, language names). */
export const SHELL_MESSAGES: Record<Lang, MessageTree> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Copies `from` into `into`; a key (leaf) that is already there is an error naming both owners. */
function mergeInto(into: MessageTree, from: MessageTree, owner: string, owners: Map<string, string>, prefix: string) {
  for (const [k, v] of Object.entries(from)) {
    const path = prefix ? `${prefix}.${k}` : k;
    const there = into[k];
    if (typeof v === 'string') {
      if (there !== undefined) {
        throw new Error(`Message key ${path} of ${owner} is already defined by ${owners.get(path) ?? firstOwner(owners, path)}`);
      }
      into[k] = v;
      owners.set(path, owner);
    } else {
      if (typeof there === 'string') throw new Error(`Message key ${path} of ${owner} is already a text of ${owners.get(path)}`);
      const node: MessageTree = there ?? {};
      into[k] = node;
      mergeInto(node, v, owner, owners, path);
    }
  }
}

function firstOwner(owners: Map<string, string>, path: string): string {
  for (const [p, o] of owners) if (p.startsWith(path + '.')) return o;
  return '?';
}

/** One catalogue per language: the shell's words plus every module's. Throws when two owners define one key. */
export function messageResources(modules: readonly WebModule[]): Resource {
  const resources: Resource = {};
  for (const lang of LANGS) {
    const catalogue: MessageTree = {};
    const owners = new Map<string, string>();
    mergeInto(catalogue, SHELL_MESSAGES[lang], 'the shell', owners, '');
    for (const m of modules) mergeInto(catalogue, m.messages[lang], `module ${m.id}`, owners, '');
    resources[lang] = { translation: catalogue };
  }
  return resources;
}
