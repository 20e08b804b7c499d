import type { Feature } from '../../platform/http/feature.ts';
import { caseSettingsRoutes } from './case-settings.routes.ts';
import { caseSettingsPermissions } from './permissions.ts';

/** Reference data of case work a service manager configures: procedure types, assessment dimensions, letter templates, settings. */
export const caseSettingsFeature: Feature = {
  name: 'case-settings',
  permissions: caseSettingsPermissions,
  routes: caseSettingsRoutes,
};
