import type { Role } from '../../platform/access/roles.ts';

export const PAYMENT_MANAGE = 'payment.manage';
export const CONTRIBUTION_CONFIGURE = 'contribution.configure';

/**
 * Proposing and deciding contributions is case work (case.read / case.write, decided per case by
 * case-access.ts). The payment lists of a territory are the clerk's and the service manager's: they show
 * the name, fiscal code, amount, IBAN and funding line of each payment, never diary or assessments.
 * The yearly ceilings are set by the service manager.
 */
export const contributionsPermissions: Record<string, readonly Role[]> = {
  [PAYMENT_MANAGE]: ['clerk', 'service_manager'],
  [CONTRIBUTION_CONFIGURE]: ['service_manager'],
};
