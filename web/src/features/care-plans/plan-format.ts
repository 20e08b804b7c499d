import type { PlanStatus } from '../../../../src/features/care-plans/care-plans.codes.ts';

export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  draft: 'secondary',
  proposed: 'info',
  agreed: 'primary',
  active: 'success',
  under_review: 'warning',
  closed: 'dark',
};
