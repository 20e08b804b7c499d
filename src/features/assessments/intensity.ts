import type { Intensity } from './assessments.codes.ts';

export interface ScoredDimension {
  scaleMin: number;
  scaleMax: number;
  score: number | null;
}

/**
 * The proposed intensity of taking charge, from the in-depth scores. Scales go from the least difficulty
 * (scale_min, e.g. 1 "no difficulty") to the most (scale_max, e.g. 4 "severe difficulty").
 *
 * Rule: each scored dimension is normalised to 0–1 ((score − min) / (max − min)); the mean of those
 * values gives low (< 0.25), medium (< 0.5), high (< 0.75) or very high. A dimension at the top of its
 * scale raises the proposal to at least high; two or more at the top make it very high (a single
 * severe area is enough to need close follow-up, whatever the average). No scored dimension: no proposal.
 * The worker may choose another intensity, stating the reason.
 */
export function proposeIntensity(dimensions: readonly ScoredDimension[]): Intensity | null {
  const scored = dimensions.filter((d): d is ScoredDimension & { score: number } => d.score !== null && d.scaleMax > d.scaleMin);
  if (scored.length === 0) return null;
  const values = scored.map((d) => (d.score - d.scaleMin) / (d.scaleMax - d.scaleMin));
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const atTop = scored.filter((d) => d.score >= d.scaleMax).length;
  if (atTop >= 2) return 'very_high';
  const byMean: Intensity = mean < 0.25 ? 'low' : mean < 0.5 ? 'medium' : mean < 0.75 ? 'high' : 'very_high';
  if (atTop === 1 && (byMean === 'low' || byMean === 'medium')) return 'high';
  return byMean;
}
