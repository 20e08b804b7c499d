export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Exact percentiles (nearest rank) of a list of latencies in ms. */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
  return {
    p50: round2(at(50)),
    p95: round2(at(95)),
    p99: round2(at(99)),
    max: round2(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
    count: sorted.length,
  };
}

export { round2 };
