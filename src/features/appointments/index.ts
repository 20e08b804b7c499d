import type { Feature } from '../../platform/http/feature.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import { appointmentsPermissions } from './permissions.ts';
import { roomsRoutes } from './rooms.routes.ts';

export const appointmentsFeature: Feature = {
  name: 'appointments',
  permissions: appointmentsPermissions,
  routes: (app, context) => {
    appointmentsRoutes(app, context);
    roomsRoutes(app, context);
  },
};
