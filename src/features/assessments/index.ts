import type { Feature } from '../../platform/http/feature.ts';
import { assessmentsRoutes } from './assessments.routes.ts';

/** Multidimensional assessment (preliminary analysis, in-depth dimensions, SINA block) and UVM meetings of a case. */
export const assessmentsFeature: Feature = { name: 'assessments', permissions: {}, routes: assessmentsRoutes };
