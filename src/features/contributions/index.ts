import type { Feature } from '../../platform/http/feature.ts';
import { addPlanPdfSection } from '../care-plans/plan-pdf-sections.ts';
import { contributionsRoutes } from './contributions.routes.ts';
import { contributionsPermissions } from './permissions.ts';
import { contributionsInPlanPdf } from './plan-pdf-contributions.ts';

/** Economic contributions of the personalised project: proposals, team decisions, yearly ceilings, monthly payment lists. */
export const contributionsFeature: Feature = {
  name: 'contributions',
  permissions: contributionsPermissions,
  routes: (app, context) => {
    // Mounted, the feature prints its part of the plan's PDF (registering twice is harmless).
    addPlanPdfSection(contributionsInPlanPdf);
    contributionsRoutes(app, context);
  },
};
