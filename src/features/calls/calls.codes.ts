/** The coded values of the calls feature, shared by its tables, its zod schemas and the web client. */

/** draft → published → closed (the ranking states arrive with the ranking). */
export const CALL_STATUSES = ['draft', 'published', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Where a published call stands for applicants, on the server's clock: before, between or after its dates. */
export const CALL_PHASES = ['upcoming', 'open', 'closed'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

/** The typed questions of the application form. */
export const QUESTION_TYPES = ['yes_no', 'number', 'date', 'choice', 'household_member', 'document'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How a criterion of the points table turns an answer into points. */
export const CRITERION_KINDS = ['band', 'flag', 'count'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Which question types each criterion kind can read (the publish check refuses any other pairing). */
export const CRITERION_QUESTION_TYPES: Record<CriterionKind, readonly QuestionType[]> = {
  // A number (a count of children, months of unemployment…) falls in one band of points.
  band: ['number'],
  // Points when the answer is yes, the document is attached, or the named option was chosen.
  flag: ['yes_no', 'document', 'choice'],
  // Points for each unit: a number, or each household member named.
  count: ['number', 'household_member'],
};

/** Tie-breakers, applied in the order the call lists them. */
export const TIE_BREAKERS = ['lower_isee', 'earlier_protocol', 'higher_criterion', 'younger_beneficiary', 'older_beneficiary'] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];
