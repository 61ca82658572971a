import { registerMessages } from '../http/i18n';
import { registerAuditTypes } from '../audit/audit.labels';
import { registerReferenceLists } from '../reference/reference.service';
import { isCapability, registerCapabilities } from '../permissions/roles';
import { RESOURCES, registerResources } from '../permissions/scope';
import type { RoutePolicy } from '../permissions/policy';
import { registerSettings } from '../settings/settings.registry';
import type { PlatformServices } from '../services';
import type { BuildContext, ExtensionPoint, ExtensionPoints, ModuleManifest } from './manifest';

/**
 * Fills the platform's registries (capabilities, record types, settings, messages) from the manifests,
 * in list order. Safe to call again with the same manifests (several apps in one process).
 */
export function installModules(modules: readonly ModuleManifest<any>[]): void {
  const seen = new Set<string>();
  for (const m of modules) {
    if (seen.has(m.name)) throw new Error(`Module ${m.name} is listed twice`);
    for (const dep of m.dependsOn ?? []) {
      if (!seen.has(dep)) throw new Error(`Module ${m.name} depends on ${dep}, which must come earlier in the module list`);
    }
    seen.add(m.name);
    registerCapabilities(m.name, m.capabilities ?? {});
    registerResources(m.name, m.resources ?? {});
    registerSettings(m.name, m.settingGroups ?? [], m.settings ?? [], m.settingsCheck);
    registerMessages(m.name, m.messages ?? {});
    registerAuditTypes(m.name, m.auditTypes ?? {});
    registerReferenceLists(m.referenceLists ?? {});
  }
}

export interface BuiltModules {
  /** Every module's services, flattened by name (e.g. services.customers, services.merge). */
  services: Record<string, unknown>;
  /** Per module: what its build returned, for its routes and jobs. */
  byModule: Map<string, { manifest: ModuleManifest<any>; services: object; ctx: BuildContext }>;
}

/** Builds each module's services in list order, then hands every extension point its items. */
export function buildModules(modules: readonly ModuleManifest<any>[], platform: PlatformServices): BuiltModules {
  installModules(modules);
  const services: Record<string, unknown> = { ...platform };
  const byModule: BuiltModules['byModule'] = new Map();
  for (const m of modules) {
    const allowed = new Set(m.dependsOn ?? []);
    const ctx: BuildContext = {
      ...platform,
      use<T>(name: string): T {
        if (!allowed.has(name)) throw new Error(`Module ${m.name} uses ${name} without declaring it in dependsOn`);
        const dep = byModule.get(name);
        if (!dep) throw new Error(`Module ${m.name} uses ${name}, which is not built`);
        return dep.services as T;
      },
    };
    const own = m.build?.(ctx) ?? {};
    for (const [key, value] of Object.entries(own)) {
      if (key in services) throw new Error(`Service ${key} of module ${m.name} clashes with another service of that name`);
      services[key] = value;
    }
    byModule.set(m.name, { manifest: m, services: own, ctx });
  }
  // Extension points (approval types, to-do providers, merge movers …): owners receive every module's items.
  const built: BuiltModules = { services, byModule };
  const owned = new Set<ExtensionPoint>();
  for (const { manifest, services: own } of byModule.values()) {
    for (const point of Object.keys(manifest.collects ?? {}) as ExtensionPoint[]) {
      const collect = manifest.collects?.[point] as ((s: object, items: unknown[]) => void) | undefined;
      if (!collect) continue;
      if (owned.has(point)) throw new Error(`Extension point ${point} is collected by two modules`);
      owned.add(point);
      collect(own, contributions(built, point));
    }
  }
  for (const { manifest } of byModule.values()) {
    for (const [point, contribute] of Object.entries(manifest.contributes ?? {}) as [string, unknown][]) {
      if (contribute && !owned.has(point as ExtensionPoint)) throw new Error(`Items were contributed to ${point}, but no listed module collects them`);
    }
  }
  return built;
}

/** Start-up check: a route may only name capabilities and record types some manifest declared. */
export function checkRoutePolicies(routes: readonly { method: string; url: string; policy: RoutePolicy | undefined }[]): void {
  for (const r of routes) {
    const p = r.policy;
    if (!p || 'public' in p) continue;
    // A data scope alone is no permission: finance sees every record of a type, and must still hold the capability.
    if (!p.capability && !p.self) throw new Error(`${r.method} ${r.url} names no capability (or declares self)`);
    if (p.capability && !isCapability(p.capability)) throw new Error(`${r.method} ${r.url} names an undeclared capability ${p.capability}`);
    if (p.resource && !RESOURCES[p.resource.type]) throw new Error(`${r.method} ${r.url} names an undeclared record type ${p.resource.type}`);
  }
}

/** Every module's items for one extension point, as the owner received them (for checks and tests). */
export function contributions<K extends ExtensionPoint>(built: BuiltModules, point: K): ExtensionPoints[K][] {
  const out: ExtensionPoints[K][] = [];
  for (const { manifest, services } of built.byModule.values()) {
    const contribute = manifest.contributes?.[point] as ((s: object) => ExtensionPoints[K][]) | undefined;
    if (contribute) out.push(...contribute(services));
  }
  return out;
}
