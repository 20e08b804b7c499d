import type { Answers, Criterion } from './scoring.schemas.ts';

/**
 * Points of one answer for one criterion, in integer hundredths. Kept apart from the ranking so the
 * web can show an applicant "what your answers are worth" with the same rule.
 */

const MAX_UNITS = 1_000_000;

/** The band a value falls in: bands are half-open [from, to), sorted (checked by the schema). */
export function bandOf<B extends { from: number | null; to: number | null }>(bands: readonly B[], value: number): B | undefined {
  // Linear: calls have a handful of bands, and a binary search would not pay for itself.
  for (const band of bands) {
    if ((band.from === null || value >= band.from) && (band.to === null || value < band.to)) return band;
  }
  return undefined;
}

export function criterionPoints(criterion: Criterion, answers: Answers): number {
  const value = answers[criterion.answer];
  switch (criterion.kind) {
    case 'band': {
      if (typeof value !== 'number') return criterion.missingHundredths;
      return bandOf(criterion.bands, value)?.pointsHundredths ?? 0;
    }
    case 'flag':
      return value === true ? criterion.pointsHundredths : 0;
    case 'count': {
      // Whole units only: "2,5 figli" is a data-entry error, not half a sibling's points.
      // Capped so a typing slip cannot push a total past exact integers.
      const units = typeof value === 'number' && value > 0 ? Math.min(Math.floor(value), MAX_UNITS) : 0;
      const points = units * criterion.pointsPerUnitHundredths;
      if (criterion.capHundredths === null) return points;
      return Math.max(-criterion.capHundredths, Math.min(criterion.capHundredths, points));
    }
  }
}

/** Writes each criterion's points into `into` (aligned with `criteria`) and returns the total. */
export function scoreAnswers(criteria: readonly Criterion[], answers: Answers, into: number[]): number {
  let total = 0;
  for (let i = 0; i < criteria.length; i += 1) {
    const points = criterionPoints(criteria[i]!, answers);
    into[i] = points;
    total += points;
  }
  return total;
}
