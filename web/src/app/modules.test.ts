import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Capability } from '../api/contract/platform';
import { messageResources } from '../i18n/resources';
import { WEB_MODULES } from '../modules';
import { customerPageItems, moduleRoutes, type WebModule } from './module';
import { menuFor, selectedNavKey } from './nav';

const ScratchPage = () => null;

/** A module as a new domain would add it: its own routes, one menu entry behind a capability, its words. */
const scratchModule: WebModule = {
  id: 'scratch',
  routes: [
    { path: '/scratch', page: ScratchPage, capability: 'audit.read' },
    { path: '/scratch/:id/print', page: ScratchPage, capability: 'audit.read', frame: 'bare' },
  ],
  menu: [{ path: '/scratch', labelKey: 'scratch.nav', icon: null, capability: 'audit.read', group: 'business', order: 25 }],
  customerTabs: [{ key: 'scratch', labelKey: 'scratch.nav', capability: 'audit.read', order: 115, component: ScratchPage }],
  customerValue: [{ key: 'scratch', labelKey: 'scratch.nav', capability: 'audit.read', order: 1, component: ScratchPage }],
  messages: {
    'zh-CN': { scratch: { nav: '试验台', hello: '你好，{{name}}' } },
    'zh-TW': { scratch: { nav: '試驗臺', hello: '你好，{{name}}' } },
    en: { scratch: { nav: 'Test bench', hello: 'Hello, {{name}}' } },
  },
};
const withScratch = [...WEB_MODULES, scratchModule];

const holder = (...caps: Capability[]) => (c: Capability) => caps.includes(c);
const labels = (groups: ReturnType<typeof menuFor>) => groups.map((g) => [g.labelKey ?? '', g.items.map((i) => i.labelKey)]);

