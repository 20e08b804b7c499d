import { authRoutes } from '../auth/auth.routes.ts';
import { readabilityRoutes } from '../documents/readability.routes.ts';
import type { Feature } from './feature.ts';
import { healthRoutes } from './health.routes.ts';

/** The platform's own routes: readiness, the session (login, lock, logout), document readability. */
export const platformFeature: Feature = {
  name: 'platform',
  routes: (app, context) => {
    healthRoutes(app, context);
    authRoutes(app, context);
    readabilityRoutes(app);
  },
};
