/**
 * `npm run bench`: runs every module of bench/modules.ts one after the other (each starts and
 * stops its own local stack / build in a temp dir), prints each figure next to its budget,
 * writes bench/results.json and bench/RESULTS.md, and exits 1 when a budget fails or a module
 * errors.
 *
 *   npm run bench                      all modules, writes results
 *   npm run bench -- --only api-load   some modules (comma-separated ids); results are written
 *   npm run bench -- --skip rls-scale  only with --write (a partial run would overwrite a full one)
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatDuration, textTable } from './lib/format.ts'
import type { BenchContext } from './lib/module.ts'
import {
  moduleReport,
  machineLine,
  overallStatus,
  renderMarkdown,
  type BenchResults,
  type ModuleReport,
} from './lib/report.ts'
import { MODULES } from './modules.ts'
import { machineInfo } from './support/machine.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv: string[]) {
  const opts = { only: [] as string[], skip: [] as string[], write: false }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    const value = () => (inline ?? argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    if (flag === '--only') opts.only.push(...value())
    else if (flag === '--skip') opts.skip.push(...value())
    else if (flag === '--write') opts.write = true
    else throw new Error(`unknown argument ${argv[i]} (use --only a,b / --skip a,b / --write)`)
  }
  const known = new Set(MODULES.map((m) => m.id))
  for (const id of [...opts.only, ...opts.skip]) {
    if (!known.has(id)) throw new Error(`unknown module "${id}" (known: ${[...known].join(', ')})`)
  }
  return opts
}

const opts = parseArgs(process.argv.slice(2))
const selected = MODULES.filter((m) => (opts.only.length === 0 || opts.only.includes(m.id)) && !opts.skip.includes(m.id))
const complete = selected.length === MODULES.length
const machine = machineInfo()

function gitState(): BenchResults['git'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
    const changed = git('status', '--porcelain', '--untracked-files=normal', '--', '.', ':!bench/results.json', ':!bench/RESULTS.md')
    return { commit: git('rev-parse', 'HEAD'), changedFiles: changed ? changed.split('\n').length : 0 }
  } catch {
    return undefined
  }
}
/** at the start: the bundle is built from the work tree as it is now */
const git = gitState()

const started = new Date()
const t0 = performance.now()

const tmpRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-bench-'))
// Postgres runs as the `postgres` user when we are root: it must be able to enter the dir.
await fs.chmod(tmpRoot, 0o755)

const cleanups = new Set<() => Promise<void> | void>()
const abort = new AbortController()
let interrupted: Promise<void> | undefined
// Ctrl-C: stop whatever the running module started (its work then fails fast), skip the rest,
// write nothing, exit 130.
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return
  process.stderr.write(`\n${signal}: stopping what the benchmarks started...\n`)
  abort.abort(new Error(`interrupted (${signal})`))
  interrupted = (async () => {
    for (const fn of [...cleanups].reverse()) await Promise.resolve().then(fn).catch(() => {})
    await fs.rm(tmpRoot, { recursive: true, force: true }).catch(() => {})
  })()
  // in case the running module does not notice
  setTimeout(() => process.exit(130), 60_000).unref()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)
process.on('SIGHUP', onSignal)

console.log(`Benchmarks on ${machineLine(machine)}`)
console.log(`Modules: ${selected.map((m) => m.id).join(', ')}\n`)

const reports: ModuleReport[] = []
for (const mod of selected) {
  const tmpDir = path.join(tmpRoot, mod.id)
  await fs.mkdir(tmpDir, { recursive: true, mode: 0o755 })
  const ctx: BenchContext = {
    root: ROOT,
    nproc: machine.nproc,
    signal: abort.signal,
    tmpDir,
    log: (line) => process.stderr.write(`[${mod.id}] ${line}\n`),
    onCleanup(fn) {
      cleanups.add(fn)
      return () => void cleanups.delete(fn)
    },
  }
  const loadAverageBefore = Math.round(os.loadavg()[0]! * 100) / 100
  console.log(`== ${mod.title} (${mod.id}); load average ${loadAverageBefore}`)
  if (loadAverageBefore > machine.nproc / 2) {
    console.log(`   warning: the machine is busy (load average ${loadAverageBefore} on ${machine.nproc} cores): figures will be skewed`)
  }
  const tm = performance.now()
  let report: ModuleReport
  try {
    const result = await mod.run(ctx)
    report = moduleReport({ id: mod.id, title: mod.title, durationMs: performance.now() - tm, loadAverageBefore }, result)
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err)
    report = moduleReport({ id: mod.id, title: mod.title, durationMs: performance.now() - tm, loadAverageBefore }, { error })
  }
  if (interrupted) {
    await interrupted
    process.exit(130)
  }
  await fs.rm(tmpDir, { recursive: true, force: true }).catch(() => {})
  reports.push(report)
  if (report.error) console.log(`ERROR: ${report.error}`)
  else {
    console.log(textTable(report.figures))
    for (const note of report.notes) console.log(`  ${note.replaceAll('\n', '\n  ')}`)
  }
  console.log(`-- ${mod.id}: ${report.status.toUpperCase()} in ${formatDuration(report.durationMs)}\n`)
}
await fs.rm(tmpRoot, { recursive: true, force: true }).catch(() => {})


const results: BenchResults = {
  startedAt: started.toISOString(),
  ...(git ? { git } : {}),
  durationMs: performance.now() - t0,
  complete,
  machine,
  status: overallStatus(reports),
  modules: reports,
}

console.log('== Budgets')
console.log(textTable(reports.flatMap((r) => r.figures.filter((f) => f.budget))))
for (const r of reports.filter((r) => r.status === 'error')) console.log(`${r.id}: ERROR (no figures)`)
console.log(`\nTotal ${formatDuration(results.durationMs)}: ${results.status.toUpperCase()}`)

if (complete || opts.write) {
  await fs.writeFile(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  await fs.writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), renderMarkdown(results))
  console.log('Wrote bench/results.json and bench/RESULTS.md')
} else {
  console.log('Partial run: bench/results.json and bench/RESULTS.md left as they were (add --write to overwrite)')
}
process.exit(results.status === 'pass' ? 0 : 1)
