import type { Feature } from '../../platform/http/feature.ts';
import { accessesRoutes } from './accesses.routes.ts';
import { intakeRoutes } from './intake.routes.ts';
import { accessesPermissions } from './permissions.ts';

export const accessesFeature: Feature = {
  name: 'accesses',
  permissions: accessesPermissions,
  routes: (app, context) => {
    accessesRoutes(app, context);
    intakeRoutes(app, context);
  },
};
