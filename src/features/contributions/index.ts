import type { Feature } from '../../platform/http/feature.ts';
import { contributionsRoutes } from './contributions.routes.ts';
import { contributionsPermissions } from './permissions.ts';

/** Economic contributions of the personalised project: proposals, team decisions, yearly ceilings, monthly payment lists. */
export const contributionsFeature: Feature = { name: 'contributions', permissions: contributionsPermissions, routes: contributionsRoutes };
