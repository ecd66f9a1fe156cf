import { describe, expect, it } from 'vitest'
import { median, percentile, ratio, summarize } from './stats.ts'

describe('percentile (nearest rank)', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]
  it('returns a sample: the smallest with at least p% of samples at or below it', () => {
    expect(percentile(ten, 50)).toBe(5)
    expect(percentile(ten, 95)).toBe(10)
    expect(percentile(ten, 90)).toBe(9)
    expect(percentile(ten, 91)).toBe(10)
    expect(percentile(ten, 100)).toBe(10)
    expect(percentile(ten, 0)).toBe(1)
  })
  it('p95 of 1..100 is 95 and p99 is 99', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(xs, 95)).toBe(95)
    expect(percentile(xs, 99)).toBe(99)
  })
  it('does not reorder the caller\'s array, ignores non-finite samples, NaN when empty', () => {
    const xs = [3, 1, 2]
    percentile(xs, 50)
    expect(xs).toEqual([3, 1, 2])
    expect(percentile([Number.NaN, 4], 50)).toBe(4)
    expect(percentile([], 50)).toBeNaN()
  })
  it('rejects p outside [0, 100]', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1], -1)).toThrow(RangeError)
  })
})

describe('median', () => {
  it('middle sample, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})

describe('summarize / ratio', () => {
  it('summarizes', () => {
    expect(summarize([2, 4, 6])).toEqual({ n: 3, min: 2, median: 4, p95: 6, max: 6, mean: 4 })
  })
  it('ratio is NaN when it cannot be computed', () => {
    expect(ratio(10, 4)).toBe(2.5)
    expect(ratio(1, 0)).toBeNaN()
    expect(ratio(Number.NaN, 1)).toBeNaN()
  })
})
