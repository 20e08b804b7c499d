/** The coded values of the households feature, shared by its tables, its zod schemas and the web client. */
export const RELATIONSHIPS = [
  'reference_person',
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'cohabitant',
  'carer',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Why a membership ended. `moved_to_household` is set by the server when a person moves. */
export const END_REASONS = ['moved_out', 'moved_to_household', 'deceased', 'left_care', 'data_correction', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
/** The reasons an operator may choose; a move between households is recorded by the move itself. */
export const CHOSEN_END_REASONS = END_REASONS.filter((reason): reason is Exclude<EndReason, 'moved_to_household'> => reason !== 'moved_to_household');
