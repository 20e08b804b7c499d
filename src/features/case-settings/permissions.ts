import type { Role } from '../../platform/access/roles.ts';

export const CASE_SETTINGS_READ = 'case.settings.read';
export const CASE_CONFIGURE = 'case.configure';

/**
 * The reference data of case work holds no personal data: social workers read it (procedure types,
 * assessment dimensions, letter templates) and the service manager configures it.
 */
export const caseSettingsPermissions: Record<string, readonly Role[]> = {
  [CASE_SETTINGS_READ]: ['social_worker', 'service_manager'],
  [CASE_CONFIGURE]: ['service_manager'],
};
