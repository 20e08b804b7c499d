/** What an administration change is about; the web names each one (admin-log i18n `entities`). */
export const adminEntityTypes = [
  'user',
  'user_grant',
  'team',
  'territory_group',
  'area',
  'procedure_type',
  'assessment_dimension',
  'letter_template',
  'case_settings',
  'service',
  'service_arrangement',
  'provider_organisation',
  'office',
  'room',
  'contribution_ceiling',
  'access_log_month',
] as const;
export const adminActions = ['create', 'update', 'delete', 'import', 'disable', 'enable', 'password_reset', 'sessions_revoked', 'grant_add', 'grant_remove', 'archive'] as const;
