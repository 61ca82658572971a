import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { DialectKind } from '../../db/database';
import type { NamedMigration } from '../../db/migrations/helpers';
import type { Catalogue, Lang } from '../http/i18n';
import type { Role } from '../permissions/roles';
import type { ScopedResource } from '../permissions/scope';
import type { SettingDefinition, SettingGroupDefinition, SettingValues } from '../settings/settings.registry';
import type { FieldError } from '../http/errors';
import type { PlatformServices } from '../services';
import type { DemoContext } from './demo';
import type { AuditRecordType } from '../audit/audit.labels';

/**
 * Extension points one module offers and others fill: the module that owns a point declares its item
 * type by augmenting this interface (e.g. approvals: `approvalTypes`), so the platform names none of them.
 */
export interface ExtensionPoints {}
export type ExtensionPoint = keyof ExtensionPoints;

/** What a module's `build` receives: the platform's services and the services of the modules it depends on. */
export interface BuildContext extends PlatformServices {
  /** The services an earlier module built; only modules named in `dependsOn` may be asked for. */
  use<T>(module: string): T;
}

export interface JobContext extends BuildContext {
  log: FastifyBaseLogger;
}

/**
 * Everything the platform needs from one business module (docs/architecture.md, "Module manifest").
 * `S` is what `build` returns: the module's services, keyed by name (they become `services.<name>`).
 */
export interface ModuleManifest<S extends object = object> {
  /** The folder name under server/modules/. */
  name: string;
  /** Modules whose services `build` uses; they must come earlier in server/modules/index.ts. */
  dependsOn?: readonly string[];
  /** Its migrations; all modules' migrations run in one global order by name. */
  migrations?(kind: DialectKind): NamedMigration[];
  /** Record types with an owner / team / department, for the data scope. */
  resources?: Record<string, ScopedResource>;
  /** Capabilities it defines and the roles that hold each by default (the administrator holds all). */
  capabilities?: Record<string, readonly Role[]>;
  /** Settings groups and the blanks of its regulations. */
  settingGroups?: readonly SettingGroupDefinition[];
  settings?: readonly SettingDefinition[];
  /** Rules across several settings: field errors for an inconsistent set (empty when consistent). */
  settingsCheck?(values: SettingValues): FieldError[];
  /** Server messages in zh-CN / zh-TW / en. */
  messages?: Catalogue;
  /** Its audited record types: their names, field labels and how values are shown in the audit log. */
  auditTypes?: Record<string, AuditRecordType>;
  /** Reference lists it ships whose values carry zh-TW / en labels (rows in reference_labels), with the list's name. */
  referenceLists?: Record<string, Record<Lang, string>>;
  /** Builds its services from the platform's and its dependencies'. */
  build?(ctx: BuildContext): S;
  /** Registers its routes. */
  routes?(app: FastifyInstance, services: S, ctx: BuildContext): Promise<void>;
  /** Starts its scheduled jobs in a server process; returns the stop function. */
  jobs?(services: S, ctx: JobContext): () => void;
  /** Items it adds to other modules' extension points (approval types, to-do providers, merge movers …). */
  contributes?: { [K in ExtensionPoint]?: (services: S) => ExtensionPoints[K][] };
  /** The extension points it owns: receives every module's items once all modules are built. */
  collects?: { [K in ExtensionPoint]?: (services: S, items: ExtensionPoints[K][]) => void };
  /**
   * `npm run demo`: creates the module's sample data through its own services (kept in `<domain>.demo.ts`).
   * Runs in list order after the organisation and the archive's customers exist, so a hook may use
   * what earlier modules' hooks created (through their services).
   */
  demo?(services: S, ctx: BuildContext, demo: DemoContext): Promise<void>;
  /**
   * Its demo changes who holds the demo customers (the pool takes some from their owners), so it runs
   * after every other module's demo: the others pick a customer by the owner the demo context names.
   */
  demoLast?: boolean;
}

/** Keeps the literal type of a manifest (its services) while checking its shape. */
export function defineModule<S extends object>(manifest: ModuleManifest<S>): ModuleManifest<S> {
  return manifest;
}
