import { describe, expect, it } from 'vitest'
import { failures, verdict } from './budget.ts'
import { formatNumber, formatValue, markdownTable, textTable } from './format.ts'

describe('verdict', () => {
  it('PASS/FAIL on both sides of the limit, inclusive', () => {
    expect(verdict({ value: 1, budget: { op: '<=', limit: 1 } })).toBe('PASS')
    expect(verdict({ value: 1.01, budget: { op: '<=', limit: 1 } })).toBe('FAIL')
    expect(verdict({ value: 100, budget: { op: '>=', limit: 100 } })).toBe('PASS')
    expect(verdict({ value: 99, budget: { op: '>=', limit: 100 } })).toBe('FAIL')
  })
  it('no budget is INFO; a missing value never passes a budget', () => {
    expect(verdict({ value: Number.NaN })).toBe('INFO')
    expect(verdict({ value: Number.NaN, budget: { op: '>=', limit: 0 } })).toBe('FAIL')
    expect(verdict({ value: Number.POSITIVE_INFINITY, budget: { op: '<=', limit: 1 } })).toBe('FAIL')
  })
  it('failures keeps only the failed figures', () => {
    const figures = [
      { id: 'a', value: 2, budget: { op: '<=' as const, limit: 1 } },
      { id: 'b', value: 0, budget: { op: '<=' as const, limit: 1 } },
      { id: 'c', value: 5 },
    ]
    expect(failures(figures).map((f) => f.id)).toEqual(['a'])
  })
})

describe('formatting', () => {
  it('3 significant digits below 100, integers above', () => {
    expect(formatNumber(0.14234)).toBe('0.142')
    expect(formatNumber(4.268)).toBe('4.27')
    expect(formatNumber(57.34)).toBe('57.3')
    expect(formatNumber(123.6)).toBe('124')
    expect(formatNumber(51)).toBe('51')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(12345.4)).toBe('12,345')
    expect(formatValue(250, 'x')).toBe('250x')
    expect(formatValue(1.5, 'ms')).toBe('1.50 ms')
  })
  it('tables show value, budget and verdict per figure', () => {
    const figures = [
      { id: 'a', label: 'p95 at 50 connections', value: 25, unit: 'ms', budget: { op: '<=' as const, limit: 20 } },
      { id: 'b', label: 'requests/s | 50', value: 900, unit: 'req/s' },
    ]
    const text = textTable(figures)
    expect(text).toMatch(/p95 at 50 connections\s+25 ms\s+<= 20 ms\s+FAIL/)
    expect(text).toMatch(/requests\/s \| 50\s+900 req\/s\s+-\s+INFO/)
    const md = markdownTable(figures)
    expect(md).toContain('| p95 at 50 connections | 25 ms | <= 20 ms | **FAIL** |')
    expect(md).toContain('| requests/s \\| 50 | 900 req/s | - | - |')
  })
})
