import type { Feature } from '../../platform/http/feature.ts';
import { caseLettersRoutes } from './case-letters.routes.ts';

/** Letters to the persons of a case, from templates; permissions are the case's own (case.read / case.write). */
export const caseLettersFeature: Feature = { name: 'case-letters', routes: caseLettersRoutes };
