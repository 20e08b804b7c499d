/** Constants of the assessment feature that the web imports too. */

export const ASSESSMENT_STATUSES = ['draft', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Intensity of taking charge, from the lightest to the heaviest. */
export const INTENSITIES = ['low', 'medium', 'high', 'very_high'] as const;
export type Intensity = (typeof INTENSITIES)[number];

/** The free-text headings of the preliminary analysis (analisi preliminare). */
export const PRELIMINARY_HEADINGS = ['request', 'needs', 'resources', 'notes'] as const;
export type PreliminaryHeading = (typeof PRELIMINARY_HEADINGS)[number];

/**
 * The single-valued coded attributes of the SIUSS SINA element (flow PS_PSA_SINA, XSD SINAType), in the
 * XSD order; `required` are those the XSD requires when the SINA block is sent.
 */
export const SINA_CODED_FIELDS = [
  { field: 'Mobilita', required: true },
  { field: 'AttivitaVitaQuotidiana', required: true },
  { field: 'DisturbiAreaCognitiva', required: false },
  { field: 'DisturbiComportamentali', required: true },
  { field: 'NecessitaCureSanitarie', required: false },
  { field: 'AreaReddituale', required: true },
  { field: 'AreaSupporto', required: true },
  { field: 'FonteDerivazioneValutazione', required: true },
  { field: 'StrumentoValutazione', required: true },
  { field: 'FonteDerivazioneInvalidita', required: false },
] as const;
export type SinaCodedField = (typeof SINA_CODED_FIELDS)[number]['field'];
/** InvCiv (certifications of civil invalidity / L. 104) may repeat in the XSD: a list of codes. */
export const SINA_LIST_FIELD = 'InvCiv';
export type SinaField = SinaCodedField | typeof SINA_LIST_FIELD;
export const SINA_FIELD_NAMES: readonly SinaField[] = [...SINA_CODED_FIELDS.map((f) => f.field), SINA_LIST_FIELD];

export const TEXT_MAX = 8000;
