/** The coded values of the case record, shared by its tables, its zod schemas and the web client. */
export const CASE_STATUSES = ['open', 'assessing', 'in_charge', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The status machine enforced on the server: open → assessing → in charge ⇄ suspended, any → closed → open. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['assessing', 'closed'],
  assessing: ['in_charge', 'closed'],
  in_charge: ['suspended', 'closed'],
  suspended: ['in_charge', 'closed'],
  closed: ['open'],
};

export const CASE_PERSON_ROLES = ['beneficiary', 'household_member', 'other'] as const;
export type CasePersonRole = (typeof CASE_PERSON_ROLES)[number];

export const CLOSURE_REASONS = ['goals_achieved', 'moved_away', 'deceased', 'refused', 'referred_elsewhere', 'no_longer_eligible', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Outcome of one plan objective at closure (objectives arrive with the care plan). */
export const OBJECTIVE_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];

/** Which cases a list shows: mine (owner), my team's, the whole territory. */
export const CASE_LIST_SCOPES = ['mine', 'team', 'territory'] as const;
export type CaseListScope = (typeof CASE_LIST_SCOPES)[number];

/** Minutes of access a break-the-glass grant gives. */
export const BREAK_GLASS_MINUTES = 60;
