/** How an administrative procedure (L. 241/1990) ends: the final decision closes it. */
export const PROCEDURE_OUTCOMES = ['granted', 'partially_granted', 'rejected', 'withdrawn', 'inadmissible'] as const;
export type ProcedureOutcome = (typeof PROCEDURE_OUTCOMES)[number];

/** Where a procedure stands on a given day. */
export const PROCEDURE_STATES = ['running', 'near', 'overdue', 'suspended', 'decided'] as const;
export type ProcedureState = (typeof PROCEDURE_STATES)[number];
