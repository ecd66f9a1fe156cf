/** Pure statistics helpers for the benchmarks (no I/O). */

function sortedCopy(values: readonly number[]): number[] {
  const out = values.filter((v) => Number.isFinite(v))
  out.sort((a, b) => a - b)
  return out
}

/**
 * Nearest-rank percentile (p in [0, 100]): the smallest sample such that at least p% of the
 * samples are <= it. Always one of the samples (no interpolation), so "p95 = 12 ms" means
 * 95% of the requests took 12 ms or less. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`)
  const s = sortedCopy(values)
  if (s.length === 0) return Number.NaN
  if (p === 0) return s[0]!
  const rank = Math.ceil((p / 100) * s.length)
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!
}

/** Median; the mean of the two middle samples for an even count. NaN for no samples. */
export function median(values: readonly number[]): number {
  const s = sortedCopy(values)
  if (s.length === 0) return Number.NaN
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export interface Summary {
  n: number
  min: number
  median: number
  p95: number
  max: number
  mean: number
}

export function summarize(values: readonly number[]): Summary {
  const s = sortedCopy(values)
  const n = s.length
  return {
    n,
    min: n ? s[0]! : Number.NaN,
    median: median(s),
    p95: percentile(s, 95),
    max: n ? s[n - 1]! : Number.NaN,
    mean: n ? s.reduce((a, b) => a + b, 0) / n : Number.NaN,
  }
}

/** a / b, or NaN when b is 0 or either is not finite. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN
}
