/** The coded values of the contributions feature, shared by its tables, its zod schemas and the web client. */
export const CONTRIBUTION_KINDS = ['one_off', 'monthly'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Budget lines that pay contributions (Fondo sociale comunale, Fondo povertà, Fondo non autosufficienza, Regione, altro). */
export const FUNDING_LINES = ['municipal_social_fund', 'poverty_fund', 'non_self_sufficiency_fund', 'region', 'other'] as const;
export type FundingLine = (typeof FUNDING_LINES)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** proposed → approved | rejected (team meeting); approved → revoked (corrections go to the next list). */
export const CONTRIBUTION_STATUSES = ['proposed', 'approved', 'rejected', 'revoked'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Still standing: waiting for the team or approved. Counts towards the ceilings, is printed with the plan, can be revoked. */
export const STANDING_STATUSES: readonly ContributionStatus[] = ['proposed', 'approved'];
export const isStanding = (status: ContributionStatus): boolean => STANDING_STATUSES.includes(status);

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** open → checked → closed; a checked list may go back to open (a line to fix). A closed list never changes. */
export const PAYMENT_LIST_STATUSES = ['open', 'checked', 'closed'] as const;
export type PaymentListStatus = (typeof PAYMENT_LIST_STATUSES)[number];
export const PAYMENT_LIST_TRANSITIONS: Record<PaymentListStatus, readonly PaymentListStatus[]> = {
  open: ['checked'],
  checked: ['open', 'closed'],
  closed: [],
};

export const PAYMENT_LINE_KINDS = ['payment', 'correction'] as const;
export type PaymentLineKind = (typeof PAYMENT_LINE_KINDS)[number];

/** Italian and English names of the funding lines (exports and PDF). */
export const FUNDING_LINE_NAMES: Record<FundingLine, { it: string; en: string }> = {
  municipal_social_fund: { it: 'Fondo sociale comunale', en: 'Municipal social fund' },
  poverty_fund: { it: 'Fondo povertà', en: 'Poverty fund' },
  non_self_sufficiency_fund: { it: 'Fondo non autosufficienza', en: 'Non-self-sufficiency fund' },
  region: { it: 'Regione', en: 'Region' },
  other: { it: 'Altro', en: 'Other' },
};