describe('web modules', () => {
  it('a module added to the list shows its menu entry, in its group and place, to a holder of its capability only', () => {
    const business = (can: (c: Capability) => boolean) => menuFor(withScratch, can).find((g) => g.key === 'business')?.items.map((i) => i.labelKey);
    expect(business(holder('audit.read', 'contracts.read', 'maintenance.read', 'complaints.read'))).toEqual([
      'nav.contracts',
      'maintenance.nav',
      'scratch.nav',
      'complaints.nav',
    ]);
    expect(business(holder('contracts.read', 'maintenance.read', 'complaints.read'))).toEqual(['nav.contracts', 'maintenance.nav', 'complaints.nav']);
    // Alone in its group, the group appears with it and disappears without it.
    expect(menuFor(withScratch, holder('audit.read')).some((g) => g.labelKey === 'nav.business')).toBe(true);
    expect(menuFor(withScratch, holder()).some((g) => g.labelKey === 'nav.business')).toBe(false);
    expect(selectedNavKey(withScratch, '/scratch/7')).toBe('/scratch');
  });

  it("a module added to the list adds its tab and value section to the customer's page, in its place, for holders of its capability", () => {
    const tabs = (can: (c: Capability) => boolean) => customerPageItems(withScratch, 'customerTabs', can).map((i) => i.key);
    expect(tabs(holder('audit.read', 'contracts.read', 'transactions.read', 'maintenance.read'))).toEqual(['contracts', 'bookings', 'transactions', 'scratch', 'maintenance']);
    expect(tabs(holder('contracts.read', 'transactions.read', 'maintenance.read'))).toEqual(['contracts', 'bookings', 'transactions', 'maintenance']);
    // Each module's own tab (issue 16): complaints, surveys answered, projects, proposals — only with its capability.
    expect(tabs(holder('complaints.read', 'surveys.read', 'projects.read', 'proposals.read'))).toEqual(['complaints', 'surveys', 'projects', 'proposals']);
    expect(tabs(holder('surveys.read'))).toEqual(['surveys']);
    const value = (can: (c: Capability) => boolean) => customerPageItems(withScratch, 'customerValue', can).map((i) => i.key);
    expect(value(holder('audit.read', 'transactions.read', 'credit.read'))[0]).toBe('scratch');
    expect(value(holder('transactions.read', 'credit.read'))).toEqual(['class', 'credit']);
    // Every key is unique within its kind: a tab's key is its address (?tab=…).
    for (const kind of ['customerTabs', 'customerValue'] as const) {
      const keys = customerPageItems(WEB_MODULES, kind, () => true).map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('a module added to the list gets its routes in the frame it asks for', () => {
    expect(moduleRoutes(withScratch, 'app').map((r) => r.path)).toContain('/scratch');
    expect(moduleRoutes(withScratch, 'bare').map((r) => r.path)).toContain('/scratch/:id/print');
    expect(moduleRoutes(WEB_MODULES, 'app').map((r) => r.path)).not.toContain('/scratch');
  });

  it("a module added to the list has its words in all three languages, next to the shell's", async () => {
    for (const [lang, nav, hello, menu] of [
      ['zh-CN', '试验台', '你好，张伟', '主导航'],
      ['zh-TW', '試驗臺', '你好，张伟', '主導覽'],
      ['en', 'Test bench', 'Hello, 张伟', 'Main navigation'],
    ] as const) {
      const i18n = createInstance();
      await i18n.init({ resources: messageResources(withScratch), lng: lang, initAsync: false, interpolation: { escapeValue: false } });
      expect(i18n.t('scratch.nav')).toBe(nav);
      expect(i18n.t('scratch.hello', { name: '张伟' })).toBe(hello);
      expect(i18n.t('nav.main')).toBe(menu);
    }
  });

  it('a signed-in user without capabilities sees only the pages open to everyone', () => {
    expect(labels(menuFor(WEB_MODULES, holder()))).toEqual([
      ['', ['nav.home', 'approvals.title']],
      ['nav.admin', ['nav.calendar']],
    ]);
  });

  it('lists 任务 only for a holder of tasks.use (finance holds no task capability)', () => {
    expect(labels(menuFor(WEB_MODULES, holder('tasks.use')))[0]).toEqual(['', ['nav.home', 'approvals.title', 'workflow.nav.tasks']]);
  });

  it('the whole menu, for a holder of every capability, keeps its order and groups', () => {
    expect(labels(menuFor(WEB_MODULES, () => true))).toEqual([
      ['', ['nav.home', 'approvals.title', 'workflow.nav.tasks', 'nav.customers', 'nav.individuals']],
      ['nav.business', ['nav.contracts', 'transactions.nav', 'grading.nav', 'maintenance.nav', 'evaluations.nav', 'projects.nav', 'complaints.nav', 'callcentre.nav', 'callcentre.qaNav', 'surveys.nav', 'credit.nav', 'credit.receivable.nav', 'membership.nav', 'loyalty.nav', 'care.nav', 'proposals.nav', 'archives.nav']],
      ['visits.navGroup', ['visits.navPlans', 'visits.nav', 'cadence.nav', 'visits.navReports', 'visits.navTerritories', 'visits.navRoute', 'pool.nav']],
      ['development.nav.group', ['development.nav.prospects', 'development.nav.research', 'development.nav.plans', 'development.nav.records', 'development.nav.progress']],
      ['reception.nav.group', ['reception.nav.visits', 'reception.nav.records', 'reception.nav.tours', 'reception.nav.banquets']],
      ['analysis.navGroup', ['dashboards.nav', 'analysis.nav', 'kpi.nav', 'kpi.meetings.nav', 'kpi.reports.nav']],
      ['nav.admin', ['nav.users', 'nav.org', 'approvals.adminTitle', 'evaluations.templates.nav', 'nav.settings', 'workflow.nav.outbox', 'nav.audit', 'nav.calendar']],
    ]);
  });

  it('every menu entry opens a page of its module that asks for the same capability (no link to a 403)', () => {
    for (const m of WEB_MODULES) {
      for (const e of m.menu ?? []) {
        const route = m.routes.find((r) => r.path === e.path);
        expect(route, `${m.id} ${e.path}`).toBeDefined();
        expect(route?.capability, `${m.id} ${e.path}`).toBe(e.capability);
      }
    }
  });

  it('refuses two modules that claim the same path', () => {
    const copy: WebModule = { ...scratchModule, id: 'copy', menu: [] };
    expect(() => moduleRoutes([...withScratch, copy], 'app')).toThrow(/\/scratch of module copy is already declared by module scratch/);
    expect(new Set(WEB_MODULES.map((m) => m.id)).size).toBe(WEB_MODULES.length);
  });
});
