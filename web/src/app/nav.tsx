import type { Capability } from '../api/contract/platform';
import type { MenuEntry, MenuGroup, WebModule } from './module';

/** The shell's menu groups; a module may add its own (`menuGroups`). Entries without a group go to the top. */
export const SHELL_MENU_GROUPS: MenuGroup[] = [
  { key: 'top', order: 0 },
  { key: 'business', labelKey: 'nav.business', order: 20 },
  { key: 'admin', labelKey: 'nav.admin', order: 90 },
];

export interface VisibleMenuGroup {
  key: string;
  labelKey?: string;
  items: MenuEntry[];
}

/**
 * The side menu for one user: every module's entries that the user may open, in their groups. Only pages that
 * exist are listed (an entry comes with its module's routes); empty groups are left out.
 */
export function menuFor(modules: readonly WebModule[], can: (capability: Capability) => boolean): VisibleMenuGroup[] {
  const groups = [...SHELL_MENU_GROUPS, ...modules.flatMap((m) => m.menuGroups ?? [])].sort((a, b) => a.order - b.order);
  const known = new Set(groups.map((g) => g.key));
  const entries = modules.flatMap((m) => m.menu ?? []);
  for (const e of entries) {
    if (e.group && !known.has(e.group)) throw new Error(`Menu entry ${e.path} names an unknown group ${e.group}`);
  }
  const out: VisibleMenuGroup[] = [];
  for (const g of groups) {
    const items = entries
      .filter((e) => (e.group ?? 'top') === g.key && (!e.capability || can(e.capability)))
      .sort((a, b) => a.order - b.order);
    if (items.length) out.push({ key: g.key, labelKey: g.labelKey, items });
  }
  return out;
}

/** The menu key for a location: the longest menu path that prefixes it. */
export function selectedNavKey(modules: readonly WebModule[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const m of modules) {
    for (const { path } of m.menu ?? []) {
      const match = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(path + '/');
      if (match && (!best || path.length > best.length)) best = path;
    }
  }
  return best;
}
