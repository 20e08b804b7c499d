/** The coded values of the care-plans feature, shared by its tables, its zod schemas and the web client. */
export const PLAN_STATUSES = ['draft', 'proposed', 'agreed', 'active', 'under_review', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * The lifecycle of one plan version. A proposed plan may go back to draft (the person asked for changes);
 * a plan under review goes back to active when the review confirms it, or is closed. Anything else is
 * refused by the server. Changing an agreed plan means a new version (a draft copy), never an edit.
 */
export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'agreed'],
  agreed: ['active', 'closed'],
  active: ['under_review', 'closed'],
  under_review: ['active', 'closed'],
  closed: [],
};

/** Statuses of a version that can no longer change: everything past the proposal. */
export const AGREED_STATUSES: readonly PlanStatus[] = ['agreed', 'active', 'under_review', 'closed'];

export const SIGNATURE_METHODS = ['paper_scan', 'in_person', 'online'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const SUPPORT_FREQUENCIES = ['weekly', 'monthly', 'one_off'] as const;
export type SupportFrequency = (typeof SUPPORT_FREQUENCIES)[number];

/** Who pays for a support: Comune, Unione, Ausl/FRNA, Regione, Fondo nazionale povertà, other. */
export const FUNDING_BODIES = ['municipality', 'union', 'ausl_frna', 'region', 'national_poverty_fund', 'other'] as const;
export type FundingBody = (typeof FUNDING_BODIES)[number];

export const COMMITMENT_WHO_KINDS = ['person', 'household_member', 'household'] as const;
export type CommitmentWhoKind = (typeof COMMITMENT_WHO_KINDS)[number];

export const TASK_WHO_KINDS = ['team_member', 'provider', 'other_body', 'volunteer'] as const;
export type TaskWhoKind = (typeof TASK_WHO_KINDS)[number];

/** The sections of a plan, in the order they are shown, printed and compared. */
export const PLAN_SECTIONS = ['general', 'objectives', 'results', 'supports', 'commitments', 'tasks', 'reviews'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
