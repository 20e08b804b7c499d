import type { Feature } from '../../platform/http/feature.ts';
import { proceduresRoutes } from './procedures.routes.ts';

/** Administrative procedures on a case (L. 241/1990): uses the case permissions, adds none. */
export const proceduresFeature: Feature = { name: 'procedures', routes: proceduresRoutes };
