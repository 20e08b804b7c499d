import type { Feature } from '../../platform/http/feature.ts';
import { caseDocumentsRoutes } from './case-documents.routes.ts';

/** Documents attached to a case; permissions are the case's own (case.read / case.write). */
export const caseDocumentsFeature: Feature = { name: 'case-documents', routes: caseDocumentsRoutes };
