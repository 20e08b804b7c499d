import type { Role } from '../../platform/access/roles.ts';

export const INTERVENTION_READ = 'intervention.read';
export const INTERVENTION_DELIVER = 'intervention.deliver';

/**
 * `intervention.read`: the case's owner, team and manager see planned vs delivered (the case gate
 * still decides per case). `intervention.deliver`: provider staff see the interventions assigned to
 * their organisation (app_user.provider_id) and record their deliveries, nothing else of the case.
 */
export const interventionsPermissions: Record<string, readonly Role[]> = {
  [INTERVENTION_READ]: ['social_worker', 'service_manager'],
  [INTERVENTION_DELIVER]: ['provider'],
};
