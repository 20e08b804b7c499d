import type { Feature } from '../../platform/http/feature.ts';
import { worklistRoutes } from './worklist.routes.ts';

/** The worklist and its in-app notifications: uses the case permissions, adds none. */
export const worklistFeature: Feature = { name: 'worklist', routes: worklistRoutes };
