import type { ComponentType, ReactNode } from 'react';
import type { Capability, Lang } from '../api/contract/platform';

/**
 * A web module: everything one domain adds to the app — its pages, its menu entries and its words in the three
 * languages. Each `web/src/modules/<domain>/index.ts(x)` exports one; `web/src/modules/index.ts` lists them in
 * order. The shell (App.tsx, nav.tsx, i18n/) builds routes, menu and i18next resources from that list only.
 */
export interface WebModule {
  /** Unique; names the module in error messages. */
  id: string;
  routes: ModuleRoute[];
  menu?: MenuEntry[];
  /** Menu groups this module brings (the shell's own are in nav.tsx). */
  menuGroups?: MenuGroup[];
  /** Keys are the same nested paths pages pass to t(); a key may be defined by one module (or the shell) only. */
  messages: Record<Lang, MessageTree>;
  /** Tabs this module adds to the customer's page (its contracts, transactions, credit …). */
  customerTabs?: CustomerPageItem[];
  /** Sections this module adds to the customer's value panel 客户价值 (class, grade, evaluation, credit, tier …). */
  customerValue?: CustomerPageItem[];
}

/** A tab or value-panel section on the customer's page, contributed by the module that owns the data. */
export interface CustomerPageItem {
  /** Unique per kind; a tab's key is its `?tab=` value in the address. */
  key: string;
  /** i18n key of the tab's label or the section's title. */
  labelKey: string;
  /** Shown only to holders of this capability. */
  capability?: Capability;
  /** Position, smaller first (the customer module's own tabs: basic 0, contacts 10, attachments 20, history 1000). */
  order: number;
  component: ComponentType<{ customerId: number }>;
}

/** The customer-page items of every module for one user, in order. */
export function customerPageItems(
  modules: readonly WebModule[],
  kind: 'customerTabs' | 'customerValue',
  can: (capability: Capability) => boolean,
): CustomerPageItem[] {
  return modules
    .flatMap((m) => m[kind] ?? [])
    .filter((item) => !item.capability || can(item.capability))
    .sort((a, b) => a.order - b.order);
}

export type RouteFrame = 'app' | 'bare' | 'public';

export interface ModuleRoute {
  /** From the root: '/customers/:id'. '/' is the home page. */
  path: string;
  /** Usually `lazy(() => import('./XPage'))`: a page loads when first opened. */
  page: ComponentType;
  /** Holders of this capability only (others see 403); omit for every signed-in user. */
  capability?: Capability;
  /**
   * 'app' (default): signed in, inside the frame with the menu. 'bare': signed in, no frame (A4 print views).
   * 'public': no sign-in (sign-in page, customers' own links).
   */
  frame?: RouteFrame;
}

export interface MenuEntry {
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon: ReactNode;
  /** Shown only to holders of this capability; omit for every signed-in user. */
  capability?: Capability;
  /** Key of a menu group (nav.tsx or a module's menuGroups); omit for the top of the menu. */
  group?: string;
  /** Position inside its group, smaller first. */
  order: number;
}

export interface MenuGroup {
  key: string;
  /** i18n key of the group title; none for the top of the menu. */
  labelKey?: string;
  order: number;
}

export type MessageTree = { [key: string]: string | MessageTree };

/** The type every other language of a catalogue must match: the zh-CN object's keys with string leaves. */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };

/** The routes of one frame, in module order; throws when two modules claim the same path. */
export function moduleRoutes(modules: readonly WebModule[], frame: RouteFrame): ModuleRoute[] {
  const owner = new Map<string, string>();
  const out: ModuleRoute[] = [];
  for (const m of modules) {
    for (const r of m.routes) {
      const taken = owner.get(r.path);
      if (taken) throw new Error(`Route ${r.path} of module ${m.id} is already declared by module ${taken}`);
      owner.set(r.path, m.id);
      if ((r.frame ?? 'app') === frame) out.push(r);
    }
  }
  return out;
}
