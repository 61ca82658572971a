import { defineModule } from '../../platform/modules/manifest';
import { orgRoutes } from './org.routes';
import { createOrgService } from './org.service';
import { userDirectory20261207 } from './migrations/20261207_95_user_directory';
import './org.tables';

/** Departments, teams and users (the directory); its capabilities are the platform's own. */
export const orgModule = defineModule({
  name: 'org',
  migrations: (kind) => [userDirectory20261207(kind)],
  build: (ctx) => ({ org: createOrgService({ db: ctx.db, audit: ctx.audit, settings: ctx.settings, clock: ctx.clock }) }),
  routes: (app, s) => orgRoutes(app, s.org),
});
