/** Text and markdown rendering of benchmark figures (pure, no I/O). */
import { verdict, type Budget, type Figure } from './budget.ts'

/** 3 significant digits for small values, no decimals for integers or from 100 up: 0.142, 4.27, 57.3, 51, 1,234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  if (abs === 0) return '0'
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US')
  if (abs >= 100 || Number.isInteger(value)) return value.toFixed(0)
  if (abs >= 10) return value.toFixed(1)
  if (abs >= 1) return value.toFixed(2)
  return value.toPrecision(3)
}

export function formatValue(value: number, unit: string): string {
  const n = formatNumber(value)
  if (unit === 'x') return `${n}x`
  return unit ? `${n} ${unit}` : n
}

export function formatBudget(budget: Budget | undefined, unit: string): string {
  return budget ? `${budget.op} ${formatValue(budget.limit, unit)}` : '-'
}

function pad(s: string, width: number, right = false): string {
  return right ? s.padStart(width) : s.padEnd(width)
}

/** Fixed-width console table: figure, value, budget, verdict. */
export function textTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.label, formatValue(f.value, f.unit), formatBudget(f.budget, f.unit), verdict(f)])
  const header = ['figure', 'value', 'budget', 'verdict']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) =>
    r.map((c, i) => pad(c, widths[i]!, i === 1 || i === 2)).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

function mdEscape(s: string): string {
  return s.replaceAll('|', '\\|')
}

export function markdownTable(figures: readonly Figure[]): string {
  const lines = ['| figure | value | budget | verdict |', '| --- | ---: | ---: | :---: |']
  for (const f of figures) {
    const v = verdict(f)
    const mark = v === 'PASS' ? 'PASS' : v === 'FAIL' ? '**FAIL**' : '-'
    lines.push(`| ${mdEscape(f.label)} | ${formatValue(f.value, f.unit)} | ${formatBudget(f.budget, f.unit)} | ${mark} |`)
  }
  return lines.join('\n')
}

export function formatDuration(ms: number): string {
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(1)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}
