import { describe, expect, it } from 'vitest'
import { moduleReport, overallStatus, renderMarkdown, type BenchResults } from './report.ts'

const machine = { nproc: 2, memoryGiB: 23.5, cpuModel: 'Test CPU', node: 'v20.20.2', platform: 'Linux', date: '2026-11-25T12:00:00.000Z' }

describe('moduleReport', () => {
  it('fails a module when any budgeted figure fails, and stamps verdicts', () => {
    const r = moduleReport({ id: 'x', title: 'X', durationMs: 1000 }, {
      figures: [
        { id: 'a', label: 'a', value: 2, unit: 'ms', budget: { op: '<=', limit: 1 } },
        { id: 'b', label: 'b', value: 9, unit: 'ms' },
      ],
    })
    expect(r.status).toBe('fail')
    expect(r.figures.map((f) => f.verdict)).toEqual(['FAIL', 'INFO'])
  })
  it('an error is its own status and fails the run', () => {
    const ok = moduleReport({ id: 'ok', title: 'OK', durationMs: 1 }, { figures: [] })
    const err = moduleReport({ id: 'e', title: 'E', durationMs: 1 }, { error: 'boom' })
    expect(err.status).toBe('error')
    expect(overallStatus([ok])).toBe('pass')
    expect(overallStatus([ok, err])).toBe('fail')
  })
})

describe('renderMarkdown', () => {
  it('machine, date, total time, a table per module; multi-line notes stay out', () => {
    const results: BenchResults = {
      startedAt: machine.date,
      durationMs: 125_000,
      complete: true,
      machine,
      status: 'fail',
      modules: [
        moduleReport({ id: 'api', title: 'API', durationMs: 60_000, loadAverageBefore: 0.5 }, {
          figures: [{ id: 'p95', label: 'p95 at 50 conn', value: 31, unit: 'ms', budget: { op: '<=', limit: 20 } }],
          notes: ['one line note', 'plan:\n  Seq Scan'],
        }),
        moduleReport({ id: 'broken', title: 'Broken', durationMs: 10 }, { error: 'Error: no stack' }),
      ],
    }
    const md = renderMarkdown(results)
    expect(md).toContain('on 2026-11-25 — 2 CPUs (Test CPU), 23.5 GiB RAM, Node v20.20.2')
    expect(md).toContain('Total run time 2 min 5 s. Overall: **FAIL**.')
    expect(md).not.toContain('\n\n\n')
    expect(md).toContain('`api` — FAIL in 1 min 0 s; load average before: 0.50')
    expect(md).toContain('| p95 at 50 conn | 31 ms | <= 20 ms | **FAIL** |')
    // budgets first, then the module's own table
    expect(md.indexOf('## Budgets')).toBeLessThan(md.indexOf('## API'))
    expect(md.split('| p95 at 50 conn |').length).toBe(3)
    expect(md).toContain('`broken` failed to run')
    expect(md).toContain('- one line note')
    expect(md).not.toContain('Seq Scan')
    expect(md).toContain('Error: no stack')
    expect(md).not.toContain('machine was busy')
    const busy = renderMarkdown({ ...results, modules: [{ ...results.modules[0]!, loadAverageBefore: 7.2 }] })
    expect(busy).toContain('**The machine was busy during this run** (load average up to 7.2 on 2 cores')
  })
})
