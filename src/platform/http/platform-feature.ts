import { authRoutes } from '../auth/auth.routes.ts';
import type { Feature } from './feature.ts';
import { healthRoutes } from './health.routes.ts';

/** The platform's own routes: readiness and the session (login, lock, logout). */
export const platformFeature: Feature = {
  name: 'platform',
  routes: (app, context) => {
    healthRoutes(app, context);
    authRoutes(app, context);
  },
};
