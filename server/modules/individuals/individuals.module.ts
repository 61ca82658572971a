import { individualsDemo } from './individuals.demo';
import { defineModule } from '../../platform/modules/manifest';
import { individualCustomers20261123 } from './migrations/20261123_06_individual_customers';
import { individualNameSearch20261210 } from './migrations/20261210_70_individual_name_search';
import { individualRoutes } from './individuals.routes';
import { createIndividualService } from './individuals.service';
import './individuals.tables';

/** Individual customers — the hotel's VIP guests; read and written with the archive's capabilities. */
export const individualsModule = defineModule({
  name: 'individuals',
  dependsOn: ['customers'],
  migrations: (kind) => [individualCustomers20261123(kind), individualNameSearch20261210(kind)],
  resources: {
    individual: {
      table: 'individual_customers',
      id: 'individual_customers.id',
      owner: 'individual_customers.owner_id',
      team: 'individual_customers.team_id',
      department: 'individual_customers.department_id',
    },
  },
  build: (ctx) => ({ individuals: createIndividualService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock }) }),
  routes: (app, s) => individualRoutes(app, s.individuals),
  demo: (s, _ctx, demo) => individualsDemo(s.individuals, demo),
});
