import type { Feature } from '../../platform/http/feature.ts';
import { caseDiaryRoutes } from './case-diary.routes.ts';

/**
 * The professional diary of a case: dated entries with participants and time spent, corrected by new
 * versions (never edited silently, never deleted). Permissions are the case's own (case.read / case.write);
 * the per-case decision is withCaseContent.
 */
export const caseDiaryFeature: Feature = { name: 'case-diary', routes: caseDiaryRoutes };
