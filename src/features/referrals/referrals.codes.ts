/** The specialist services a case can be referred to; `other` needs the service's name. */
export const REFERRAL_SERVICES = ['minors_protection', 'disability_uvm', 'elderly_uvg', 'ausl_csm', 'ausl_serdp', 'ausl_consultorio', 'employment_centre', 'other'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_URGENCIES = ['ordinary', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_STATUSES = ['draft', 'sent', 'acknowledged', 'answered', 'refused', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** draft → sent → acknowledged → answered / refused; withdrawn from any open state. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['acknowledged', 'answered', 'refused', 'withdrawn'],
  acknowledged: ['answered', 'refused', 'withdrawn'],
  answered: [],
  refused: [],
  withdrawn: [],
};

export const REFERRAL_OUTCOMES = ['taken_in_charge', 'assessment_planned', 'advice_given', 'not_competent', 'other'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const PETITION_STATUSES = ['draft', 'filed', 'hearing_scheduled', 'decided', 'withdrawn'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** draft → filed (date, docket) → hearing scheduled (date) → decided (date, outcome); withdrawn while open. */
export const PETITION_TRANSITIONS: Record<PetitionStatus, readonly PetitionStatus[]> = {
  draft: ['filed', 'withdrawn'],
  filed: ['hearing_scheduled', 'decided', 'withdrawn'],
  hearing_scheduled: ['decided', 'withdrawn'],
  decided: [],
  withdrawn: [],
};

export const PETITION_OUTCOMES = ['appointed', 'rejected'] as const;
export type PetitionOutcome = (typeof PETITION_OUTCOMES)[number];

/** The court pre-filled on a new petition (the demo Union lies in its district). */
export const DEFAULT_COURT = 'Tribunale di Bologna';
